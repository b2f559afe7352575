import { evidenceOf, excerpt, readableText, squash } from '../dom';
import type { PhoneMention } from '../../contract';
import { attr, commentThreads, linksOutside, textOutside } from './dom';

/**
 * Phone numbers anywhere on the page (contact boxes and footers included: a paid hotline in the
 * footer is the point of the `paid-hotline` rule) except in the comment lists: a number a reader
 * writes in a comment is not the site's. A number in text counts only with a phone word before
 * it or a premium-rate prefix, so dates, prices and order numbers stay out.
 */

const MAX_PHONES = 30;
const NUMBER = /(?:\+|00)?\(?\d[\d ()/.\u00a0-]{5,20}\d/g;
// a phone word shortly before the number: "Tel.:", "Call us at", "Hotline (kostenpflichtig):"
const PHONE_WORD =
  /(?:tel|telefon|phone|fon|hotline|fax|mobil|handy|call|anruf|rufen sie|ruf|kontakt|service|support|whatsapp|☎|📞)[^\d\n]{0,20}$/i;
/(?:tel|telefon|phone|fon|hotline|fax|mobil|handy|call|anruf|rufen sie|ruf|kontakt|service|support|☎|📞)[\s.:]*$/i;
// premium-rate prefixes on the digits (country code without + or 00): German 0900/0180/0137
// (Mehrwert-/Servicedienste), Austrian 0900/0901/0930, Swiss 0900/0901/0906, UK 09xx, US 1-900
const PREMIUM = /^(?:0(?:900|901|906|930|180|137)|49(?:900|180|137)|43(?:900|901|930)|41(?:900|901|906)|449\d\d|1900)/;
// how a dialled number starts; US numbers only in their full 3-3-4 shape (so "1900-1950" stays a year range)
const DIALLED = /^(?:\+|00|0|\(0)|^1?[-\s.]?\(?[2-9]\d\d\)?[-\s.]\d{3}[-\s.]\d{4}$/;

export function normalizePhone(raw: string): string {
  const plus = /^\s*(?:\+|00)/.test(raw);
  const digits = raw.replace(/\D/g, '').replace(/^00/, '');
  return plus ? `+${digits}` : digits;
}

function sentenceAround(text: string, index: number, length: number): string {
  const before = text.slice(Math.max(0, index - 160), index);
  const after = text.slice(index + length, index + length + 160);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'));
  const endMatch = /[.!?](?:\s|$)/.exec(after);
  const end = endMatch ? endMatch.index + 1 : after.length;
  return excerpt(`${before.slice(start + 1)}${text.slice(index, index + length)}${after.slice(0, end)}`, 200);
}

/** Enough text around a number to read what it is for ("Hotline (1,99 €/Min.): 0900 …"). */
const CONTEXT_MIN = 60;

/**
 * The sentence around a number as a reader sees it. The page text the numbers are found in is
 * one native `textContent`, which glues blocks together ("für Sie da:0900 5 123 456(1,99 €/Min."):
 * here the number's element, or the nearest ancestor with enough words around it, is read with
 * its block and line breaks as spaces. Null when the number is split over elements.
 */
function contextAround(el: Element, raw: string): string | null {
  const number = squash(raw);
  let node: Element | null = el;
  let best: string | null = null;
  for (let up = 0; node && up < 4 && node.localName !== 'body'; up++, node = node.parentElement) {
    const text = readableText(node, undefined, 2000);
    const at = text.indexOf(number);
    if (at < 0) break;
    best = sentenceAround(text, at, number.length);
    if (text.length - number.length >= CONTEXT_MIN) break;
  }
  return best;
}

// TreeWalker constants (NodeFilter is not a global in every test DOM)
const SHOW_ELEMENT_AND_TEXT = 1 | 4;
const ACCEPT = 1;
const REJECT = 2;
const SKIP = 3;

export function phonesOf(doc: Document, threads: readonly Element[] = commentThreads(doc)): PhoneMention[] {
  const found: PhoneMention[] = [];
  const seen = new Set<string>();
  const add = (raw: string, context: string, el: Element) => {
    const normalized = normalizePhone(raw);
    const digits = normalized.replace('+', '').length;
    if (digits < 6 || digits > 15 || seen.has(normalized) || found.length >= MAX_PHONES) return;
    seen.add(normalized);
    found.push({ raw: raw.trim(), normalized, context, evidence: evidenceOf(el, context) });
  };
  for (const a of linksOutside(doc, threads)) {
    const href = attr(a, 'href');
    if (!/^tel:/i.test(href)) continue;
    const raw = decodeURIComponent(href.slice(4));
    add(raw, excerpt(readableText(a.parentElement ?? a)), a);
  }
  const body = doc.body;
  if (!body) return found;
  // One regex pass over the page text (textContent is one native call); only numbers that pass the
  // filters are then looked up among the text nodes, which is rare. A per-node walk costs ~20 ms
  // on a 50,000-element page.
  const all = textOutside(body, threads);
  const hits: { raw: string; context: string }[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(all); m && hits.length < MAX_PHONES; m = NUMBER.exec(all)) {
    let raw = m[0];
    // "0900 123 456 (1,99 €/min)": an opening bracket with no close belongs to the text after
    const open = raw.lastIndexOf('(');
    if (open > 0 && raw.indexOf(')', open) < 0) raw = raw.slice(0, open).trim();
    if (!DIALLED.test(raw.trim())) continue;
    const lead = all.slice(Math.max(0, m.index - 30), m.index);
    if (!PHONE_WORD.test(lead) && !PREMIUM.test(normalizePhone(raw).replace('+', ''))) continue;
    hits.push({ raw, context: sentenceAround(all, m.index, raw.length) });
  }
  if (hits.length === 0) return found;
  // text nodes in document order, the comment lists left out (rejected with their subtrees)
  const skip = new Set<Node>(threads);
  const walker =
    skip.size === 0
      ? doc.createTreeWalker(body, 4)
      : doc.createTreeWalker(body, SHOW_ELEMENT_AND_TEXT, {
          acceptNode: (n) => (skip.has(n) ? REJECT : n.nodeType === 3 ? ACCEPT : SKIP),
        });
  let pending = hits;
  for (let node = walker.nextNode(); node && pending.length > 0; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length < 6) continue;
    const parent = node.parentElement;
    if (!parent) continue;
    const here = pending.filter((h) => text.includes(h.raw));
    if (here.length === 0) continue;
    pending = pending.filter((h) => !here.includes(h));
    // numbers inside scripts and form fields are not shown to anyone
    if (/^(script|style|noscript|template|textarea)$/.test(parent.localName)) continue;
    for (const h of here) add(h.raw, contextAround(parent, h.raw) ?? h.context, parent);
  }
  return found;
}
