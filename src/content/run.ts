import type { PageModel } from '../contract';
import { fitModelWith } from '../contract/fit';
import type { Responses } from '../contract/messages';
import { siteOf } from '../contract/site';
import { type PageSettings, pageSettingsOf, SETTINGS_KEY } from '../settings';
import { readPageSettings } from './settings';
import { familyFitters } from './families';
import { markSent, newReading, type Reading, read, send } from './reading';
import { type Watch, watchPage } from './watch';

export { extractSliced, SLICE_MS } from './reading';
export { DEBOUNCE_MS, MAX_WAIT_MS } from './watch';

/**
 * The content script (content-scripts/main.ts starts it) runs in the isolated world of every
 * http(s) page. It reads the page into a PageModel and sends it; the worker judges. A page that is
 * neither an article nor a profile costs it two cheap gates; a page that may be one gets its
 * adapter family injected by the worker (./families.ts), is read in slices with the page's turn
 * between them (./reading.ts), and is read again when its DOM grows (single-page apps, ./watch.ts)
 * or its URL changes. Each URL is one Reading with its own cancel flag: a navigation cancels the
 * reading in flight.
 */

/** Pages without an adapter are re-detected on DOM growth only this often per URL (X renders late). */
export const REDETECT_TRIES = 5;
/**
 * A page no gate lets in is not watched with a MutationObserver (its instantiation alone costs a
 * cold page more than both gates): it is looked at again after these pauses (ms) — a page that
 * renders late — and then its URL every URL_POLL_MS, for single-page apps that navigate to a post.
 */
export const RECHECK_MS = [1000, 2000, 4000, 8000, 16000] as const;
export const URL_POLL_MS = 2000;

const MARK = '__howsocialContent';

export function activeFor(settings: PageSettings, url: string): boolean {
  return settings.passive && !settings.pausedSites.includes(siteOf(url));
}

