import { readFileSync } from 'node:fs';
import { Window as HappyWindow } from 'happy-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { activeFor } from '../../src/content/run';
import { clearHighlight, drawHighlight, HIGHLIGHT_ATTR } from '../../src/background/highlight';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../src/settings';
import { LIMITS } from '../../src/contract/limits';
import { chromeMock } from './setup';

describe('highlight', () => {
  beforeEach(() => {
    document.body.innerHTML = '<div id="comments"><p class="no-comments">Comments are closed.</p></div><p id="other">x</p>';
  });

  it('adds exactly one overlay, and the next highlight replaces it', () => {
    expect(drawHighlight('#comments > p')).toBe(true);
    expect(document.querySelectorAll(`[${HIGHLIGHT_ATTR}]`)).toHaveLength(1);
    expect(drawHighlight('#other')).toBe(true);
    expect(document.querySelectorAll(`[${HIGHLIGHT_ATTR}]`)).toHaveLength(1);
    clearHighlight(document);
    expect(document.querySelectorAll(`[${HIGHLIGHT_ATTR}]`)).toHaveLength(0);
  });

  it('injects nothing else and leaves the page alone when the selector finds nothing or is invalid', () => {
    const before = document.body.innerHTML;
    expect(drawHighlight('#gone')).toBe(false);
    expect(drawHighlight('p:::nonsense(')).toBe(false);
    expect(document.querySelectorAll(`[${HIGHLIGHT_ATTR}]`)).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
  });

  it('does not let the overlay take clicks from the page', () => {
    drawHighlight('#other');
    const overlay = document.querySelector<HTMLElement>(`[${HIGHLIGHT_ATTR}]`)!;
    expect(overlay.style.pointerEvents).toBe('none');
    expect(overlay.parentElement).toBe(document.documentElement);
  });
});

describe('content helpers', () => {
  it('is active only with passive mode on and the site not paused', () => {
    const url = 'https://www.blog.example/post';
    expect(activeFor(DEFAULT_SETTINGS, url)).toBe(true);
    expect(activeFor({ ...DEFAULT_SETTINGS, passive: false }, url)).toBe(false);
    expect(activeFor({ ...DEFAULT_SETTINGS, pausedSites: ['blog.example'] }, url)).toBe(false);
  });
});

describe('content script on a page that is neither article nor profile', () => {
  it('sends nothing passively and answers run-audit with kind other', async () => {
    vi.resetModules();
    document.head.innerHTML = '<title>Shop</title>';
    document.body.innerHTML = '<main><h1>Garden tools</h1><ul><li>Spade</li></ul></main>';
    const chrome = chromeMock();
    const { startContent } = await import('../../src/content/run');
    startContent(window as Window & typeof globalThis);
    // a second start (executeScript after the manifest script) must not register twice
    startContent(window as Window & typeof globalThis);
    expect(chrome.runtime.onMessage.listeners).toHaveLength(1);
    const listener = chrome.runtime.onMessage.listeners[0] as unknown as (
      m: unknown,
      s: unknown,
      r: (x: unknown) => void,
    ) => boolean;
    const ask = (msg: unknown, sender: unknown = { id: chrome.runtime.id }) =>
      new Promise((resolve) => {
        if (!listener(msg, sender, resolve)) setTimeout(() => resolve('no answer'), 0);
      });

    const res = (await ask({ type: 'run-audit' })) as { model: { kind: string; url: string } };
    expect(res.model).toEqual({ kind: 'other', platform: 'generic', url: location.href });
    // a highlight is the worker's own injected function now: the content script does not answer one
    expect(await ask({ type: 'highlight', selector: 'h1' })).toBe('no answer');
    expect(await ask({ type: 'run-audit' }, { id: 'another-extension' })).toBe('no answer');
    expect(chrome.runtime.sendMessage).not.toHaveBeenCalled();
    (globalThis as Record<string, unknown>).__howsocialContent = undefined;
  });
});

describe('content script on a page no gate lets in (most of the web)', () => {
  it('touches neither storage nor a MutationObserver, and finds an article the page renders later', async () => {
    vi.resetModules();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const win = new HappyWindow({ url: 'https://shop.example/produkte/' });
    win.document.write('<title>Shop</title><main><h1>Gartengeräte</h1></main>');
    const chrome = chromeMock();
    const get = vi.spyOn(chrome.storage.local, 'get');
    const observers = vi.spyOn(MutationObserver.prototype, 'observe');
    try {
      const { startContent, RECHECK_MS } = await import('../../src/content/run');
      startContent(win as unknown as Window & typeof globalThis);
      await vi.advanceTimersByTimeAsync(RECHECK_MS[0] + RECHECK_MS[1] + 10);
      expect(get).not.toHaveBeenCalled();
      expect(chrome.storage.onChanged.listeners).toHaveLength(0);
      expect(observers).not.toHaveBeenCalled();
      expect(chrome.runtime.sendMessage).not.toHaveBeenCalled();

      // The shop's script renders a blog post into the page: the next look finds it and reads it.
      win.document.head.insertAdjacentHTML('beforeend', '<meta property="og:type" content="article">');
      win.document.body.innerHTML =
        '<article><h1>Beitrag</h1><p>Text</p></article><div id="comments"><p class="no-comments">Kommentare sind geschlossen.</p></div>';
      await vi.advanceTimersByTimeAsync(RECHECK_MS[2] + 10);
      vi.useRealTimers();
      await vi.waitFor(() => expect(chrome.runtime.sendMessage).toHaveBeenCalledWith(expect.objectContaining({ type: 'page' })));
      expect(get).toHaveBeenCalled();
      expect(observers).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
      observers.mockRestore();
      (globalThis as Record<string, unknown>).__howsocialContent = undefined;
      await win.happyDOM.close();
    }
  });
});

