import { t } from '../../src/i18n';
import type { Band, PageKind, Platform, Verdict } from '../../src/contract';

/** Brand names are not translated. */
export const PLATFORM_NAMES: Record<Platform, string> = {
  wordpress: 'WordPress',
  'wordpress-com': 'WordPress.com',
  blogger: 'Blogger',
  ghost: 'Ghost',
  medium: 'Medium',
  substack: 'Substack',
  x: 'X (Twitter)',
  facebook: 'Facebook',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  generic: 'Web',
};

export const platformName = (p: string) => PLATFORM_NAMES[p as Platform] ?? p;
export const kindLabel = (k: PageKind) => t(`popup_kind_${k}`);
export const bandLabel = (b: Band) => t(`band_${b}`);
export const verdictLabel = (v: Verdict) => t(v === 'n/a' ? 'verdict_na' : `verdict_${v}`);

/** A rule's message key: the contract's one formula (src/contract/vocabulary.ts). */
export { messageKey as ruleKey } from '../../src/contract/vocabulary';

/** Dates in the browser's language (German users read 22.11.2026). */
export function dateLabel(time: number, withTime = false): string {
  const lang = chrome.i18n?.getUILanguage?.() ?? 'en';
  const opts: Intl.DateTimeFormatOptions = withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' };
  try {
    return new Intl.DateTimeFormat(lang, opts).format(time);
  } catch {
    return new Date(time).toISOString().slice(0, 10);
  }
}
