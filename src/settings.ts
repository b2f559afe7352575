import type { Platform } from './contract';

/**
 * User settings, stored in `storage.local` under one key. Every context reads them with
 * readSettings() and listens to `storage.onChanged`, so a change applies at once in every tab.
 */
export interface Settings {
  /** audit and badge every page while browsing; off = only when the user clicks the icon */
  passive: boolean;
  /** sites (as siteOf() gives them) where HowSocial does nothing */
  pausedSites: string[];
  /** badge shows the number, or only a coloured dot */
  badgeStyle: 'number' | 'dot';
  /** platforms to audit; an empty list means all */
  platforms: Platform[];
  /** CSV separator; 'auto' = ';' when the UI language is German (Excel's German default), else ',' */
  csvSeparator: 'auto' | ',' | ';';
  /** audits older than this many days are pruned, never the newest audit of a site */
  retentionDays: number;
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  passive: true,
  pausedSites: [],
  badgeStyle: 'number',
  platforms: [],
  csvSeparator: 'auto',
  // 180 days: half a year of history shows a trend without growing the database without bound
  retentionDays: 180,
};

/** Accepts whatever is stored (older versions, hand edits) and returns complete, valid settings. */
export function normalizeSettings(raw: unknown): Settings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const d = DEFAULT_SETTINGS;
  return {
    passive: typeof s.passive === 'boolean' ? s.passive : d.passive,
    pausedSites: Array.isArray(s.pausedSites) ? s.pausedSites.filter((x): x is string => typeof x === 'string') : d.pausedSites,
    badgeStyle: s.badgeStyle === 'dot' ? 'dot' : 'number',
    platforms: Array.isArray(s.platforms) ? (s.platforms.filter((x) => typeof x === 'string') as Platform[]) : d.platforms,
    csvSeparator: s.csvSeparator === ',' || s.csvSeparator === ';' ? s.csvSeparator : 'auto',
    retentionDays:
      typeof s.retentionDays === 'number' && Number.isFinite(s.retentionDays) && s.retentionDays >= 1
        ? Math.floor(s.retentionDays)
        : d.retentionDays,
  };
}

export async function readSettings(): Promise<Settings> {
  const got = await chrome.storage.local.get(SETTINGS_KEY);
  return normalizeSettings(got[SETTINGS_KEY]);
}

export async function writeSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await readSettings()), ...patch });
  await chrome.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}
