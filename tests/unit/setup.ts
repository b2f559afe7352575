/**
 * Vitest setup for unit tests (happy-dom): an in-memory IndexedDB (fake-indexeddb) for Dexie,
 * and a small in-memory `chrome` for code that calls extension APIs. A fresh mock is installed
 * before every test; tests reach it with `chromeMock()` to inspect badges, messages and storage,
 * or replace it with vi.stubGlobal('chrome', …) for a narrower fake.
 */
import 'fake-indexeddb/auto';
import { beforeEach, vi } from 'vitest';

/**
 * webextension-polyfill (src/lib/browser-api.ts) in unit tests: `browser` is the current mock
 * `chrome` below (the mock's methods already return promises, as MV3's do), except that a
 * `runtime.onMessage` listener is wrapped as the polyfill wraps it in Chrome — a returned promise
 * becomes the answer through sendResponse, and `true` is returned to keep the channel open — so
 * tests drive `chrome.runtime.onMessage.listeners` exactly as the browser does.
 */
vi.mock('webextension-polyfill', () => {
  type Listener = (msg: unknown, sender: unknown) => unknown;
  type Raw = (msg: unknown, sender: unknown, respond: (r: unknown) => void) => boolean;
  const now = () => (globalThis as unknown as { chrome: Record<string, Record<string, unknown>> }).chrome;
  const rawEvent = () => now().runtime.onMessage as { addListener(l: Raw): void; removeListener(l: Raw): void };
  const wrapped = new Map<Listener, Raw>();
  const onMessage = {
    addListener(listener: Listener) {
      const raw: Raw = (msg, sender, respond) => {
        const result = listener(msg, sender) as Promise<unknown> | undefined;
        if (!result || typeof result.then !== 'function') return false;
        result.then(respond, () => respond(undefined));
        return true;
      };
      wrapped.set(listener, raw);
      rawEvent().addListener(raw);
    },
    removeListener(listener: Listener) {
      const raw = wrapped.get(listener);
      if (raw) rawEvent().removeListener(raw);
    },
  };
  const runtime = new Proxy({}, { get: (_t, key: string) => (key === 'onMessage' ? onMessage : now().runtime[key]) });
  return { default: new Proxy({}, { get: (_t, key: string) => (key === 'runtime' ? runtime : now()[key]) }) };
});
import type { Audit, PageModel } from '../../src/contract';

type Listener = (...args: never[]) => unknown;

class Event<L extends Listener = Listener> {
  listeners: L[] = [];
  addListener(l: L) {
    this.listeners.push(l);
  }
  removeListener(l: L) {
    this.listeners = this.listeners.filter((x) => x !== l);
  }
  hasListener(l: L) {
    return this.listeners.includes(l);
  }
  /** Call every listener (as the browser would) and collect their return values. */
  fire(...args: Parameters<L>): unknown[] {
    return this.listeners.map((l) => l(...args));
  }
}

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
const onChanged = new Event<(changes: Changes, area: string) => void>();

function storageArea(name: string) {
  const data = new Map<string, unknown>();
  const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));
  return {
    data,
    async get(keys?: string | string[] | Record<string, unknown> | null) {
      const out: Record<string, unknown> = {};
      if (keys === null || keys === undefined) {
        for (const [k, v] of data) out[k] = clone(v);
      } else if (typeof keys === 'string' || Array.isArray(keys)) {
        for (const k of typeof keys === 'string' ? [keys] : keys) if (data.has(k)) out[k] = clone(data.get(k));
      } else {
        for (const [k, d] of Object.entries(keys)) out[k] = data.has(k) ? clone(data.get(k)) : d;
      }
      return out;
    },
    async set(items: Record<string, unknown>) {
      const changes: Changes = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data.get(k), newValue: clone(v) };
        data.set(k, clone(v));
      }
      onChanged.fire(changes, name);
    },
    async remove(keys: string | string[]) {
      const changes: Changes = {};
      for (const k of typeof keys === 'string' ? [keys] : keys) {
        if (data.has(k)) changes[k] = { oldValue: data.get(k) };
        data.delete(k);
      }
      if (Object.keys(changes).length) onChanged.fire(changes, name);
    },
    async clear() {
      const changes: Changes = {};
      for (const [k, v] of data) changes[k] = { oldValue: v };
      data.clear();
      if (Object.keys(changes).length) onChanged.fire(changes, name);
    },
  };
}

export const EXTENSION_ID = 'test-extension-id';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

