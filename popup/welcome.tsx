import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { BADGE_COLORS } from '../src/background/badge';
import { t } from '../src/i18n';
import { DEFAULT_SETTINGS } from '../src/settings';
import './style.css';
import { browser } from '../src/lib/browser-api';

/**
 * The page opened once after install (src/background/user.ts, in the background: it never takes
 * the focus): what the badge says, what is kept of the user's browsing and for how long, the
 * keyboard shortcuts. Text only, no network, nothing stored by opening it.
 */
document.documentElement.lang = browser.i18n.getMessage('@@ui_locale').replace('_', '-') || 'en';
document.title = t('welcome_title');

/** The shortcuts as the browser has them now (the user may have changed or removed them). */
function useShortcuts(): Record<string, string> {
  const [keys, setKeys] = useState<Record<string, string>>({});
  useEffect(() => {
    browser.commands
      ?.getAll()
      .then((all) => setKeys(Object.fromEntries(all.map((c) => [c.name ?? '', c.shortcut ?? '']))))
      .catch(() => undefined);
  }, []);
  return keys;
}

function Badge({ text, color }: { text: string; color: string }) {
  return (
    <span class="sample-badge" style={{ background: color }} aria-hidden="true">
      {text}
    </span>
  );
}

function Welcome() {
  const keys = useShortcuts();
  const shortcut = (name: string) => keys[name] || t('options_shortcut_none');
  return (
    <main class="learn welcome">
      <header class="top">
        <img src="/icons/icon-48.png" alt="" width="32" height="32" />
        <h1>{t('welcome_title')}</h1>
      </header>
      <p>{t('welcome_intro')}</p>
      <h2>{t('welcome_badge_title')}</h2>
      <ul class="welcome-list">
        <li>
          <Badge text="27" color={BADGE_COLORS.red} /> <Badge text="64" color={BADGE_COLORS.orange} />{' '}
          <Badge text="93" color={BADGE_COLORS.green} /> {t('welcome_badge_score')}
        </li>
        <li>
          <Badge text="–" color={BADGE_COLORS.grey} /> {t('welcome_badge_dash')}
        </li>
        <li>{t('welcome_badge_none')}</li>
        <li>{t('welcome_badge_click')}</li>
      </ul>
      <h2>{t('welcome_privacy_title')}</h2>
      <ul class="welcome-list">
        <li>{t('welcome_privacy_local')}</li>
        <li>{t('welcome_privacy_what')}</li>
        <li>{t('welcome_privacy_how_long', [DEFAULT_SETTINGS.retentionDays, DEFAULT_SETTINGS.perSiteCap])}</li>
        <li>{t('welcome_privacy_private')}</li>
        <li>{t('welcome_privacy_delete')}</li>
      </ul>
      <h2>{t('options_shortcuts')}</h2>
      <ul class="welcome-list" data-testid="shortcuts">
        <li>{t('options_shortcut_open', [shortcut('_execute_action')])}</li>
        <li>{t('options_shortcut_pause', [shortcut('pause-site')])}</li>
      </ul>
      <p class="help">{t('options_shortcuts_help')}</p>
      <p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('welcome_settings')}
        </button>
      </p>
    </main>
  );
}

render(<Welcome />, document.getElementById('app')!);
