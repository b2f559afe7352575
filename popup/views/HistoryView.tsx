import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import { openDb } from '../../src/storage/db';
import { Chart } from '../components/Chart';
import { ConfirmButton } from '../components/ConfirmButton';
import { RetentionField } from '../components/RetentionField';
import { deleteEverything, deleteSite, filterAndSort, type SiteSummary, type SortKey, siteSummaries } from '../lib/history';
import { bandLabel, dateLabel, platformName } from '../lib/labels';

export default function HistoryView() {
  const db = useMemo(() => openDb(), []);
  const [sites, setSites] = useState<SiteSummary[] | null>(null);
  const [error, setError] = useState(false);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('recent');
  const reload = () =>
    siteSummaries(db).then(setSites, () => {
      setError(true);
      setSites([]);
    });
  useEffect(() => {
    reload();
    return () => db.close();
  }, []);
  const shown = useMemo(() => filterAndSort(sites ?? [], query, sort), [sites, query, sort]);

  if (sites === null) return <p class="loading">{t('popup_loading')}</p>;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title" class="section-title">
        {t('history_title')}
      </h2>
      {error && (
        <p class="notice" role="alert">
          {t('history_error')}
        </p>
      )}
      <div class="toolbar">
        <label>
          <span class="sr-only">{t('history_search')}</span>
          <input
            type="search"
            placeholder={t('history_search')}
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
            data-testid="history-search"
          />
        </label>
        <label>
          <span class="sr-only">{t('history_sort')}</span>
          <select value={sort} onChange={(e) => setSort(e.currentTarget.value as SortKey)} data-testid="history-sort">
            <option value="recent">{t('history_sort_recent')}</option>
            <option value="score-asc">{t('history_sort_score_asc')}</option>
            <option value="score-desc">{t('history_sort_score_desc')}</option>
            <option value="site">{t('history_sort_site')}</option>
          </select>
        </label>
      </div>
      {sites.length === 0 ? (
        <p class="empty">{t('history_empty')}</p>
      ) : (
        <ul class="sites" data-testid="history-list" aria-label={t('history_title')}>
          {shown.map((s) => (
            <li key={s.site} class="site-row" data-site={s.site}>
              <span class={`score-pill band-${s.band}`} title={bandLabel(s.band)}>
                {s.score ?? '–'}
              </span>
              <div class="site-info">
                <span class="site-name">{s.site}</span>
                <span class="site-meta">
                  {platformName(s.platform)} · {t('history_last_visit', [dateLabel(s.lastVisit)])}
                </span>
              </div>
              <span title={t('history_audits', [s.audits])}>
                <Chart points={s.points} />
              </span>
              <ConfirmButton
                class="icon-button"
                label="✕"
                ariaLabel={t('history_delete_site', [s.site])}
                confirmLabel={t('history_delete_confirm')}
                onConfirm={() => deleteSite(db, s.site).then(reload)}
              />
            </li>
          ))}
        </ul>
      )}
      {sites.length > 0 && shown.length === 0 && <p class="empty">{t('history_no_match')}</p>}
      <RetentionField onPruned={reload} />
      {sites.length > 0 && (
        <ConfirmButton
          label={t('history_delete_all')}
          confirmLabel={t('history_delete_all_confirm')}
          testid="delete-all"
          onConfirm={() => deleteEverything(db).then(reload)}
        />
      )}
    </section>
  );
}
