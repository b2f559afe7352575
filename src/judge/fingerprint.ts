import type { PageModel, SocialPost } from '../contract';

/** Shorter posts are too generic ("Thanks!") to say the same message was posted everywhere. */
export const MIN_FINGERPRINT_CHARS = 40;

// any code unit above 0x7f (an astral character's surrogates included)
const NON_ASCII = /[\u0080-\uffff]/;

/** Normalise post text so the same message on two networks gives the same fingerprint. */
export function normalizeForFingerprint(text: string): string {
  // ASCII text has no marks and no letters or digits beyond [a-z0-9] once lower-cased: the same
  // result as below, without NFKD and the Unicode classes (most of an X post's fingerprint cost)
  if (!NON_ASCII.test(text)) {
    return text
      .toLowerCase()
      .replace(/https?:\/\/\S+/g, '')
      .replace(/[#@][a-z0-9_]+/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
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

/**
 * A post's fingerprint, computed once per post object: every audit of a page reads them twice (the
 * history look-up, the audit's own list), and a re-audit keeps the posts it already parsed.
 */
const byPost = new WeakMap<SocialPost, string | null>();
export function postFingerprint(post: SocialPost): string | null {
  let fp = byPost.get(post);
  if (fp === undefined) {
    fp = fingerprintOf(post.text);
    byPost.set(post, fp);
  }
  return fp;
}

/** Fingerprints of the page owner's own posts (not reposts of others). */
export function fingerprintsOf(model: PageModel): string[] {
  const posts = model.social?.posts ?? [];
  const out = new Set<string>();
  for (const p of posts) {
    if (p.isRepost) continue;
    const fp = postFingerprint(p);
    if (fp) out.add(fp);
  }
  return [...out].slice(0, 200);
}
