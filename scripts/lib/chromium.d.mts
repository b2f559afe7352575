import type { BrowserContext, Worker } from 'playwright-core';

export const CHROMIUM_PATH: string;
export const CHROMIUM_FLAGS: readonly string[];
export function launchWithExtension(
  distChromeDir: string,
  options?: { headless?: boolean; timeout?: number },
): Promise<{ context: BrowserContext; worker: Worker; extensionId: string; userDataDir: string; close(): Promise<void> }>;
export function extensionWorker(context: BrowserContext, extensionId: string, timeout?: number): Promise<Worker>;
