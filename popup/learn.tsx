import { render } from 'preact';
import { t, tOptional } from '../src/i18n';
import { RULES } from '../src/rules';
import { SOURCES } from '../src/rules/_sources';
import { ruleKey } from './lib/labels';
import './style.css';
import { browser } from '../src/lib/browser-api';

document.documentElement.lang = browser.i18n.getMessage('@@ui_locale').replace('_', '-') || 'en';

/** The explanation page of one rule (`learn.html?rule=<id>`), or the index of all rules. */
function Learn({ rule }: { rule: string | null }) {
  const known = rule !== null && RULES.some((r) => r.id === rule);
  if (!known) {
    document.title = t('learn_index_title');
    return (
      <main class="learn">
        <h1>{t('learn_index_title')}</h1>
        {rule !== null && <p class="notice">{t('learn_unknown')}</p>}
        <p>{t('learn_index_intro')}</p>
        <ul>
          {RULES.map((r) => (
            <li key={r.id}>
              <a href={`learn.html?rule=${r.id}`}>{t(ruleKey(r.id, 'title'))}</a>
            </li>
          ))}
        </ul>
      </main>
    );
  }
  const title = t(ruleKey(rule, 'title'));
  document.title = `${title} — HowSocial`;
  // Paragraphs are separated by blank lines in the message; rendered as text, never as HTML.
  const learn = tOptional(ruleKey(rule, 'learn'))
    .split(/\n\s*\n/)
    .filter(Boolean);
  return (
    <main class="learn">
      <p class="crumb">
        <a href="learn.html">{t('learn_index_title')}</a>
      </p>
      <h1>{title}</h1>
      {learn.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <h2>{t('popup_why_it_matters')}</h2>
      <p>{t(ruleKey(rule, 'why'))}</p>
      <h2>{t('popup_what_to_do')}</h2>
      <p>{t(ruleKey(rule, 'advice'))}</p>
      <h2>{t('learn_sources_title')}</h2>
      <ul class="sources" data-testid="sources">
        {(SOURCES[rule] ?? []).map((s) => {
          const source = t(`learn_source_${s.seed}`);
          return <li key={`${s.seed}-${s.point ?? ''}`}>{s.point ? t('learn_source_point', [s.point, source]) : source}</li>;
        })}
      </ul>
      <p class="help">{t('learn_sources_note')}</p>
      <p class="help">{t('learn_rule_id', [rule])}</p>
    </main>
  );
}

render(<Learn rule={new URLSearchParams(location.search).get('rule')} />, document.getElementById('app')!);
