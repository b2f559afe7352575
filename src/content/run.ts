import type { Adapter } from '../adapters/adapter';
import { byPriority, pickFrom } from '../adapters/registry';
import { mayBeBlog, mayBeSocial } from '../adapters/gates';
import type { Family, PageModel } from '../contract';
import { fitModel } from '../contract/fit';
import type { Responses } from '../contract/messages';
import { sendMessage } from '../contract/messaging';
import { siteOf } from '../contract/site';
import { normalizeSettings, readSettings, SETTINGS_KEY, type Settings } from '../settings';
import { familyAdapters } from './families';
import { highlight } from './highlight';
import { yieldToPage } from './yield';

/**
 * The content script (content-scripts/main.ts starts it) runs in the isolated world of every
 * http(s) page. It reads the page into a PageModel and sends it; the worker judges. A page that is
 * neither an article nor a profile costs it two cheap gates; a page that may be one gets its
 * adapter family injected by the worker (./families.ts), is read in slices with the page's turn
 * between them, and is read again when its DOM grows (single-page apps) or its URL changes.
 *
 * Each URL is one `Reading` with its own AbortSignal: a navigation aborts the reading in flight,
 * so an extraction of the old page can never be sent as the new one's.
 */

/** Quiet time after the last DOM mutation before re-reading: SPAs render in bursts. */
export const DEBOUNCE_MS = 400;
/** Under a mutation flood the page never goes quiet: re-read at most this often anyway. */
export const MAX_WAIT_MS = 2000;
/**
 * Longest stretch of stepwise extraction before the page gets its main thread back: a fifth of
 * the 50 ms that makes a task "long", so the steps around it have room too.
 */
export const SLICE_MS = 10;
/** Pages without an adapter are re-detected on DOM growth only this often per URL (X renders late). */
export const REDETECT_TRIES = 5;

const MARK = '__howsocialContent';

export function activeFor(settings: Settings, url: string): boolean {
  return settings.passive && !settings.pausedSites.includes(siteOf(url));
}

/** A fragment change (#comments) is the same page: no fresh extraction. */
function pageOf(url: string): string {
  return url.replace(/#.*$/, '');
}

function platformAllowed(settings: Settings, model: PageModel): boolean {
  return settings.platforms.length === 0 || settings.platforms.includes(model.platform);
}

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

/**
 * The adapters that may claim this page. Where both gates say no (most of the web) nothing is
 * loaded. Both families together keep registry order, so the pick is the one `pickAdapter` over
 * the whole registry would make.
 */
async function candidatesFor(doc: Document, url: URL): Promise<readonly Adapter[]> {
  const families: Family[] = [];
  if (mayBeBlog(doc, url)) families.push('blog');
  if (mayBeSocial(doc, url)) families.push('social');
  if (families.length === 0) return [];
  const lists = await Promise.all(families.map(loadFamily));
  return lists.length === 1 ? lists[0] : byPriority(lists.flat());
}

/** The adapter's extraction, in slices of at most ~SLICE_MS with the page's turn between them. */
export async function extractSliced(adapter: Adapter, doc: Document, url: URL, signal?: AbortSignal): Promise<PageModel> {
  if (!adapter.extractSteps) return adapter.extract(doc, url);
  const steps = adapter.extractSteps(doc, url);
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since >= SLICE_MS) {
      await yieldToPage();
      signal?.throwIfAborted();
      since = performance.now();
    }
  }
}

/** One URL's reading: the adapter that claimed it, its model, and what the worker has of it. */
interface Reading {
  url: string;
  controller: AbortController;
  adapter: Adapter | null;
  model: PageModel | null;
  redetects: number;
  /** the last model sent in full: an unchanged re-read sends nothing */
  lastSent: PageModel | null;
  /** ids of the posts the worker holds for this URL: a re-read sends only the others */
  sentPosts: Set<string> | null;
  /** the header of the last model sent (social section without posts), as JSON */
  sentHeader: string;
}

function newReading(url: string): Reading {
  return {
    url,
    controller: new AbortController(),
    adapter: null,
    model: null,
    redetects: 0,
    lastSent: null,
    sentPosts: null,
    sentHeader: '',
  };
}

function headerOf(model: PageModel): string {
  const s = model.social;
  return JSON.stringify([model.kind, s && { ...s, posts: undefined }]);
}

/**
 * Read the page, fresh or as a re-read of the same URL; null when no adapter claims it. Three
 * tasks, not one: detect, extract and the send each follow a yield to the page, so a big page never
 * sees one long task, and the DOM is read as it is at each stage (a change schedules the next read).
 */
async function read(reading: Reading, doc: Document, win: Window, fresh: boolean): Promise<PageModel | null> {
  const { signal } = reading.controller;
  const url = new URL(win.location.href);
  if (fresh || !reading.adapter || !reading.model) {
    const candidates = await candidatesFor(doc, url);
    signal.throwIfAborted();
    reading.adapter = pickFrom(candidates, doc, url);
    reading.model = null;
    if (reading.adapter) {
      await yieldToPage();
      signal.throwIfAborted();
      reading.model = await extractSliced(reading.adapter, doc, url, signal);
    }
  } else if (reading.adapter.extractMore) {
    reading.model = reading.adapter.extractMore(doc, url, reading.model);
  } else {
    reading.model = await extractSliced(reading.adapter, doc, url, signal);
  }
  await yieldToPage();
  signal.throwIfAborted();
  return reading.model;
}