/** A fragment change (#comments) is the same page: no fresh extraction. */
function pageOf(url: string): string {
  return url.replace(/#.*$/, '');
}

function platformAllowed(settings: PageSettings, model: PageModel): boolean {
  return settings.platforms.length === 0 || settings.platforms.includes(model.platform);
}

/** What the content script of one document keeps between events. */
interface Page {
  readonly win: Window & typeof globalThis;
  readonly doc: Document;
  /** read when a gate first lets a page of this document in; most pages never need them */
  settings: PageSettings | null;
  reading: Reading;
  /** the DOM watch of a page a gate let in (SPA re-reads) */
  watch: Watch | null;
  /** the next look at a page no gate let in */
  recheck: ReturnType<typeof setTimeout> | null;
  rechecks: number;
}

/** This document's content script is still the one running (not orphaned, not replaced). */
function current(page: Page): boolean {
  return (globalThis as unknown as Record<string, unknown>)[MARK] === page && Boolean(chrome.runtime?.id);
}

/** A new URL (SPA navigation) or a restart: the reading in flight is cancelled. */
function restart(page: Page): Reading {
  page.reading.cancelled = true;
  page.reading = newReading(page.win.location.href);
  return page.reading;
}

/** Settings are read once a gate lets a page in; then passive mode and pauses decide, and the DOM is watched. */
async function admitted(page: Page): Promise<boolean> {
  if (!page.settings) {
    page.settings = await readPageSettings();
    chrome.storage.onChanged.addListener(onSettingsChanged(page));
  }
  const active = activeFor(page.settings, page.win.location.href);
  setWatching(page, active);
  return active;
}

async function passiveRead(page: Page, fresh: boolean): Promise<void> {
  if (page.settings && !activeFor(page.settings, page.win.location.href)) return;
  const mine = page.reading;
  try {
    const model = await read(mine, page.doc, page.win.location.href, fresh, () => admitted(page));
    if (!mine.gated && !page.watch) scheduleRecheck(page);
    if (!model || !page.settings || !platformAllowed(page.settings, model) || mine.cancelled) return;
    await send(mine, model);
  } catch {
    // Cancelled by a navigation, or an adapter that chokes on an odd DOM: nothing is sent, and
    // nothing appears in the page's console.
  }
}

function scheduleRecheck(page: Page): void {
  if (page.recheck) return;
  const wait = RECHECK_MS[page.rechecks] ?? URL_POLL_MS;
  page.recheck = setTimeout(() => {
    page.recheck = null;
    if (!current(page) || page.watch) return;
    const moved = pageOf(page.win.location.href) !== pageOf(page.reading.url);
    if (moved) {
      restart(page);
      page.rechecks = 0;
    } else if (page.rechecks >= RECHECK_MS.length) {
      // past the tries: only a navigation makes it look again
      scheduleRecheck(page);
      return;
    } else page.rechecks++;
    void passiveRead(page, true);
  }, wait);
}

function onDomSettled(page: Page): void {
  if (!current(page)) {
    // The extension was updated or removed: this orphaned script must stop working on the page.
    setWatching(page, false);
    return;
  }
  if (pageOf(page.win.location.href) !== pageOf(page.reading.url)) {
    // SPA navigation (pushState from the page's world, which we can't patch): start over.
    restart(page);
    void passiveRead(page, true);
    return;
  }
  if (!page.reading.adapter) {
    if (page.reading.redetects >= REDETECT_TRIES) return;
    page.reading.redetects++;
  }
  void passiveRead(page, false);
}

function setWatching(page: Page, on: boolean): void {
  if (on && !page.watch) page.watch = watchPage(page.doc, page.win, () => onDomSettled(page));
  else if (!on && page.watch) {
    page.watch.stop();
    page.watch = null;
  }
}

/** The popup asked (or the CLI): read now, whatever passive mode and pauses say. */
async function forcedRead(page: Page): Promise<Responses['run-audit']> {
  if (pageOf(page.win.location.href) !== pageOf(page.reading.url)) restart(page);
  const mine = page.reading;
  const model = await read(mine, page.doc, page.win.location.href, true, async () => true);
  // Not an article or profile: say so instead of nothing.
  const out = fitModelWith(
    model ?? { url: new URL(page.win.location.href).href, kind: 'other', platform: 'generic' },
    familyFitters(),
  );
  // The worker stores what it judges of this answer: a passive send of the same model is not needed.
  markSent(mine, out);
  return { model: out };
}

function onMessage(page: Page) {
  return (msg: unknown, sender: chrome.runtime.MessageSender, sendResponse: (r: unknown) => void): boolean => {
    if (sender.id !== chrome.runtime.id || typeof msg !== 'object' || msg === null) return false;
    const m = msg as { type?: unknown };
    if (m.type === 'run-audit') {
      forcedRead(page).then(sendResponse, () => sendResponse({ model: null } satisfies Responses['run-audit']));
      return true;
    }
    return false;
  };
}

function onSettingsChanged(page: Page) {
  return (changes: Record<string, chrome.storage.StorageChange>, area: string): void => {
    if (area !== 'local' || !changes[SETTINGS_KEY] || !page.settings) return;
    const was = activeFor(page.settings, page.win.location.href);
    page.settings = pageSettingsOf(changes[SETTINGS_KEY].newValue);
    const now = activeFor(page.settings, page.win.location.href);
    setWatching(page, now);
    if (now && !was) {
      restart(page);
      void passiveRead(page, true);
    }
  };
}

/**
 * Start once per page (a second injection by `scripting.executeScript` finds the mark). On a page
 * no gate lets in — most of the web — this is all it costs: one message listener and the gates.
 */
export function startContent(win: Window & typeof globalThis): void {
  const g = globalThis as unknown as Record<string, unknown>;
  if (g[MARK]) return;
  const page: Page = {
    win,
    doc: win.document,
    settings: null,
    reading: newReading(win.location.href),
    watch: null,
    recheck: null,
    rechecks: 0,
  };
  g[MARK] = page;
  chrome.runtime.onMessage.addListener(onMessage(page));
  void passiveRead(page, true);
}
