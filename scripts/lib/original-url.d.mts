export function attributesOf(attrText: string): Record<string, string>;
export function statedUrlOf(html: string): { url: string; source: 'canonical' | 'og:url' } | null;
export const LOCAL_ORIGIN: string;
export function originalUrlOf(
  html: string,
  options?: { url?: string | null; fileName?: string },
): { url: string; source: 'option' | 'canonical' | 'og:url' | 'local' };
export function declaredCharsetOf(bytes: Uint8Array): string | null;
export function htmlContentType(bytes: Uint8Array): string;
