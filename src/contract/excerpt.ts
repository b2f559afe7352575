/**
 * Excerpts, written once for both sides of the page → worker message: the adapters make evidence
 * with them, and the worker restores an item's evidence text that the content script left out
 * because it is the excerpt of the item's own text (./fit.ts `fitModel`, ./model.ts).
 */

/** Evidence excerpts are short: DESIGN.md caps stored text at 200 characters. */
export const EXCERPT_MAX = 200;

export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

export function excerpt(text: string | null | undefined, max = EXCERPT_MAX): string {
  const t = squash(text);
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
