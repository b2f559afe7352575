import {
  isPaused,
  normalizeSettings,
  pausePatch,
  readSettings,
  SETTINGS_KEY,
  type Settings,
  storeSettings,
  withoutEndedPauses,
  writeSettings,
} from '../settings';
import { browser, type Tabs } from '../lib/browser-api';
import { siteOf } from '../contract/site';
import { applyBadge, BADGE_COLORS, translate } from './badge';

/**
 * What the user does with the extension itself rather than with a page: keyboard shortcuts, timed
 * pauses ending, settings arriving from their other browsers, the welcome page after install.
 * Registered synchronously from index.ts like every other listener.
 */

/** manifest.json `commands`: the popup has `_execute_action`, handled by the browser itself. */
export const PAUSE_COMMAND = 'pause-site';
const PAUSE_END_ALARM = 'pause-end';
export const WELCOME_PAGE = 'popup/welcome.html';

/** An alarm at the end of the earliest timed pause: that site's entry goes, and it is audited again. */
async function schedulePauseEnd(settings: Settings): Promise<void> {
  const ends = Object.values(settings.pausedUntil);
  if (ends.length === 0) {
    await browser.alarms.clear(PAUSE_END_ALARM);
    return;
  }
  await browser.alarms.create(PAUSE_END_ALARM, { when: Math.min(...ends) });
}

async function endPauses(): Promise<void> {
  const settings = await readSettings();
  const patch = withoutEndedPauses(settings, Date.now());
  if (patch) await writeSettings(patch);
  else await schedulePauseEnd(settings);
}

/** The shortcut pauses the site of the tab it was pressed on until resumed, or resumes it. */
export async function togglePause(tab: Tabs.Tab | undefined): Promise<void> {
  const target = tab?.url ? tab : (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  const site = target?.url && /^https?:/.test(target.url) ? siteOf(target.url) : '';
  if (!site || target?.id === undefined) return;
  const settings = await readSettings();
  const paused = isPaused(settings, site, Date.now());
  await writeSettings(pausePatch(settings, site, paused ? null : 'always', Date.now()));
  // The settings listener empties the badge of a paused site; the tooltip says why.
  if (!paused) {
    await applyBadge(target.id, {
      text: '',
      color: BADGE_COLORS.grey,
      title: translate('badge_title_paused') || 'HowSocial — paused on this site',
    });
  }
}

const same = (a: Settings, b: Settings) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Settings changed in another browser of the user's (storage.sync) become this browser's
 * settings. A sync write that echoes our own change is the local value already; one whose old
 * value is not what this browser has is an echo of an earlier change of ours that local has
 * moved past (two quick changes), and adopting it would undo the newer one.
 */
export async function adoptSynced(raw: unknown, old?: unknown): Promise<void> {
  if (raw === undefined) return;
  const synced = normalizeSettings(raw);
  const local = await readSettings();
  if (same(synced, local)) return;
  if (old !== undefined && !same(normalizeSettings(old), local)) return;
  await browser.storage.local.set({ [SETTINGS_KEY]: synced });
}

/** At install and browser start: take the synced settings if there are some, else offer ours to sync. */
async function startSync(): Promise<void> {
  try {
    const synced = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
    if (synced !== undefined) await adoptSynced(synced);
    else if ((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] !== undefined)
      await storeSettings(await readSettings());
  } catch {
    // storage.sync unavailable (disabled by policy): local settings only
  }
}

export function registerUserEvents(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === PAUSE_COMMAND) void togglePause(tab);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PAUSE_END_ALARM) void endPauses();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[SETTINGS_KEY];
    if (!change) return;
    if (area === 'sync') void adoptSynced(change.newValue, change.oldValue);
    if (area === 'local') void schedulePauseEnd(normalizeSettings(change.newValue));
  });
  browser.runtime.onStartup.addListener(() => {
    void startSync();
    void endPauses();
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void startSync();
    // Once, after install: never on an update or a browser update, and in the background so it
    // never takes the focus from what the user was doing.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE), active: false });
  });
}