describe('content script on an article', () => {
  it('gives the page its turn between detect, extract and the send (no single long task)', async () => {
    vi.resetModules();
    // A window of its own: the shared test document still has the previous test's observer on it.
    // Without its stylesheet link, which happy-dom would fetch: no test reaches the network (the
    // comment form's wp-comments-post.php still says WordPress).
    const win = new HappyWindow({ url: 'https://backstube.example/2024/05/sauerteig/' });
    win.document.write(readFileSync('tests/fixtures/blog/wp-de-open.html', 'utf8').replace(/<link\b[^>]*>/g, ''));
    const stages: string[] = [];
    const g = globalThis as { scheduler?: unknown };
    const before = g.scheduler;
    let judged = false;
    g.scheduler = {
      yield: () => {
        stages.push(judged ? 'after judge' : 'yield');
        return new Promise<void>((resolve) => setTimeout(resolve, 0));
      },
    };
    // a clock that stands still: no 10-ms slice ever fills up, so only the stages themselves yield
    const clock = vi.spyOn(performance, 'now').mockReturnValue(0);
    try {
      const chrome = chromeMock();
      // passive audits off: only the audit asked for below runs
      await chrome.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, passive: false } });
      const { startContent } = await import('../../src/content/run');
      startContent(win as unknown as Window & typeof globalThis);
      const listener = chrome.runtime.onMessage.listeners[0] as unknown as (
        m: unknown,
        s: unknown,
        r: (x: unknown) => void,
      ) => boolean;
      const res = (await new Promise<unknown>((resolve) =>
        listener({ type: 'run-audit' }, { id: chrome.runtime.id }, (x) => {
          judged = true;
          resolve(x);
        }),
      )) as { model: { kind: string; platform: string; comments: unknown } & Record<string, unknown> };
      expect(res.model).toMatchObject({ kind: 'article', platform: 'wordpress' });
      expect(res.model.comments).toBeTruthy();
      // the page gets the model, never a judgement: no rule ran on the page
      expect(res.model).not.toHaveProperty('findings');
      expect(res.model).not.toHaveProperty('score');
      // once after detect, once after extract: the answer goes out in a task of its own
      expect(stages).toEqual(['yield', 'yield']);
    } finally {
      clock.mockRestore();
      g.scheduler = before;
      (globalThis as Record<string, unknown>).__howsocialContent = undefined;
      await win.happyDOM.close();
    }
  });
});

describe('stepwise extraction', () => {
  it('hands the page its turn whenever a slice has run SLICE_MS, and returns what the steps return', async () => {
    const { extractSliced, SLICE_MS } = await import('../../src/content/run');
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const log: string[] = [];
    const g = globalThis as { scheduler?: unknown };
    const before = g.scheduler;
    g.scheduler = { yield: async () => void log.push('yield') };
    const model = { url: 'https://blog.example/p', kind: 'article' as const, platform: 'generic' as const };
    const adapter = {
      id: 'stepper',
      priority: 0,
      detect: () => 1,
      extract: () => model,
      *extractSteps() {
        // five parts of 0.6 slices each: a yield after the 2nd and the 4th
        for (let i = 1; i <= 5; i++) {
          clock += SLICE_MS * 0.6;
          log.push(`step ${i}`);
          yield;
        }
        return model;
      },
    };
    try {
      const got = await extractSliced(adapter, document, new URL(model.url));
      expect(got).toBe(model);
      expect(log).toEqual(['step 1', 'step 2', 'yield', 'step 3', 'step 4', 'yield', 'step 5']);
    } finally {
      now.mockRestore();
      g.scheduler = before;
    }
  });
});

