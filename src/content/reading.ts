import type { Adapter } from '../adapters/adapter';
import { mayBeBlog, mayBeSocial } from '../adapters/gates';
import { byPriority, pickFrom } from '../adapters/registry';
import type { Family, PageModel } from '../contract';
import { fitModelWith } from '../contract/fit';
import { sendMessage } from '../contract/messaging';
import { familyAdapters, familyFitters } from './families';
import { yieldToPage } from './yield';

/**
 * Cancels a reading. Not an AbortController on purpose: every DOM or extension interface a content
 * script touches first is instantiated for its isolated world on that page load (measured cold,
 * 0.3–1.5 ms each for AbortController, MutationObserver, storage.onChanged), and a page no gate
 * claims should pay for none of them.
 */
export class Cancelled extends Error {}

export interface Cancel {
  cancelled: boolean;
}

export function throwIfCancelled(cancel: Cancel): void {
  if (cancel.cancelled) throw new Cancelled();
}

/**
 * One URL's reading (src/content/run.ts starts one per URL): which adapter claimed the page, the
 * model it read, and what of it the worker already holds. Cancelled when the page navigates, so an
 * extraction of the old page can never be sent as the new one's.
 */
export interface Reading extends Cancel {
  readonly url: string;
  adapter: Adapter | null;
  model: PageModel | null;
  /** whether a gate said this URL may be an article or a profile */
  gated: boolean;
  /** DOM growths this URL was re-detected on without an adapter claiming it */
  redetects: number;
  /** the last model sent in full: an unchanged re-read sends nothing */
  lastSent: PageModel | null;
  /** ids of the posts the worker holds for this URL: a re-read sends only the others */
  sentPosts: Set<string> | null;
  /** the header of the last model sent (social section without posts), as JSON */
  sentHeader: string;
}

export function newReading(url: string): Reading {
  return {
    url,
    cancelled: false,
    adapter: null,
    model: null,
    gated: false,
    redetects: 0,
    lastSent: null,
    sentPosts: null,
    sentHeader: '',
  };
}

/**
 * Longest stretch of stepwise extraction before the page gets its main thread back: a fifth of
 * the 50 ms that makes a task "long", so the steps around it have room too.
 */
export const SLICE_MS = 10;

/** Loads under way: a passive read and the popup's read at once ask the worker only once. */
const loading = new Map<Family, Promise<readonly Adapter[]>>();

/** The family's adapters, injected by the worker on first need; [] when that failed (asked again next time). */
function loadFamily(family: Family): Promise<readonly Adapter[]> {
  const loaded = familyAdapters(family);
  if (loaded) return Promise.resolve(loaded);
  let pending = loading.get(family);
  if (!pending) {
    pending = sendMessage({ type: 'load-adapters', family }).then((res) => {
      loading.delete(family);
      return res?.ok ? (familyAdapters(family) ?? []) : [];
    });
    loading.set(family, pending);
  }
  return pending;
}

/** The families whose gate lets this page in: none on most of the web. */
function familiesFor(doc: Document, url: URL): Family[] {
  const families: Family[] = [];
  if (mayBeBlog(doc, url)) families.push('blog');
  if (mayBeSocial(doc, url)) families.push('social');
  return families;
}

/**
 * The adapters that may claim this page. Both families together keep registry order, so the pick
 * is the one `pickAdapter` over the whole registry would make.
 */
async function candidatesOf(families: readonly Family[]): Promise<readonly Adapter[]> {
  const lists = await Promise.all(families.map(loadFamily));
  return lists.length === 1 ? lists[0] : byPriority(lists.flat());
}

/** The adapter's extraction, in slices of at most ~SLICE_MS with the page's turn between them. */
export async function extractSliced(adapter: Adapter, doc: Document, url: URL, cancel?: Cancel): Promise<PageModel> {
  if (!adapter.extractSteps) return adapter.extract(doc, url);
  const steps = adapter.extractSteps(doc, url);
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since >= SLICE_MS) {
      await yieldToPage();
      if (cancel) throwIfCancelled(cancel);
      since = performance.now();
    }
  }
}

/**
 * Read the page, fresh or as a re-read of the same URL; null when no adapter claims it (or
 * `admit` says no once a gate has let the page in: paused site, passive audits off). Three tasks,
 * not one: detect, extract and the send each follow a yield to the page, so a big page never sees
 * one long task, and the DOM is read as it is at each stage (a change schedules the next read).
 */
export async function read(
  reading: Reading,
  doc: Document,
  href: string,
  fresh: boolean,
  admit: () => Promise<boolean>,
): Promise<PageModel | null> {
  const url = new URL(href);
  if (fresh || !reading.adapter || !reading.model) {
    const families = familiesFor(doc, url);
    reading.gated = families.length > 0;
    reading.adapter = null;
    reading.model = null;
    if (!reading.gated || !(await admit())) return null;
    throwIfCancelled(reading);
    const candidates = await candidatesOf(families);
    throwIfCancelled(reading);
    reading.adapter = pickFrom(candidates, doc, url);
    if (reading.adapter) {
      await yieldToPage();
      throwIfCancelled(reading);
      reading.model = await extractSliced(reading.adapter, doc, url, reading);
    }
  } else if (reading.adapter.extractMore) {
    reading.model = reading.adapter.extractMore(doc, url, reading.model);
  } else {
    reading.model = await extractSliced(reading.adapter, doc, url, reading);
  }
  await yieldToPage();
  throwIfCancelled(reading);
  return reading.model;
}

function headerOf(model: PageModel): string {
  const s = model.social;
  return JSON.stringify([model.kind, s && { ...s, posts: undefined }]);
}

/** The worker has this model (sent, or judged from the popup's read): later re-reads send only what is new. */
export function markSent(reading: Reading, model: PageModel): void {
  reading.lastSent = model;
  reading.sentPosts = model.social ? new Set(model.social.posts.map((p) => p.id)) : null;
  reading.sentHeader = headerOf(model);
}

/**
 * Send the model, or only what a re-read added: the posts the worker does not hold yet and the
 * latest header. The worker merges that part into the tab's last model (src/contract/merge.ts);
 * when it has none (the browser dropped its session) it asks for the whole model once more.
 */
export async function send(reading: Reading, model: PageModel): Promise<void> {
  const fitted = fitModelWith(model, familyFitters());
  const posts = fitted.social?.posts;
  if (reading.sentPosts && posts && fitted.url === reading.url) {
    const added = posts.filter((p) => !reading.sentPosts?.has(p.id));
    const header = headerOf(fitted);
    if (added.length === 0 && header === reading.sentHeader) return;
    const part: PageModel = { ...fitted, social: { ...fitted.social!, posts: added } };
    const res = await sendMessage({ type: 'page', model: part, more: true });
    if (res?.ok) {
      for (const p of added) reading.sentPosts.add(p.id);
      reading.sentHeader = header;
      return;
    }
    if (!res?.resend) return;
  }
  // Compared as JSON only on a re-read: a page's first (and usually only) send serialises nothing extra.
  if (reading.lastSent && JSON.stringify(fitted) === JSON.stringify(reading.lastSent)) return;
  const res = await sendMessage({ type: 'page', model: fitted });
  if (res?.ok) markSent(reading, fitted);
}
