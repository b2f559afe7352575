import { useEffect, useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import type { HowSocialDb, OwnerAuditRow } from '../../src/storage/db';
import { latestOwnerReports } from '../../src/storage/owner';
import { byImpact } from '../../src/score';
import { Gauge } from '../components/Gauge';
import { platformName, ruleKey, verdictLabel } from '../lib/labels';
import { Facts, restsOn, sourceLabel } from './OwnerReportView';

/** Up to five owners side by side (a competitor view): each column its score, facts and findings. */
export const COMPARE_MAX = 5;

export function CompareView({ db, onOpen }: { db: HowSocialDb; onOpen: (row: OwnerAuditRow) => void }) {
  const [rows, setRows] = useState<OwnerAuditRow[] | null>(null);
  const [chosen, setChosen] = useState<number[]>([]);
  useEffect(() => {
    latestOwnerReports(db).then(
      (list) => {
        setRows(list);
        setChosen(list.slice(0, COMPARE_MAX).map((r) => r.id!));
      },
      () => setRows([]),
    );
  }, [db]);
  if (rows === null) return <p class="loading">{t('popup_loading')}</p>;
  if (rows.length === 0) return <p class="empty">{t('report_compare_empty')}</p>;
  const toggle = (id: number) =>
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : c.length >= COMPARE_MAX ? c : [...c, id]));
  const columns = chosen.map((id) => rows.find((r) => r.id === id)).filter((r): r is OwnerAuditRow => !!r);
  return (
    <section class="compare" data-testid="compare">
      <fieldset class="compare-pick no-print">
        <legend>{t('report_compare_hint')}</legend>
        {rows.map((r) => (
          <label key={r.id}>
            <input
              type="checkbox"
              checked={chosen.includes(r.id!)}
              disabled={!chosen.includes(r.id!) && chosen.length >= COMPARE_MAX}
              onChange={() => toggle(r.id!)}
            />{' '}
            {r.report.name} {r.report.name !== r.report.site && <span class="help">({r.report.site}) </span>}
            <button type="button" class="link" onClick={() => onOpen(r)}>
              {t('report_audit_view')}
            </button>
          </label>
        ))}
        {chosen.length >= COMPARE_MAX && rows.length > COMPARE_MAX && <p class="help">{t('report_compare_limit')}</p>}
      </fieldset>
      <div class="compare-grid" style={{ gridTemplateColumns: `repeat(${Math.max(1, columns.length)}, minmax(0, 1fr))` }}>
        {columns.map(({ report: r, id }) => (
          <div class="compare-column" key={id} data-testid="compare-column">
            <Gauge score={r.score} band={r.band} size={80} />
            <h3 class="owner-name">{r.name}</h3>
            <p class="help">
              {platformName(r.platform)} · {sourceLabel(r.source)}
            </p>
            <p class="sample">{restsOn(r)}</p>
            <Facts facts={r.facts} />
            <ul class="compare-findings">
              {byImpact(r.findings.filter((f) => f.verdict !== 'n/a')).map((f) => (
                <li key={f.rule} class={`verdict-${f.verdict}`}>
                  <span class="verdict-badge" aria-hidden="true" /> {t(ruleKey(f.rule, 'title'))}
                  <span class="sr-only"> ({verdictLabel(f.verdict)})</span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
