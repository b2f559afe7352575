import type { BrowserContext } from 'playwright-core';

export const DEMO_DIR: string;
export const DEMO: Record<string, { kind: string; shows: string; url: string }>;
export function demoPages(): string[];
export function demoUrl(file: string): string;
export function routeDemo(context: BrowserContext): Promise<void>;