/**
 * Send the model, or only what a re-read added: the posts the worker does not hold yet and the
 * latest header. The worker merges that part into the tab's last model (src/contract/merge.ts);
 * when it has none (the browser dropped its session) it asks for the whole model once more.
 */
async function send(reading: Reading, model: PageModel): Promise<void> {
  const fitted = fitModel(model);
  const posts = fitted.social?.posts;
  if (reading.sentPosts && posts && fitted.url === reading.url) {
    const added = posts.filter((p) => !reading.sentPosts!.has(p.id));
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
  if (!res?.ok) return;
  reading.lastSent = fitted;
  reading.sentPosts = posts ? new Set(posts.map((p) => p.id)) : null;
  reading.sentHeader = headerOf(fitted);
}

/** Start once per page (a second injection by `scripting.executeScript` finds the mark). */
export function startContent(win: Window & typeof globalThis): void {
  const g = globalThis as unknown as Record<string, unknown>;
  if (g[MARK]) return;
  g[MARK] = true;
  const doc = win.document;
  let settings = normalizeSettings(undefined);
  let reading = newReading(win.location.href);
  let observer: MutationObserver | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPending = 0;

  /** A new URL (SPA navigation) or a restart: the reading in flight is cancelled. */
  function restart(): Reading {
    reading.controller.abort();
    reading = newReading(win.location.href);
    return reading;
  }

  async function passiveRead(fresh: boolean): Promise<void> {
    if (!activeFor(settings, win.location.href)) return;
    const mine = reading;
    try {
      const model = await read(mine, doc, win, fresh);
      if (!model || !platformAllowed(settings, model) || mine.controller.signal.aborted) return;
      await send(mine, model);
    } catch {
      // Aborted by a navigation, or an adapter that chokes on an odd DOM: nothing is sent, and
      // nothing appears in the page's console.
    }
  }

  function onDomSettled(): void {
    timer = null;
    firstPending = 0;
    if (!chrome.runtime?.id) {
      // The extension was updated or removed: this orphaned script must stop working on the page.
      observe(false);
      return;
    }
    if (pageOf(win.location.href) !== pageOf(reading.url)) {
      // SPA navigation (pushState from the page's world, which we can't patch): start over.
      restart();
      void passiveRead(true);
      return;
    }
    if (!reading.adapter) {
      if (reading.redetects >= REDETECT_TRIES) return;
      reading.redetects++;
    }
    void passiveRead(false);
  }

  function schedule(): void {
    const now = Date.now();
    if (!firstPending) firstPending = now;
    if (timer) clearTimeout(timer);
    timer = setTimeout(onDomSettled, Math.max(0, Math.min(DEBOUNCE_MS, firstPending + MAX_WAIT_MS - now)));
  }

  function observe(on: boolean): void {
    if (on && !observer) {
      // No look at the records: each node a record names would get a wrapper in this world, which
      // cold costs more than the whole re-read schedule. Our own overlay's records are taken away
      // where it is drawn (the highlight message below), so every record left is the page's.
      observer = new MutationObserver(schedule);
      observer.observe(doc.documentElement, { childList: true, subtree: true });
      win.addEventListener('popstate', schedule);
    } else if (!on && observer) {
      observer.disconnect();
      observer = null;
      win.removeEventListener('popstate', schedule);
      if (timer) clearTimeout(timer);
      timer = null;
      firstPending = 0;
    }
  }

  /** The popup asked (or the CLI): read now, whatever passive mode and pauses say. */
  async function forcedRead(): Promise<Responses['run-audit']> {
    if (pageOf(win.location.href) !== pageOf(reading.url)) restart();
    const mine = reading;
    const model = await read(mine, doc, win, true);
    // Not an article or profile: say so instead of nothing.
    const out = fitModel(model ?? { url: new URL(win.location.href).href, kind: 'other', platform: 'generic' });
    // The worker stores what it judges of this answer: a passive send of the same model is not needed.
    mine.lastSent = out;
    mine.sentPosts = out.social ? new Set(out.social.posts.map((p) => p.id)) : null;
    mine.sentHeader = headerOf(out);
    return { model: out };
  }

  chrome.runtime.onMessage.addListener((msg: unknown, sender, sendResponse) => {
    if (sender.id !== chrome.runtime.id || typeof msg !== 'object' || msg === null) return false;
    const m = msg as { type?: unknown; selector?: unknown };
    if (m.type === 'run-audit') {
      forcedRead().then(sendResponse, () => sendResponse({ model: null } satisfies Responses['run-audit']));
      return true;
    }
    if (m.type === 'highlight' && typeof m.selector === 'string') {
      const ok = highlight(doc, m.selector);
      // the overlay is ours, not a change of the page: no re-read for it
      observer?.takeRecords();
      sendResponse({ ok } satisfies Responses['highlight']);
      return false;
    }
    return false;
  });

  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !changes[SETTINGS_KEY]) return;
    const was = activeFor(settings, win.location.href);
    settings = normalizeSettings(changes[SETTINGS_KEY].newValue);
    const now = activeFor(settings, win.location.href);
    observe(now);
    if (now && !was) {
      restart();
      void passiveRead(true);
    }
  });

  readSettings()
    .then((s) => {
      settings = s;
      if (!activeFor(s, win.location.href)) return;
      observe(true);
      return passiveRead(true);
    })
    .catch(() => {
      // Extension context invalidated (reloaded while the page stayed open): do nothing.
    });
}
