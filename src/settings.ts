import type { Platform } from './contract';

/**
 * User settings, stored in `storage.local` under one key and mirrored to `storage.sync` (the
 * user's other browsers; the background adopts a synced change, src/background/sync.ts). Every
 * context reads them with readSettings() and listens to `storage.onChanged`, so a change applies
 * at once in every tab.
 */
export interface Settings {
  /** audit and badge every page while browsing; off = only when the user clicks the icon */
  passive: boolean;
  /**
   * sites (as siteOf() gives them) where HowSocial does nothing: paused for good, or for a while
   * (then `pausedUntil` has the end). Every paused site is in this list, so a reader that only
   * asks `pausedSites.includes(site)` (the content script) is right; the background removes a
   * timed pause from it when it ends (an alarm), and isPaused() checks the end as well.
   */
  pausedSites: string[];
  /** the end (ms since epoch) of a timed pause, per site in pausedSites */
  pausedUntil: Record<string, number>;
  /** badge shows the number, or only a coloured dot */
  badgeStyle: 'number' | 'dot';
  /** platforms to audit; an empty list means all */
  platforms: Platform[];
  /** CSV separator; 'auto' = ';' when the UI language is German (Excel's German default), else ',' */
  csvSeparator: 'auto' | ',' | ';';
  /** audits older than this many days are deleted; 0 = keep no history at all (badge and popup only) */
  retentionDays: number;
  /** the newest this many audits of a site are kept, older ones deleted */
  perSiteCap: number;
}

export const SETTINGS_KEY = 'settings';

/** The longest retention the settings accept: ten years. */
export const MAX_RETENTION_DAYS = 3650;
export const MAX_PER_SITE_CAP = 1000;

export const DEFAULT_SETTINGS: Settings = {
  passive: true,
  pausedSites: [],
  pausedUntil: {},
  badgeStyle: 'number',
  platforms: [],
  csvSeparator: 'auto',
  // 90 days: a quarter shows a trend; privacy by default keeps no more browsing than that
  retentionDays: 90,
  // 20 audits: the history chart of a site stays readable, and one site can't fill the database
  perSiteCap: 20,
};

function intIn(v: unknown, min: number, max: number, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= min ? Math.min(max, Math.floor(v)) : fallback;
}

/** What the content script needs of the settings: whether to read passively, where not, which platforms. */
export type PageSettings = Pick<Settings, 'passive' | 'pausedSites' | 'platforms'>;

function strings<T extends string>(v: unknown, keep: (x: string) => boolean): T[] | null {
  return Array.isArray(v) ? v.filter((x): x is T => typeof x === 'string' && keep(x)) : null;
}

/** a host name has at most 253 characters */
const SITE_MAX = 253;

/**
 * The three settings the content script reads, from whatever is stored. Without the rest of
 * normalizeSettings (retention, caps, CSV, pause ends), which every page would otherwise download
 * and parse; normalizeSettings builds on it. The defaults are DEFAULT_SETTINGS', written out: the
 * whole defaults object would ship with them.
 */
export function pageSettingsOf(raw: unknown): PageSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    passive: typeof s.passive === 'boolean' ? s.passive : true,
    pausedSites: strings<string>(s.pausedSites, (x) => x.length > 0 && x.length <= SITE_MAX) ?? [],
    platforms: strings<Platform>(s.platforms, () => true) ?? [],
  };
}

/** Accepts whatever is stored (older versions, hand edits, a backup) and returns complete, valid settings. */
export function normalizeSettings(raw: unknown): Settings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const d = DEFAULT_SETTINGS;
  const page = pageSettingsOf(raw);
  const pausedSites = [...new Set(page.pausedSites)];
  const pausedUntil: Record<string, number> = {};
  if (s.pausedUntil && typeof s.pausedUntil === 'object') {
    for (const [site, until] of Object.entries(s.pausedUntil)) {
      if (pausedSites.includes(site) && typeof until === 'number' && Number.isFinite(until)) pausedUntil[site] = until;
    }
  }
  return {
    passive: page.passive,
    pausedSites,
    pausedUntil,
    badgeStyle: s.badgeStyle === 'dot' ? 'dot' : 'number',
    platforms: page.platforms,
    csvSeparator: s.csvSeparator === ',' || s.csvSeparator === ';' ? s.csvSeparator : 'auto',
    retentionDays: intIn(s.retentionDays, 0, MAX_RETENTION_DAYS, d.retentionDays),
    perSiteCap: intIn(s.perSiteCap, 1, MAX_PER_SITE_CAP, d.perSiteCap),
  };
}

/** Paused now: for good, or a timed pause that has not ended. */
export function isPaused(settings: Settings, site: string, now: number): boolean {
  if (!settings.pausedSites.includes(site)) return false;
  const until = settings.pausedUntil[site];
  return until === undefined || until > now;
}

/** How long a pause lasts: an hour, a day, or until the user resumes (null). */
export type PauseLength = 'hour' | 'day' | 'always';
const PAUSE_MS: Record<Exclude<PauseLength, 'always'>, number> = { hour: 60 * 60 * 1000, day: 24 * 60 * 60 * 1000 };

/** The settings patch that pauses a site (or resumes it, `length` null). */
export function pausePatch(
  settings: Settings,
  site: string,
  length: PauseLength | null,
  now: number,
): Pick<Settings, 'pausedSites' | 'pausedUntil'> {
  const pausedUntil = { ...settings.pausedUntil };
  delete pausedUntil[site];
  const others = settings.pausedSites.filter((x) => x !== site);
  if (length === null) return { pausedSites: others, pausedUntil };
  if (length !== 'always') pausedUntil[site] = now + PAUSE_MS[length];
  return { pausedSites: [...others, site], pausedUntil };
}

/** Timed pauses that have ended by `now` are dropped; null when nothing changed. */
export function withoutEndedPauses(settings: Settings, now: number): Pick<Settings, 'pausedSites' | 'pausedUntil'> | null {
  const ended = settings.pausedSites.filter((site) => !isPaused(settings, site, now));
  if (ended.length === 0) return null;
  const pausedUntil = { ...settings.pausedUntil };
  for (const site of ended) delete pausedUntil[site];
  return { pausedSites: settings.pausedSites.filter((x) => !ended.includes(x)), pausedUntil };
}

export async function readSettings(): Promise<Settings> {
  const got = await chrome.storage.local.get(SETTINGS_KEY);
  return normalizeSettings(got[SETTINGS_KEY]);
}

/**
 * Write settings to storage.local and mirror them to storage.sync. Sync is best effort: it may
 * be off, over its quota (8 KB per item) or missing (a test browser); local stays the truth.
 */
export async function storeSettings(next: Settings): Promise<void> {
  await chrome.storage.local.set({ [SETTINGS_KEY]: next });
  try {
    await chrome.storage.sync?.set({ [SETTINGS_KEY]: next });
  } catch {
    // not synced: this browser keeps its own settings
  }
}

export async function writeSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await readSettings()), ...patch });
  await storeSettings(next);
  return next;
}
