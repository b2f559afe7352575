import type { PageModel } from '../model';

/** Shorter posts are too generic ("Thanks!") to say the same message was posted everywhere. */
export const MIN_FINGERPRINT_CHARS = 40;

/** Normalise post text so the same message on two networks gives the same fingerprint. */
export function normalizeForFingerprint(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/[#@][\p{L}\p{N}_]+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** FNV-1a 32-bit, hex: a fingerprint, not the text (DESIGN.md: no full texts stored). */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function fingerprintOf(text: string): string | null {
  const norm = normalizeForFingerprint(text);
  return norm.length >= MIN_FINGERPRINT_CHARS ? fnv1a(norm) : null;
}

/** Fingerprints of the page owner's own posts (not reposts of others). */
export function fingerprintsOf(model: PageModel): string[] {
  const posts = model.social?.posts ?? [];
  const out = new Set<string>();
  for (const p of posts) {
    if (p.isRepost) continue;
    const fp = fingerprintOf(p.text);
    if (fp) out.add(fp);
  }
  return [...out].slice(0, 200);
}
