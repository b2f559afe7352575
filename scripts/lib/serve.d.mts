export const CONTENT_TYPES: Record<string, string>;
export function contentTypeOf(path: string): string;
export function serve(root: string, options?: { port?: number }): Promise<{ url: string; port: number; close(): Promise<void> }>;
