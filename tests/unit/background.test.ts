import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BADGE_COLORS } from '../../src/background/badge';
import { RATE_LIMIT } from '../../src/background/session';
import type { PageModel, SocialPost } from '../../src/contract';
import { auditOf } from '../../src/judge/audit';
import { openDb } from '../../src/storage/db';
import { type ChromeMock, chromeMock, EXTENSION_ORIGIN, sampleModel } from './setup';

type Send = (msg: unknown, sender: unknown) => Promise<unknown>;
let chrome: ChromeMock;
let send: Send;

const TAB = 7;
const contentSender = { id: 'test-extension-id', url: 'https://blog.example/2024/03/post/', frameId: 0, tab: { id: TAB } };
const popupSender = { id: 'test-extension-id', url: `${EXTENSION_ORIGIN}popup/index.html` };

/** What the worker's judgement of the sample model shows on the badge. */
const expectedScore = () => String(auditOf(sampleModel(), { now: Date.now(), history: [] }).score);
const page = (model: PageModel = sampleModel(), more?: boolean) =>
  more ? { type: 'page', model, more } : { type: 'page', model };

/** Load the background fresh (as a woken worker does) and drive its onMessage like the browser. */
beforeEach(async () => {
  vi.resetModules();
  chrome = chromeMock();
  await import('../../src/background/index');
  const listener = chrome.runtime.onMessage.listeners[0] as unknown as (
    msg: unknown,
    sender: unknown,
    respond: (r: unknown) => void,
  ) => boolean;
  send = (msg, sender) =>
    new Promise((resolve) => {
      const async = listener(msg, sender, resolve);
      if (!async) resolve('rejected');
    });
});
afterEach(async () => {
  await openDb().delete();
});

function post(id: string, text: string): SocialPost {
  return {
    id,
    time: `2026-11-${String(10 + (Number(id.replace(/\D/g, '')) % 18)).padStart(2, '0')}T12:00:00.000Z`,
    text,
    urls: [],
    replies: 1,
    reposts: 0,
    likes: 3,
    isReply: false,
    isRepost: false,
    isQuote: false,
    isPinned: false,
    isPromoted: false,
    evidence: { selector: `#${id}`, text: text.slice(0, 40) },
  };
}

function profile(url: string, platform: PageModel['platform'], posts: SocialPost[]): PageModel {
  return { url, kind: 'profile', platform, social: { handle: '@acct', followers: 1200, following: 80, posts, unreadable: [] } };
}

