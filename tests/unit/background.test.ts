import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BADGE_COLORS } from '../../src/background/badge';
import { RATE_LIMIT } from '../../src/background/session';
import { openDb } from '../../src/storage/db';
import { type ChromeMock, chromeMock, EXTENSION_ORIGIN, sampleAudit } from './setup';

// The crxjs "?script" import is a build-time file name; in unit tests it is just a string.
vi.mock('../../content-scripts/main.ts?script', () => ({ default: 'assets/main.ts-loader.js' }));

type Send = (msg: unknown, sender: unknown) => Promise<unknown>;
let chrome: ChromeMock;
let send: Send;

const TAB = 7;
const contentSender = { id: 'test-extension-id', url: 'https://blog.example/2024/03/post/', frameId: 0, tab: { id: TAB } };
const popupSender = { id: 'test-extension-id', url: `${EXTENSION_ORIGIN}popup/index.html` };

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

describe('background messages', () => {
  it('an audit from a content script sets the badge, the session copy and the database', async () => {
    expect(await send({ type: 'audit', audit: sampleAudit({ time: Date.now() }) }, contentSender)).toEqual({ ok: true });
    expect(chrome.badges.get(TAB)).toMatchObject({ text: '37', color: BADGE_COLORS.red, textColor: '#FFFFFF' });
    expect(chrome.storage.session.data.get(`audit:tab:${TAB}`)).toMatchObject({ score: 37 });
    expect(await openDb().audits.count()).toBe(1);
  });

  it('rejects malformed messages and wrong senders, and keeps working', async () => {
    expect(await send({ type: 'audit', audit: { ...sampleAudit(), score: 'high' } }, contentSender)).toBe('rejected');
    expect(await send({ type: 'audit', audit: sampleAudit() }, popupSender)).toBe('rejected');
    expect(await send({ type: 'audit', audit: sampleAudit() }, { ...contentSender, id: 'evil' })).toBe('rejected');
    expect(await send({ type: 'audit-tab', tabId: TAB }, contentSender)).toBe('rejected');
    expect(await send('x'.repeat(1e6), contentSender)).toBe('rejected');
    expect(chrome.badges.get(TAB)).toBeUndefined();
    expect(await send({ type: 'audit', audit: sampleAudit({ time: Date.now() }) }, contentSender)).toEqual({ ok: true });
  });

  it('ignores an audit of another origin than the sending page', async () => {
    const audit = sampleAudit({ url: 'https://elsewhere.example/', site: 'elsewhere.example' });
    expect(await send({ type: 'audit', audit }, contentSender)).toEqual({ ok: false });
    expect(chrome.badges.get(TAB)).toBeUndefined();
  });

  it('rate-limits passive audits per tab, with the count in storage.session', async () => {
    const results = [];
    for (let i = 0; i < RATE_LIMIT.audits + 3; i++) {
      results.push(await send({ type: 'audit', audit: sampleAudit({ time: Date.now(), score: i }) }, contentSender));
    }
    expect(results.filter((r) => (r as { ok: boolean }).ok)).toHaveLength(RATE_LIMIT.audits);
    expect([...chrome.storage.session.data.keys()]).toContain(`rate:tab:${TAB}`);
    // another tab has its own budget
    expect(await send({ type: 'audit', audit: sampleAudit({ time: Date.now() }) }, { ...contentSender, tab: { id: 8 } })).toEqual(
      { ok: true },
    );
  });

  it('keeps no state in module variables: a restarted worker still knows the rate count and the tab audit', async () => {
    for (let i = 0; i < RATE_LIMIT.audits; i++) {
      await send({ type: 'audit', audit: sampleAudit({ time: Date.now(), score: i }) }, contentSender);
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
    const res = await new Promise((resolve) =>
      restarted({ type: 'audit', audit: sampleAudit({ time: Date.now() }) }, contentSender, resolve),
    );
    expect(res).toEqual({ ok: false });
    expect(chrome.storage.session.data.get(`audit:tab:${TAB}`)).toMatchObject({ score: RATE_LIMIT.audits - 1 });
  });

  it('does nothing for a paused site', async () => {
    await chrome.storage.local.set({ settings: { pausedSites: ['blog.example'] } });
    expect(await send({ type: 'audit', audit: sampleAudit() }, contentSender)).toEqual({ ok: false });
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
      expect(await send({ type: 'audit', audit: sampleAudit({ time: Date.now() }) }, contentSender)).toEqual({ ok: false });
    } finally {
      IDBObjectStore.prototype.add = add;
    }
    expect(chrome.badges.get(TAB)?.text).toBe('37');
    expect(chrome.storage.local.data.get('lastError')).toMatchObject({ code: 'QuotaExceededError' });
  });

  it('answers history with fingerprints seen on other sites', async () => {
    const x = { ...contentSender, url: 'https://x.com/someone' };
    const audit = sampleAudit({
      url: 'https://x.com/someone',
      site: 'x.com',
      platform: 'x',
      kind: 'profile',
      time: Date.now(),
      fingerprints: ['abcdef01'],
    });
    expect(await send({ type: 'audit', audit }, x)).toEqual({ ok: true });
    const res = await send({ type: 'history', fingerprints: ['abcdef01'], site: 'bsky.app', platform: 'bluesky' }, contentSender);
    expect(res).toEqual({ matches: [{ fingerprint: 'abcdef01', site: 'x.com', platform: 'x' }] });
  });

  it('audit-tab injects the content script when no receiver answers, then audits', async () => {
    chrome.tabs.get.mockResolvedValue({ id: TAB, url: 'https://blog.example/2024/03/post/' });
    let injected = false;
    chrome.scripting.executeScript.mockImplementation(async () => {
      injected = true;
      return [];
    });
    chrome.tabs.sendMessage.mockImplementation(async () => {
      if (!injected) throw new Error('Receiving end does not exist.');
      return { audit: sampleAudit({ time: Date.now() }) };
    });
    const res = (await send({ type: 'audit-tab', tabId: TAB }, popupSender)) as { audit: { score: number } };
    expect(res.audit.score).toBe(37);
    expect(chrome.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: TAB }, files: ['assets/main.ts-loader.js'] });
    expect(chrome.badges.get(TAB)?.text).toBe('37');
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
    await send({ type: 'audit', audit: sampleAudit({ time: Date.now() }) }, contentSender);
    await fire(chrome.tabs.onUpdated, TAB, { status: 'loading', url: 'https://blog.example/2024/03/post/' });
    expect(chrome.badges.get(TAB)?.text).toBe('37');
    await fire(chrome.tabs.onUpdated, TAB, { status: 'loading', url: 'https://blog.example/next/' });
    expect(chrome.badges.get(TAB)?.text).toBe('');
    expect(chrome.storage.session.data.has(`audit:tab:${TAB}`)).toBe(false);

    await send({ type: 'audit', audit: sampleAudit({ time: Date.now() }) }, contentSender);
    fire(chrome.tabs.onRemoved, TAB, {});
    await vi.waitFor(() => expect(chrome.storage.session.data.has(`audit:tab:${TAB}`)).toBe(false));
  });

  it('a fragment change keeps the badge; an SPA URL change (no loading status) clears it', async () => {
    await send({ type: 'audit', audit: sampleAudit({ time: Date.now() }) }, contentSender);
    await fire(chrome.tabs.onUpdated, TAB, { url: 'https://blog.example/2024/03/post/#comments' });
    await fire(chrome.tabs.onUpdated, TAB, { status: 'loading', url: 'https://blog.example/2024/03/post/#respond' });
    // a tracking query added by the page (replaceState) is the same page as well
    await fire(chrome.tabs.onUpdated, TAB, { url: 'https://blog.example/2024/03/post/?utm_source=feed' });
    expect(chrome.badges.get(TAB)?.text).toBe('37');
    await fire(chrome.tabs.onUpdated, TAB, { url: 'https://blog.example/settings' });
    expect(chrome.badges.get(TAB)?.text).toBe('');
    expect(chrome.storage.session.data.has(`audit:tab:${TAB}`)).toBe(false);
  });

  it('applies settings at once: badge style re-renders, pausing a site clears its badges', async () => {
    await send({ type: 'audit', audit: sampleAudit({ time: Date.now() }) }, contentSender);
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
