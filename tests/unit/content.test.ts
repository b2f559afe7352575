import { readFileSync } from 'node:fs';
import { Window as HappyWindow } from 'happy-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { activeFor } from '../../src/content/run';
import { clearHighlight, HIGHLIGHT_ATTR, highlight } from '../../src/content/highlight';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../src/settings';
import { chromeMock } from './setup';

describe('highlight', () => {
  beforeEach(() => {
    document.body.innerHTML = '<div id="comments"><p class="no-comments">Comments are closed.</p></div><p id="other">x</p>';
  });

  it('adds exactly one overlay, and the next highlight replaces it', () => {
    expect(highlight(document, '#comments > p')).toBe(true);
    expect(document.querySelectorAll(`[${HIGHLIGHT_ATTR}]`)).toHaveLength(1);
    expect(highlight(document, '#other')).toBe(true);
    expect(document.querySelectorAll(`[${HIGHLIGHT_ATTR}]`)).toHaveLength(1);
    clearHighlight(document);
    expect(document.querySelectorAll(`[${HIGHLIGHT_ATTR}]`)).toHaveLength(0);
  });

  it('injects nothing else and leaves the page alone when the selector finds nothing or is invalid', () => {
    const before = document.body.innerHTML;
    expect(highlight(document, '#gone')).toBe(false);
    expect(highlight(document, 'p:::nonsense(')).toBe(false);
    expect(document.querySelectorAll(`[${HIGHLIGHT_ATTR}]`)).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
  });

  it('does not let the overlay take clicks from the page', () => {
    highlight(document, '#other');
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
  it('sends nothing passively, answers run-audit with kind other, and highlights on request', async () => {
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
    expect(await ask({ type: 'highlight', selector: 'h1' })).toEqual({ ok: true });
    expect(await ask({ type: 'run-audit' }, { id: 'another-extension' })).toBe('no answer');
    expect(chrome.runtime.sendMessage).not.toHaveBeenCalled();
    (globalThis as Record<string, unknown>).__howsocialContent = undefined;
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