export function createChromeMock() {
  const badges = new Map<number, { text?: string; color?: string; textColor?: string; title?: string }>();
  const badge = (tabId: number) => {
    if (!badges.has(tabId)) badges.set(tabId, {});
    return badges.get(tabId)!;
  };
  const alarms = new Map<string, { name: string; periodInMinutes?: number }>();
  return {
    badges,
    runtime: {
      id: EXTENSION_ID,
      getURL: (path: string) => `${EXTENSION_ORIGIN}${path.replace(/^\//, '')}`,
      /**
       * The worker's side as far as content-script tests need it: `load-adapters` runs the family's
       * file in this world, as `scripting.executeScript` does (src/background/handlers.ts).
       */
      sendMessage: vi.fn(async (msg: unknown): Promise<unknown> => {
        const m = msg as { type?: string; family?: string };
        if (m?.type !== 'load-adapters') return undefined;
        if (m.family === 'blog') await import('../../content-scripts/blog');
        else if (m.family === 'social') await import('../../content-scripts/social');
        else return { ok: false };
        return { ok: true };
      }),
      onMessage: new Event(),
      onStartup: new Event(),
      onInstalled: new Event(),
    },
    i18n: {
      /** like Chrome for an unknown key: the empty string */
      getMessage: vi.fn((_key: string, _subs?: string[]) => ''),
      getUILanguage: () => 'en',
    },
    storage: { local: storageArea('local'), session: storageArea('session'), sync: storageArea('sync'), onChanged },
    action: {
      setBadgeText: vi.fn(async ({ tabId, text }: { tabId: number; text: string }) => {
        badge(tabId).text = text;
      }),
      setBadgeBackgroundColor: vi.fn(async ({ tabId, color }: { tabId: number; color: string }) => {
        badge(tabId).color = color;
      }),
      setBadgeTextColor: vi.fn(async ({ tabId, color }: { tabId: number; color: string }) => {
        badge(tabId).textColor = color;
      }),
      setTitle: vi.fn(async ({ tabId, title }: { tabId: number; title: string }) => {
        badge(tabId).title = title;
      }),
      getBadgeText: async ({ tabId }: { tabId: number }) => badge(tabId).text ?? '',
    },
    tabs: {
      get: vi.fn(
        async (tabId: number): Promise<{ id: number; url?: string; incognito?: boolean }> => ({
          id: tabId,
          url: 'https://example.com/',
          incognito: false,
        }),
      ),
      create: vi.fn(async (props: { url?: string; active?: boolean }) => ({ id: 99, ...props })),
      query: vi.fn(async (_q: unknown): Promise<{ id?: number; url?: string }[]> => []),
      /** no content script by default: Chrome rejects with "Receiving end does not exist" */
      sendMessage: vi.fn(async (_tabId: number, _msg: unknown, _opts?: unknown): Promise<unknown> => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }),
      onUpdated: new Event(),
      onRemoved: new Event(),
    },
    scripting: { executeScript: vi.fn(async (_opts: unknown) => [] as unknown[]) },
    alarms: {
      get: async (name: string) => alarms.get(name),
      create: vi.fn(async (name: string, info: { periodInMinutes?: number }) => {
        alarms.set(name, { name, ...info });
      }),
      clear: vi.fn(async (name: string) => alarms.delete(name)),
      onAlarm: new Event(),
    },
    commands: { onCommand: new Event() },
  };
}

export type ChromeMock = ReturnType<typeof createChromeMock>;

/** The `chrome` the current test runs with. */
export function chromeMock(): ChromeMock {
  return (globalThis as unknown as { chrome: ChromeMock }).chrome;
}

beforeEach(() => {
  onChanged.listeners = [];
  // the adapter families a content-script test loaded (src/content/families.ts)
  (globalThis as Record<string, unknown>).__howsocialAdapters = undefined;
  (globalThis as unknown as { chrome: ChromeMock }).chrome = createChromeMock();
});

/** A valid audit of a WordPress post with closed comments, for tests to vary. */
export function sampleAudit(over: Partial<Audit> = {}): Audit {
  return {
    url: 'https://blog.example/2024/03/post/',
    site: 'blog.example',
    kind: 'article',
    platform: 'wordpress',
    score: 37,
    band: 'red',
    findings: [
      {
        rule: 'comments-closed',
        verdict: 'fail',
        score: 0,
        weight: 3,
        evidence: [{ selector: '#comments > p', text: 'Comments are closed.' }],
      },
      { rule: 'author-replies', verdict: 'n/a', score: null, weight: 2, evidence: [] },
    ],
    facts: {
      commentSystem: 'native',
      commentsState: 'closed',
      requiredFields: null,
      newsletterCheckbox: null,
      comments: 2,
      pingbacks: 0,
      authorComments: 0,
      followers: null,
      following: null,
      visiblePosts: null,
      replies: null,
      reposts: null,
      likes: null,
    },
    time: 1_700_000_000_000,
    rulesVersion: 1,
    fingerprints: ['0badc0de'],
    sample: 2,
    ...over,
  };
}

/**
 * A page model of a WordPress post with closed comments and two readers' comments, as the content
 * script sends it (the shape of tests/fixtures/blog/wp-de-closed.html's extraction), for tests to vary.
 */
export function sampleModel(over: Partial<PageModel> = {}): PageModel {
  const ev = (selector: string, text: string) => ({ selector, text });
  return {
    url: 'https://blog.example/2024/03/post/',
    kind: 'article',
    platform: 'wordpress',
    lang: 'de',
    article: {
      title: 'Sauerteig für Anfänger',
      author: 'Jana',
      published: '2024-03-02T09:00:00Z',
      links: [{ href: 'https://blog.example/about/', internal: true, text: 'Über mich' }],
      shareButtons: [],
      text: 'Sauerteig braucht Zeit. Hier ist mein Rezept.',
      phones: [],
    },
    comments: {
      system: 'native',
      state: 'closed',
      form: null,
      comments: [
        {
          id: 'comment-2',
          author: 'Eva',
          date: '2024-03-03T10:00:00Z',
          text: 'Warum so lange gehen lassen?',
          kind: 'comment',
          byPostAuthor: false,
          depth: 0,
          evidence: ev('#comment-2', 'Warum so lange gehen lassen?'),
        },
        {
          id: 'comment-3',
          author: 'Tom',
          date: '2024-03-04T10:00:00Z',
          text: 'Danke, klappt!',
          kind: 'comment',
          byPostAuthor: false,
          depth: 0,
          evidence: ev('#comment-3', 'Danke, klappt!'),
        },
      ],
      evidence: [ev('#comments > p', 'Kommentare sind geschlossen.')],
    },
    ...over,
  };
}
