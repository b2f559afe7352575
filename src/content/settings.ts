import { SETTINGS_KEY, type Settings } from '../settings';

/**
 * What the content script needs of the user's settings: whether to read passively, where not, and
 * which platforms. Read here without the full normalisation of src/settings.ts (retention, caps,
 * CSV, pause ends: the worker's and the extension pages' business), which every page would
 * otherwise download and parse; tests/unit/content-settings.test.ts checks that both agree.
 */
export type PageSettings = Pick<Settings, 'passive' | 'pausedSites' | 'platforms'>;

function strings<T extends string>(v: unknown, fallback: T[], maxLength = Number.POSITIVE_INFINITY): T[] {
  return Array.isArray(v) ? v.filter((x): x is T => typeof x === 'string' && x.length <= maxLength) : fallback;
}

/** a host name has at most 253 characters (src/settings.ts drops longer and empty ones too) */
const SITE_MAX = 253;

export function pageSettingsOf(raw: unknown): PageSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    // the defaults of DEFAULT_SETTINGS, written out: the whole defaults object would ship with them
    passive: typeof s.passive === 'boolean' ? s.passive : true,
    pausedSites: strings<string>(s.pausedSites, [], SITE_MAX).filter((x) => x !== ''),
    platforms: strings(s.platforms, []),
  };
}

export async function readPageSettings(): Promise<PageSettings> {
  const got = await chrome.storage.local.get(SETTINGS_KEY);
  return pageSettingsOf(got[SETTINGS_KEY]);
}
