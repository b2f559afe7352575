import type { Adapter } from '../adapters/adapter';
import { byPriority, pickFrom } from '../adapters/families/pick';
import { mayBeBlog, mayBeSocial } from '../adapters/gates';
import { HIGHLIGHT_ATTR, highlight } from '../lib/highlight';
import { type Responses, sendMessage } from '../lib/messaging';
import { siteOf } from '../lib/site';
import { yieldToPage } from '../lib/yield';
import type { Audit, PageModel } from '../model';
import { normalizeSettings, readSettings, SETTINGS_KEY, type Settings } from '../settings';

/**
 * The content script's logic (content-scripts/main.ts only starts it). Runs in the isolated
 * world of every http(s) page: it must cost a page that is neither an article nor a profile
 * almost nothing, and it must never flood the background, whatever the page's DOM does.
 *
 * What every page loads is this file, the settings and the two cheap gates. The adapters come in
 * two family chunks (blog, social), imported only where a gate says the page may be theirs, and
 * the engine in a third (./judge) once there is a model to judge: DESIGN.md's 30 KB budget holds
 * for what a page actually loads, and a new adapter costs only its own family's pages.
 */

/** Quiet time after the last DOM mutation before re-auditing: SPAs render in bursts. */
export const DEBOUNCE_MS = 400;
/** Under a mutation flood the page never goes quiet: audit at most this often anyway. */
export const MAX_WAIT_MS = 2000;
/**
 * Longest stretch of stepwise extraction before the page gets its main thread back: a fifth of
 * the 50 ms that makes a task "long", so the steps around it (import, judge) have room too.
 */
export const SLICE_MS = 10;
/** Pages without an adapter are re-detected on DOM growth only this often per URL (X renders late). */
export const REDETECT_TRIES = 5;

interface State {
  settings: Settings;
  url: string;
  adapter: Adapter | null;
  model: PageModel | null;
  redetects: number;
  lastSent: string;
  observer: MutationObserver | null;
  timer: ReturnType<typeof setTimeout> | null;
  firstPending: number;
}

const MARK = '__howsocialContent';

/** A signature of what the user sees of an audit: re-send only when it changes. */
export function auditSignature(audit: Audit): string {
  return JSON.stringify([
    audit.url,
    audit.kind,
    audit.score,
    audit.sample,
    audit.findings.map((f) => [f.rule, f.verdict, f.score, f.evidence.length]),
  ]);
}

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

/**
 * The adapters that may claim this page, loaded by family. Where both gates say no (most of the
 * web) nothing is imported. Both families together keep registry order, so the pick is the one
 * `pickAdapter` over the whole registry would make.
 */
async function candidatesFor(doc: Document, url: URL): Promise<readonly Adapter[]> {
  const blog = mayBeBlog(doc, url);
  const social = mayBeSocial(doc, url);
  if (!blog && !social) return [];
  const [blogAdapters, socialAdapters] = await Promise.all([
    blog ? import('../adapters/families/blog').then((m) => m.BLOG_ADAPTERS) : [],
    social ? import('../adapters/families/social').then((m) => m.SOCIAL_ADAPTERS) : [],
  ]);
  if (socialAdapters.length === 0) return blogAdapters;
  if (blogAdapters.length === 0) return socialAdapters;
  return byPriority([...blogAdapters, ...socialAdapters]);
}

/** The adapter's extraction, in slices of at most ~SLICE_MS with the page's turn between them. */
export async function extractSliced(adapter: Adapter, doc: Document, url: URL): Promise<PageModel> {
  if (!adapter.extractSteps) return adapter.extract(doc, url);
  const steps = adapter.extractSteps(doc, url);
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since >= SLICE_MS) {
      await yieldToPage();
      since = performance.now();
    }
  }
}

