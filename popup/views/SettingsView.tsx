import { t, uiLanguage } from '../../src/i18n';
import type { Platform } from '../../src/contract';
import { isPaused, type PauseLength, pausePatch, type Settings } from '../../src/settings';
import { useSettings } from '../lib/browser';
import { PLATFORM_NAMES } from '../lib/labels';
import { browser } from '../../src/lib/browser-api';

const PLATFORMS = Object.keys(PLATFORM_NAMES) as Platform[];

/**
 * The settings, in the popup and on the options page. Every change is written at once; the
 * background and every open popup follow storage.onChanged, so it applies in every tab.
 */
export function SettingsView({ site, full = false }: { site?: string; full?: boolean }) {
  const [s, update] = useSettings();
  const paused = site ? isPaused(s, site, Date.now()) : false;
  // An empty list means "all platforms" (src/settings.ts): every box ticked.
  const enabled = (p: Platform) => s.platforms.length === 0 || s.platforms.includes(p);
  const toggle = (p: Platform, on: boolean) => {
    const next = PLATFORMS.filter((x) => (x === p ? on : enabled(x)));
    void update({ platforms: next.length === PLATFORMS.length ? [] : next });
  };
  const language = new Intl.DisplayNames([uiLanguage()], { type: 'language' }).of(uiLanguage()) ?? uiLanguage();
  return (
    <section aria-labelledby="settings-title" class="settings">
      <h2 id="settings-title" class="section-title">
        {t('options_title')}
      </h2>
      <div class="field check">
        <input
          id="opt-passive"
          type="checkbox"
          checked={s.passive}
          onChange={(e) => void update({ passive: e.currentTarget.checked })}
        />
        <label for="opt-passive">{t('options_passive')}</label>
        <p class="help">{t('options_passive_help')}</p>
      </div>
      {site && <PauseField site={site} settings={s} paused={paused} update={update} />}
      <fieldset>
        <legend>{t('options_badge')}</legend>
        <label class="radio">
          <input
            type="radio"
            name="badge"
            value="number"
            checked={s.badgeStyle === 'number'}
            onChange={() => void update({ badgeStyle: 'number' })}
          />
          {t('options_badge_number')}
        </label>
        <label class="radio">
          <input
            type="radio"
            name="badge"
            value="dot"
            checked={s.badgeStyle === 'dot'}
            data-testid="badge-dot"
            onChange={() => void update({ badgeStyle: 'dot' })}
          />
          {t('options_badge_dot')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('options_platforms')}</legend>
        <div class="platforms">
          {PLATFORMS.map((p) => (
            <label class="radio" key={p}>
              <input type="checkbox" checked={enabled(p)} onChange={(e) => toggle(p, e.currentTarget.checked)} />
              {PLATFORM_NAMES[p]}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="field">
        <label for="opt-sep">{t('export_separator')}</label>
        <select
          id="opt-sep"
          value={s.csvSeparator}
          onChange={(e) => void update({ csvSeparator: e.currentTarget.value as 'auto' | ',' | ';' })}
        >
          <option value="auto">{t('export_separator_auto', [uiLanguage().startsWith('de') ? ';' : ','])}</option>
          <option value=",">{t('export_separator_comma')}</option>
          <option value=";">{t('export_separator_semicolon')}</option>
        </select>
      </div>
      {full && s.pausedSites.length > 0 && (
        <fieldset>
          <legend>{t('options_paused_sites')}</legend>
          <ul class="paused">
            {s.pausedSites.map((p) => (
              <li key={p}>
                <span>
                  {p}
                  {s.pausedUntil[p] !== undefined && <span class="until"> {t('options_until', [timeOf(s.pausedUntil[p])])}</span>}
                </span>
                <button
                  type="button"
                  onClick={() => void update(pausePatch(s, p, null, Date.now()))}
                  aria-label={t('options_resume_site', [p])}
                >
                  {t('options_resume')}
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <p class="help">{t('options_language', [language])}</p>
      {!full && (
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('options_open_all')}
        </button>
      )}
    </section>
  );
}

/** A pause's end as the user reads it: the time today, else date and time. */
function timeOf(ms: number): string {
  const end = new Date(ms);
  const sameDay = end.toDateString() === new Date().toDateString();
  return end.toLocaleString(
    uiLanguage(),
    sameDay ? { hour: '2-digit', minute: '2-digit' } : { dateStyle: 'medium', timeStyle: 'short' },
  );
}

const PAUSES: PauseLength[] = ['hour', 'day', 'always'];

/** Pause this site for an hour, a day or until resumed; or say how long it is paused and resume it. */
function PauseField(props: {
  site: string;
  settings: Settings;
  paused: boolean;
  update: (patch: Partial<Settings>) => Promise<void>;
}) {
  const { site, settings, paused, update } = props;
  const pause = (length: PauseLength | null) => void update(pausePatch(settings, site, length, Date.now()));
  if (paused) {
    const until = settings.pausedUntil[site];
    return (
      <fieldset class="pause">
        <legend data-testid="pause-state">
          {until === undefined ? t('options_paused_always', [site]) : t('options_paused_until', [site, timeOf(until)])}
        </legend>
        <button type="button" data-testid="resume-site" onClick={() => pause(null)}>
          {t('options_resume')}
        </button>
      </fieldset>
    );
  }
  return (
    <fieldset class="pause">
      <legend>{t('options_pause_label', [site])}</legend>
      <div class="actions">
        {PAUSES.map((length) => (
          <button type="button" key={length} data-testid={`pause-${length}`} onClick={() => pause(length)}>
            {t(`options_pause_${length}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
