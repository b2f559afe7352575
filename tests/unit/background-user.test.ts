import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type ChromeMock, chromeMock } from './setup';

// The crxjs "?script" import is a build-time file name; in unit tests it is just a string.
vi.mock('../../content-scripts/main.ts?script', () => ({ default: 'assets/main.ts-loader.js' }));

/**
 * What the user does with the extension itself (src/background/user.ts): the pause shortcut,
 * timed pauses ending, settings from their other browsers, the welcome page after install.
 */
let chrome: ChromeMock;
/** Call every listener as the browser would; settles when their async work has. */
const fire = (event: { listeners: unknown[] }, ...args: unknown[]) =>
  Promise.all(event.listeners.map((l) => (l as (...a: unknown[]) => unknown)(...args)));
const settings = () => chrome.storage.local.data.get('settings') as Record<string, unknown> | undefined;

beforeEach(async () => {
  vi.resetModules();
  chrome = chromeMock();
  await import('../../src/background/index');
});

describe('welcome page', () => {
  it('opens once after install, in the background, and never on an update', async () => {
    await fire(chrome.runtime.onInstalled, { reason: 'update', previousVersion: '0.0.9' });
    await fire(chrome.runtime.onInstalled, { reason: 'chrome_update' });
    expect(chrome.tabs.create).not.toHaveBeenCalled();
    await fire(chrome.runtime.onInstalled, { reason: 'install' });
    await vi.waitFor(() => expect(chrome.tabs.create).toHaveBeenCalledTimes(1));
    expect(chrome.tabs.create).toHaveBeenCalledWith({
      url: 'chrome-extension://test-extension-id/popup/welcome.html',
      active: false,
    });
  });
});

describe('pause shortcut', () => {
  const tab = { id: 5, url: 'https://blog.example/2024/03/post/?utm_source=x' };

  it("pauses the tab's site until resumed, empties its badge with a reason, and a second press resumes", async () => {
    await fire(chrome.commands.onCommand, 'pause-site', tab);
    await vi.waitFor(() => expect(settings()).toMatchObject({ pausedSites: ['blog.example'], pausedUntil: {} }));
    expect(chrome.badges.get(5)).toMatchObject({ text: '' });
    expect(chrome.badges.get(5)?.title).toContain('paused');
    // mirrored for the user's other browsers
    expect(chrome.storage.sync.data.get('settings')).toMatchObject({ pausedSites: ['blog.example'] });
    await fire(chrome.commands.onCommand, 'pause-site', tab);
    await vi.waitFor(() => expect(settings()).toMatchObject({ pausedSites: [] }));
  });

  it('does nothing on a page that is no web page, or for another command', async () => {
    await fire(chrome.commands.onCommand, 'pause-site', { id: 6, url: 'chrome://extensions/' });
    await fire(chrome.commands.onCommand, 'something-else', tab);
    expect(settings()).toBeUndefined();
  });
});

describe('timed pauses', () => {
  it('a pause schedules an alarm at its end; when it fires, the ended pause goes and the next is scheduled', async () => {
    const now = Date.now();
    await chrome.storage.local.set({
      settings: { pausedSites: ['a.example', 'b.example'], pausedUntil: { 'a.example': now - 1, 'b.example': now + 3_600_000 } },
    });
    await vi.waitFor(() => expect(chrome.alarms.create).toHaveBeenCalledWith('pause-end', { when: now - 1 }));
    await fire(chrome.alarms.onAlarm, { name: 'pause-end' });
    await vi.waitFor(() =>
      expect(settings()).toMatchObject({ pausedSites: ['b.example'], pausedUntil: { 'b.example': now + 3_600_000 } }),
    );
    await vi.waitFor(() => expect(chrome.alarms.create).toHaveBeenLastCalledWith('pause-end', { when: now + 3_600_000 }));
  });
});

describe("settings across the user's browsers (storage.sync)", () => {
  it("a change from another browser becomes this browser's settings", async () => {
    await chrome.storage.local.set({ settings: { badgeStyle: 'number' } });
    chrome.storage.onChanged.fire(
      { settings: { oldValue: undefined, newValue: { badgeStyle: 'dot', retentionDays: 7 } } },
      'sync',
    );
    await vi.waitFor(() => expect(settings()).toMatchObject({ badgeStyle: 'dot', retentionDays: 7 }));
  });

  it('an echo of an older change of ours does not undo a newer one', async () => {
    await chrome.storage.local.set({ settings: { badgeStyle: 'dot', retentionDays: 30 } });
    const { adoptSynced } = await import('../../src/background/user');
    // sync reports our first change (number → dot, 90 days) after local already moved on to 30 days
    await adoptSynced({ badgeStyle: 'dot', retentionDays: 90 }, { badgeStyle: 'number' });
    expect(settings()).toMatchObject({ retentionDays: 30 });
    // while a change whose old value is what this browser has is adopted
    await adoptSynced({ badgeStyle: 'dot', retentionDays: 7 }, { badgeStyle: 'dot', retentionDays: 30 });
    expect(settings()).toMatchObject({ retentionDays: 7 });
  });

  it('at install, synced settings are taken over', async () => {
    await chrome.storage.sync.set({ settings: { pausedSites: ['x.com'], retentionDays: 14 } });
    await fire(chrome.runtime.onInstalled, { reason: 'install' });
    await vi.waitFor(() => expect(settings()).toMatchObject({ pausedSites: ['x.com'], retentionDays: 14 }));
  });
});