describe('background messages', () => {
  it('judges a page model from a content script: badge, session copy and database', async () => {
    expect(await send(page(), contentSender)).toEqual({ ok: true });
    expect(chrome.badges.get(TAB)).toMatchObject({ text: expectedScore(), color: BADGE_COLORS.red, textColor: '#FFFFFF' });
    const stored = chrome.storage.session.data.get(`audit:tab:${TAB}`) as {
      findings: { rule: string; verdict: string }[];
      site: string;
    };
    expect(stored.findings).toContainEqual(expect.objectContaining({ rule: 'comments-closed', verdict: 'fail' }));
    expect(stored.site).toBe('blog.example');
    expect(await openDb().audits.count()).toBe(1);
  });

  it('takes the site from the tab the browser names, never from the model', async () => {
    const sender = { ...contentSender, url: 'https://www.blog.example/2024/03/post/' };
    const model = sampleModel({ url: 'https://www.blog.example/2024/03/post/' });
    expect(await send(page(model), sender)).toEqual({ ok: true });
    expect((chrome.storage.session.data.get(`audit:tab:${TAB}`) as { site: string }).site).toBe('blog.example');
  });

  it('rejects malformed messages and wrong senders, and keeps working', async () => {
    expect(await send(page({ ...sampleModel(), kind: 'shop' as PageModel['kind'] }), contentSender)).toBe('rejected');
    expect(await send(page(), popupSender)).toBe('rejected');
    expect(await send(page(), { ...contentSender, id: 'evil' })).toBe('rejected');
    expect(await send({ type: 'audit-tab', tabId: TAB }, contentSender)).toBe('rejected');
    expect(await send('x'.repeat(1e6), contentSender)).toBe('rejected');
    expect(chrome.badges.get(TAB)).toBeUndefined();
    expect(await send(page(), contentSender)).toEqual({ ok: true });
  });

  it('ignores a model of another origin than the sending page', async () => {
    expect(await send(page(sampleModel({ url: 'https://elsewhere.example/' })), contentSender)).toEqual({ ok: false });
    expect(chrome.badges.get(TAB)).toBeUndefined();
  });

  it('rate-limits passive audits per tab, with the count in storage.session', async () => {
    const results = [];
    for (let i = 0; i < RATE_LIMIT.audits + 3; i++) {
      results.push(await send(page(sampleModel({ url: `https://blog.example/2024/03/post-${i}/` })), contentSender));
    }
    expect(results.filter((r) => (r as { ok: boolean }).ok)).toHaveLength(RATE_LIMIT.audits);
    expect([...chrome.storage.session.data.keys()]).toContain(`rate:tab:${TAB}`);
    // another tab has its own budget
    expect(await send(page(), { ...contentSender, tab: { id: 8 } })).toEqual({ ok: true });
  });

  it('keeps no state in module variables: a restarted worker still knows the rate count and the tab audit', async () => {
    for (let i = 0; i < RATE_LIMIT.audits; i++) {
      await send(page(sampleModel({ url: `https://blog.example/2024/03/post-${i}/` })), contentSender);
    }
    // A stopped MV3 worker comes back as a fresh module instance with the same storage.
    vi.resetModules();
    chrome.runtime.onMessage.listeners = [];
    await import('../../src/background/index');
    const restarted = chrome.runtime.onMessage.listeners[0] as unknown as (
      m: unknown,
      s: unknown,
      r: (x: unknown) => void,
    ) => boolean;
    const res = await new Promise((resolve) => restarted(page(), contentSender, resolve));
    expect(res).toEqual({ ok: false });
    expect(chrome.storage.session.data.get(`audit:tab:${TAB}`)).toMatchObject({
      url: `https://blog.example/2024/03/post-${RATE_LIMIT.audits - 1}/`,
    });
  });

  it('does nothing for a paused site', async () => {
    await chrome.storage.local.set({ settings: { pausedSites: ['blog.example'] } });
    expect(await send(page(), contentSender)).toEqual({ ok: false });
    expect(chrome.badges.get(TAB)).toBeUndefined();
  });

  it('a failing database write keeps the badge and records lastError', async () => {
    const db = openDb();
    await db.open();
    // Fill the failure in at the IndexedDB level: every add throws as a full disk would.
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      expect(await send(page(), contentSender)).toEqual({ ok: false });
    } finally {
      IDBObjectStore.prototype.add = add;
    }
    expect(chrome.badges.get(TAB)?.text).toBe(expectedScore());
    expect(chrome.storage.local.data.get('lastError')).toMatchObject({ code: 'QuotaExceededError' });
  });

  it('judges the cross-page rule from its own history: the same posts seen on another network', async () => {
    const texts = [1, 2, 3, 4].map((i) => `Unser neues Angebot Nummer ${i}: jetzt im Shop, nur diese Woche reduziert!`);
    const x = { ...contentSender, url: 'https://x.com/acct' };
    expect(
      await send(
        page(
          profile(
            'https://x.com/acct',
            'x',
            texts.map((t, i) => post(`x${i}`, t)),
          ),
        ),
        x,
      ),
    ).toEqual({ ok: true });
    const bsky = { ...contentSender, tab: { id: 9 }, url: 'https://bsky.app/profile/acct' };
    const model = profile(
      'https://bsky.app/profile/acct',
      'bluesky',
      texts.map((t, i) => post(`b${i}`, t)),
    );
    expect(await send(page(model), bsky)).toEqual({ ok: true });
    const audit = chrome.storage.session.data.get('audit:tab:9') as { findings: { rule: string; verdict: string }[] };
    expect(audit.findings).toContainEqual(expect.objectContaining({ rule: 'same-message-everywhere', verdict: 'fail' }));
  });

  it('merges an SPA re-read that sends only its new posts into the tab’s last model', async () => {
    const x = { ...contentSender, url: 'https://x.com/acct' };
    const first = profile('https://x.com/acct', 'x', [post('p1', 'first post of the day'), post('p2', 'second one')]);
    // a part without a whole model to merge into: the content script is asked for the whole model
    expect(await send(page(first, true), x)).toEqual({ ok: false, resend: true });
    expect(await send(page(first), x)).toEqual({ ok: true });
    const part = profile('https://x.com/acct', 'x', [post('p3', 'third, loaded while scrolling')]);
    part.social!.followers = 1300;
    expect(await send(page(part, true), x)).toEqual({ ok: true });
    const audit = chrome.storage.session.data.get(`audit:tab:${TAB}`) as { facts: { visiblePosts: number; followers: number } };
    expect(audit.facts).toMatchObject({ visiblePosts: 3, followers: 1300 });
    const model = chrome.storage.session.data.get(`model:tab:${TAB}`) as PageModel;
    expect(model.social!.posts.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    // a part of another page of the same site is not merged into this one
    expect(await send(page(profile('https://x.com/other', 'x', [post('q1', 'x')]), true), x)).toEqual({
      ok: false,
      resend: true,
    });
  });

  it('injects an adapter family into the asking tab’s top frame', async () => {
    expect(await send({ type: 'load-adapters', family: 'blog' }, contentSender)).toEqual({ ok: true });
    expect(chrome.scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: TAB, frameIds: [0] },
      files: ['content-blog.js'],
    });
    chrome.scripting.executeScript.mockRejectedValueOnce(new Error('Frame with ID 0 was removed.'));
    expect(await send({ type: 'load-adapters', family: 'social' }, contentSender)).toEqual({ ok: false });
  });

  it('audit-tab injects the content script when no receiver answers, then judges its model', async () => {
    chrome.tabs.get.mockResolvedValue({ id: TAB, url: 'https://blog.example/2024/03/post/' });
    let injected = false;
    chrome.scripting.executeScript.mockImplementation(async () => {
      injected = true;
      return [];
    });
    chrome.tabs.sendMessage.mockImplementation(async () => {
      if (!injected) throw new Error('Receiving end does not exist.');
      return { model: sampleModel() };
    });
    const res = (await send({ type: 'audit-tab', tabId: TAB }, popupSender)) as { audit: { score: number } };
    expect(String(res.audit.score)).toBe(expectedScore());
    expect(chrome.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: TAB, frameIds: [0] }, files: ['content.js'] });
    expect(chrome.badges.get(TAB)?.text).toBe(expectedScore());
  });

  it('audit-tab says "not audited" when the content script answers with something that is not a model', async () => {
    chrome.tabs.get.mockResolvedValue({ id: TAB, url: 'https://blog.example/2024/03/post/' });
    chrome.tabs.sendMessage.mockResolvedValue({ model: { url: 'https://blog.example/', kind: 'article', platform: 'myspace' } });
    expect(await send({ type: 'audit-tab', tabId: TAB }, popupSender)).toEqual({ audit: null, error: 'not-audited' });
    expect(chrome.badges.get(TAB)).toBeUndefined();
  });

  it('in a batch (the CLI’s browser) audit-tab answers and keeps nothing but the fingerprints later pages are judged with', async () => {
    await chrome.storage.session.set({ batch: true });
    const texts = [1, 2, 3, 4].map((i) => `Neu im Blog, Teil ${i}: mit dem Nachtzug von Hamburg nach Wien und zurück`);
    const audit = async (tabId: number, url: string, platform: PageModel['platform'], prefix: string) => {
      chrome.tabs.get.mockResolvedValue({ id: tabId, url });
      chrome.tabs.sendMessage.mockResolvedValue({
        model: profile(
          url,
          platform,
          texts.map((t, i) => post(`${prefix}${i}`, t)),
        ),
      });
      return (await send({ type: 'audit-tab', tabId }, popupSender)) as {
        audit: { kind: string; findings: { rule: string; verdict: string }[] };
      };
    };
    const first = await audit(TAB, 'https://x.com/acct', 'x', 'x');
    expect(first.audit.kind).toBe('profile');
    // answered, not kept: no badge, no copy for a popup, no history row, nothing set on the tab
    expect(chrome.badges.get(TAB)).toBeUndefined();
    expect(chrome.action.setBadgeText).not.toHaveBeenCalled();
    expect([...chrome.storage.session.data.keys()]).toEqual(['batch']);
    expect(await openDb().audits.count()).toBe(0);
    expect(await openDb().fingerprints.count()).toBe(texts.length);
    // the batch's next page, on another network, is judged against the first one's posts
    const second = await audit(9, 'https://bsky.app/profile/acct', 'bluesky', 'b');
    expect(second.audit.findings).toContainEqual(expect.objectContaining({ rule: 'same-message-everywhere', verdict: 'fail' }));
  });

  it('audit-tab refuses pages it may not script', async () => {
    chrome.tabs.get.mockResolvedValue({ id: TAB, url: 'chrome://settings/' });
    expect(await send({ type: 'audit-tab', tabId: TAB }, popupSender)).toEqual({ audit: null, error: 'no-access' });
  });
});