describe("content script cuts what it sends with the loaded family's fitters", () => {
  it("cuts an over-long post of a profile to the worker's limit (the social family brings its fitter)", async () => {
    vi.resetModules();
    const win = new HappyWindow({ url: 'https://x.com/acme' });
    const html = readFileSync('tests/fixtures/social/x-profile.html', 'utf8').replace(/<link\b[^>]*>/g, '');
    win.document.write(html);
    const text = win.document.querySelector('[data-testid="tweetText"]')!;
    text.textContent = 'Warum antwortet hier niemand? '.repeat(400);
    const chrome = chromeMock();
    const sent: { model: { social: { posts: { text: string }[] } } }[] = [];
    const loadFamily = chrome.runtime.sendMessage.getMockImplementation()!;
    chrome.runtime.sendMessage.mockImplementation(async (msg: unknown) => {
      if ((msg as { type: string }).type !== 'page') return loadFamily(msg);
      sent.push(structuredClone(msg) as (typeof sent)[number]);
      return { ok: true };
    });
    try {
      const { startContent } = await import('../../src/content/run');
      startContent(win as unknown as Window & typeof globalThis);
      await vi.waitFor(() => expect(sent).toHaveLength(1), { timeout: 5000 });
      const longest = Math.max(...sent[0].model.social.posts.map((p) => p.text.length));
      expect(longest).toBe(LIMITS.itemChars);
    } finally {
      (globalThis as Record<string, unknown>).__howsocialContent = undefined;
      await win.happyDOM.close();
    }
  });
});

describe('content script sends the model, and on an SPA re-read only what it added', () => {
  /** A post cell in X's markup (tests/fixtures/social/x-profile.html, from x.com's timeline DOM). */
  const cell = (id: number, text: string) =>
    `<div data-testid="cellInnerDiv"><article role="article" data-testid="tweet"><div data-testid="User-Name"><a href="/acme" role="link"><span>ACME Outdoor</span></a>
      <a href="/acme/status/${id}" role="link"><time datetime="2025-04-0${id % 9}T10:00:00.000Z">Apr</time></a></div>
      <div dir="auto" lang="en" data-testid="tweetText"><span>${text}</span></div>
      <div role="group"><button aria-label="1 Reply. Reply" data-testid="reply"><span>1</span></button><button aria-label="0 reposts. Repost" data-testid="retweet"><span>0</span></button><button aria-label="2 Likes. Like" data-testid="like"><span>2</span></button></div>
    </article></div>`;

  it('sends the whole model first, nothing for an unchanged re-read, then a part with only the new posts; resends whole when asked', async () => {
    vi.resetModules();
    const win = new HappyWindow({ url: 'https://x.com/acme' });
    win.document.write(readFileSync('tests/fixtures/social/x-profile.html', 'utf8').replace(/<link\b[^>]*>/g, ''));
    const chrome = chromeMock();
    const pages: { model: { social: { posts: { id: string; text: string }[] } }; more?: boolean }[] = [];
    let answer: unknown = { ok: true };
    const loadFamily = chrome.runtime.sendMessage.getMockImplementation()!;
    chrome.runtime.sendMessage.mockImplementation(async (msg: unknown) => {
      const m = msg as { type: string };
      if (m.type !== 'page') return loadFamily(msg);
      pages.push(structuredClone(msg) as (typeof pages)[number]);
      return answer;
    });
    try {
      const { startContent } = await import('../../src/content/run');
      startContent(win as unknown as Window & typeof globalThis);
      await vi.waitFor(() => expect(pages).toHaveLength(1), { timeout: 5000 });
      const first = pages[0];
      expect(first.more).toBeUndefined();
      const ids = first.model.social.posts.map((p) => p.id);
      expect(ids.length).toBeGreaterThan(2);

      // A mutation that adds no post: the adapter reads again, and nothing is sent.
      const { familyAdapters } = await import('../../src/content/families');
      const x = familyAdapters('social')!.find((a) => a.id === 'x')!;
      const reread = vi.spyOn(x, 'extractMore');
      win.document.body.insertAdjacentHTML('beforeend', '<div class="toast">Copied</div>');
      await vi.waitFor(() => expect(reread).toHaveBeenCalledTimes(1), { timeout: 5000 });
      await vi.waitFor(() => expect(reread.mock.results[0]?.type).toBe('return'));
      // the read yields to the page once more before it would send: let those turns of the event loop pass
      for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
      expect(pages).toHaveLength(1);

      // The page scrolls: two posts appended. The re-read sends those two and the header, no more.
      const timeline = win.document.querySelector('section[role="region"] > div')!;
      timeline.insertAdjacentHTML(
        'beforeend',
        cell(7, 'Appended while scrolling, number one') + cell(8, 'Appended while scrolling, number two'),
      );
      await vi.waitFor(() => expect(pages).toHaveLength(2), { timeout: 5000 });
      expect(pages[1].more).toBe(true);
      expect(pages[1].model.social.posts.map((p) => p.text)).toEqual([
        'Appended while scrolling, number one',
        'Appended while scrolling, number two',
      ]);

      // The worker lost the tab's model (its session was cleared): the next part gets "resend", and the whole model follows.
      answer = { ok: false, resend: true };
      timeline.insertAdjacentHTML('beforeend', cell(9, 'Appended after the worker lost its copy'));
      await vi.waitFor(() => expect(pages).toHaveLength(4), { timeout: 5000 });
      expect(pages[2].more).toBe(true);
      expect(pages[3].more).toBeUndefined();
      expect(pages[3].model.social.posts.length).toBe(ids.length + 3);
    } finally {
      (globalThis as Record<string, unknown>).__howsocialContent = undefined;
      await win.happyDOM.close();
    }
  }, 20_000);
});