/** Start once per page (a second injection by `scripting.executeScript` finds the mark). */
export function startContent(win: Window & typeof globalThis): void {
  const g = globalThis as unknown as Record<string, unknown>;
  if (g[MARK]) return;
  g[MARK] = true;
  const doc = win.document;
  const state: State = {
    settings: normalizeSettings(undefined),
    url: win.location.href,
    adapter: null,
    model: null,
    redetects: 0,
    lastSent: '',
    observer: null,
    timer: null,
    firstPending: 0,
  };

  /**
   * Extract (fresh or incremental) and judge; null when the page is not ours to audit.
   *
   * Three tasks, not one: detect, extract and judge each end with a yield to the page. On a
   * 50,000-element page each stage fits well inside 50 ms, but run back to back (an awaited
   * import that is already loaded resolves in the same task) they made one long task of 100 ms and
   * more (bench/README.md). The DOM may change between the stages: extract reads it as it is then,
   * and a change the observer sees schedules the next audit anyway.
   */
  async function audit(mode: 'fresh' | 'more', force: boolean): Promise<Audit | null> {
    const url = new URL(win.location.href);
    if (mode === 'fresh' || !state.adapter || !state.model) {
      const candidates = await candidatesFor(doc, url);
      state.adapter = pickFrom(candidates, doc, url);
      state.model = null;
      if (state.adapter) {
        await yieldToPage();
        state.model = await extractSliced(state.adapter, doc, url);
      }
    } else if (state.adapter.extractMore) {
      state.model = state.adapter.extractMore(doc, url, state.model);
    } else {
      state.model = await extractSliced(state.adapter, doc, url);
    }
    await yieldToPage();
    let model = state.model;
    if (!model) {
      if (!force) return null;
      // Asked explicitly (popup): say "not an article or profile" instead of nothing.
      model = { url: url.href, kind: 'other', platform: 'generic' };
    } else if (!force && !platformAllowed(state.settings, model)) {
      return null;
    }
    const { judgePage } = await import('./judge');
    return judgePage(model);
  }

  async function passiveAudit(mode: 'fresh' | 'more'): Promise<void> {
    if (!activeFor(state.settings, win.location.href)) return;
    let result: Audit | null;
    try {
      result = await audit(mode, false);
    } catch {
      // An adapter that chokes on an odd DOM: no audit for this page, and nothing in its console.
      return;
    }
    if (!result) return;
    const sig = auditSignature(result);
    if (sig === state.lastSent) return;
    state.lastSent = sig;
    await sendMessage({ type: 'audit', audit: result });
  }

  function onDomSettled(): void {
    state.timer = null;
    state.firstPending = 0;
    if (!chrome.runtime?.id) {
      // The extension was updated or removed: this orphaned script must stop working on the page.
      observe(false);
      return;
    }
    if (pageOf(win.location.href) !== pageOf(state.url)) {
      // SPA navigation (pushState from the page's world, which we can't patch): start over.
      state.url = win.location.href;
      state.adapter = null;
      state.model = null;
      state.redetects = 0;
      state.lastSent = '';
      void passiveAudit('fresh');
      return;
    }
    if (!state.adapter) {
      if (state.redetects >= REDETECT_TRIES) return;
      state.redetects++;
    }
    void passiveAudit('more');
  }

  function schedule(): void {
    const now = Date.now();
    if (!state.firstPending) state.firstPending = now;
    if (state.timer) clearTimeout(state.timer);
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, state.firstPending + MAX_WAIT_MS - now));
    state.timer = setTimeout(onDomSettled, wait);
  }

  function onlyOurOverlay(records: MutationRecord[]): boolean {
    return records.every((r) =>
      [...r.addedNodes, ...r.removedNodes].every((n) => n instanceof Element && n.hasAttribute(HIGHLIGHT_ATTR)),
    );
  }

  function observe(on: boolean): void {
    if (on && !state.observer) {
      state.observer = new MutationObserver((records) => {
        if (!onlyOurOverlay(records)) schedule();
      });
      state.observer.observe(doc.documentElement, { childList: true, subtree: true });
      win.addEventListener('popstate', schedule);
    } else if (!on && state.observer) {
      state.observer.disconnect();
      state.observer = null;
      win.removeEventListener('popstate', schedule);
      if (state.timer) clearTimeout(state.timer);
      state.timer = null;
      state.firstPending = 0;
    }
  }

  chrome.runtime.onMessage.addListener((msg: unknown, sender, sendResponse) => {
    if (sender.id !== chrome.runtime.id || typeof msg !== 'object' || msg === null) return false;
    const m = msg as { type?: unknown; selector?: unknown };
    if (m.type === 'run-audit') {
      audit('fresh', true).then(
        (result) => {
          if (result) state.lastSent = auditSignature(result);
          sendResponse({ audit: result } satisfies Responses['run-audit']);
        },
        () => sendResponse({ audit: null } satisfies Responses['run-audit']),
      );
      return true;
    }
    if (m.type === 'highlight' && typeof m.selector === 'string') {
      sendResponse({ ok: highlight(doc, m.selector) } satisfies Responses['highlight']);
      return false;
    }
    return false;
  });

  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !changes[SETTINGS_KEY]) return;
    const was = activeFor(state.settings, win.location.href);
    state.settings = normalizeSettings(changes[SETTINGS_KEY].newValue);
    const now = activeFor(state.settings, win.location.href);
    observe(now);
    if (now && !was) {
      state.lastSent = '';
      void passiveAudit('fresh');
    }
  });

  readSettings()
    .then((settings) => {
      state.settings = settings;
      if (!activeFor(settings, win.location.href)) return;
      observe(true);
      return passiveAudit('fresh');
    })
    .catch(() => {
      // Extension context invalidated (reloaded while the page stayed open): do nothing.
    });
}