describe('background tab and settings events', () => {
  /** Call every listener as the browser would; the promise settles when their async work has. */
  const fire = (event: { listeners: unknown[] }, ...args: unknown[]) =>
    Promise.all(event.listeners.map((l) => (l as (...a: unknown[]) => unknown)(...args)));

  it('clears the badge and the session audit when the tab navigates away or closes', async () => {
    await send(page(), contentSender);
    await fire(chrome.tabs.onUpdated, TAB, { status: 'loading', url: 'https://blog.example/2024/03/post/' });
    expect(chrome.badges.get(TAB)?.text).toBe(expectedScore());
    await fire(chrome.tabs.onUpdated, TAB, { status: 'loading', url: 'https://blog.example/next/' });
    expect(chrome.badges.get(TAB)?.text).toBe('');
    expect(chrome.storage.session.data.has(`audit:tab:${TAB}`)).toBe(false);

    await send(page(), contentSender);
    fire(chrome.tabs.onRemoved, TAB, {});
    await vi.waitFor(() => expect(chrome.storage.session.data.has(`audit:tab:${TAB}`)).toBe(false));
  });

  it('in a batch a tab’s navigation costs no call to the browser: the tab has nothing to clear', async () => {
    await chrome.storage.session.set({ batch: true });
    const removed = vi.spyOn(chrome.storage.session, 'remove');
    await fire(chrome.tabs.onUpdated, TAB, { status: 'loading', url: 'https://blog.example/next/' });
    expect(chrome.action.setBadgeText).not.toHaveBeenCalled();
    expect(removed).not.toHaveBeenCalled();
    // the control: outside a batch the same navigation resets the tab
    await chrome.storage.session.remove('batch');
    await fire(chrome.tabs.onUpdated, TAB, { status: 'loading', url: 'https://blog.example/next/' });
    expect(chrome.action.setBadgeText).toHaveBeenCalledWith({ tabId: TAB, text: '' });
  });

  it('a fragment change keeps the badge; an SPA URL change (no loading status) clears it', async () => {
    await send(page(), contentSender);
    await fire(chrome.tabs.onUpdated, TAB, { url: 'https://blog.example/2024/03/post/#comments' });
    await fire(chrome.tabs.onUpdated, TAB, { status: 'loading', url: 'https://blog.example/2024/03/post/#respond' });
    // a tracking query added by the page (replaceState) is the same page as well
    await fire(chrome.tabs.onUpdated, TAB, { url: 'https://blog.example/2024/03/post/?utm_source=feed' });
    expect(chrome.badges.get(TAB)?.text).toBe(expectedScore());
    await fire(chrome.tabs.onUpdated, TAB, { url: 'https://blog.example/settings' });
    expect(chrome.badges.get(TAB)?.text).toBe('');
    expect(chrome.storage.session.data.has(`audit:tab:${TAB}`)).toBe(false);
  });

  it('applies settings at once: badge style re-renders, pausing a site clears its badges', async () => {
    await send(page(), contentSender);
    await chrome.storage.local.set({ settings: { badgeStyle: 'dot' } });
    await vi.waitFor(() => expect(chrome.badges.get(TAB)?.text).toBe('●'));
    await chrome.storage.local.set({ settings: { badgeStyle: 'dot', pausedSites: ['blog.example'] } });
    await vi.waitFor(() => expect(chrome.badges.get(TAB)?.text).toBe(''));
    expect(chrome.storage.session.data.has(`audit:tab:${TAB}`)).toBe(false);
  });

  it('schedules the daily prune on install', async () => {
    fire(chrome.runtime.onInstalled, { reason: 'install' });
    await vi.waitFor(() =>
      expect(chrome.alarms.create).toHaveBeenCalledWith('prune', expect.objectContaining({ periodInMinutes: 1440 })),
    );
  });
});
