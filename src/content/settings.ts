import { type PageSettings, pageSettingsOf, SETTINGS_KEY } from '../settings';

/** The settings the content script needs (src/settings.ts `pageSettingsOf`), from storage.local. */
export async function readPageSettings(): Promise<PageSettings> {
  const got = await chrome.storage.local.get(SETTINGS_KEY);
  return pageSettingsOf(got[SETTINGS_KEY]);
}
