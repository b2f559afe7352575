import { t } from '../../src/i18n';
import type { Audit } from '../../src/contract';
import { byImpact, contributionOf, MIN_APPLICABLE_WEIGHT } from '../../src/score';
import { ruleKey, verdictLabel } from '../lib/labels';

const fmt = (n: number) => (Math.round(n * 10) / 10).toLocaleString(chrome.i18n?.getUILanguage?.() ?? 'en');

/**
 * Lighthouse's weighted audits: each applicable rule can give at most its share of the weight in
 * points; it gives that share × its own score. The earned points add up to the page score.
 */
export function WhyView({ audit }: { audit: Audit | null | undefined }) {
  if (!audit || audit.kind === 'other') return <p class="empty">{t('popup_why_none')}</p>;
  const applicable = byImpact(audit.findings.filter((f) => f.score !== null && f.verdict !== 'n/a'));
  const totalWeight = applicable.reduce((w, f) => w + f.weight, 0);
  return (
    <section aria-labelledby="why-title">
      <h2 id="why-title" class="section-title">
        {t('popup_why_title')}
      </h2>
      <p class="explain">{t('popup_why_intro')}</p>
      <table class="why" data-testid="why-table">
        <thead>
          <tr>
            <th scope="col">{t('popup_why_rule')}</th>
            <th scope="col">{t('popup_why_weight')}</th>
            <th scope="col">{t('popup_why_points')}</th>
          </tr>
        </thead>
        <tbody>
          {applicable.map((f) => {
            const max = contributionOf(f, applicable);
            return (
              <tr key={f.rule} class={`verdict-${f.verdict}`}>
                <th scope="row">
                  <a href={`learn.html?rule=${encodeURIComponent(f.rule)}`} target="_blank" rel="noopener">
                    {t(ruleKey(f.rule, 'title'))}
                  </a>
                  <span class="why-verdict"> {verdictLabel(f.verdict)}</span>
                </th>
                <td>{fmt(f.weight)}</td>
                <td>
                  {fmt(max * (f.score ?? 0))} / {fmt(max)}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('popup_why_total')}</th>
            <td>{fmt(totalWeight)}</td>
            <td>{audit.score === null ? '–' : `${audit.score} / 100`}</td>
          </tr>
        </tfoot>
      </table>
      {audit.score === null && <p class="notice">{t('popup_why_min_weight', [MIN_APPLICABLE_WEIGHT])}</p>}
    </section>
  );
}
