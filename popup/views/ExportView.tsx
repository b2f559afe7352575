import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, tOptional, uiLanguage } from '../../src/i18n';
import { separatorFor } from '../../src/export/csv';
import { type ExportProgress, type ExportScope, ExportStopped, exportCsv } from '../../src/export/stream';
import { openDb } from '../../src/storage/db';
import { BackupPanel } from '../components/BackupPanel';
import { useSettings } from '../lib/browser';

type ScopeKind = ExportScope['kind'];

const DAY_MS = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

interface Result {
  url: string;
  name: string;
  rows: number;
}

/** CSV of this page / this site / a date range / everything, streamed with progress and a stop button. */
export default function ExportView({ pageUrl, site }: { pageUrl?: string; site?: string }) {
  const db = useMemo(() => openDb(), []);
  const [settings, update] = useSettings();
  const [scope, setScope] = useState<ScopeKind>(pageUrl ? 'page' : 'all');
  const [from, setFrom] = useState(isoDay(Date.now() - 30 * DAY_MS));
  const [to, setTo] = useState(isoDay(Date.now()));
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [stopped, setStopped] = useState<ExportProgress | null>(null);
  const [failed, setFailed] = useState(false);
  const stop = useRef<AbortController | null>(null);
  const sep = separatorFor(settings.csvSeparator, uiLanguage());

  useEffect(
    () => () => {
      stop.current?.abort();
      db.close();
    },
    [],
  );
  useEffect(() => () => result && URL.revokeObjectURL(result.url), [result]);

  const run = async () => {
    const chosen: ExportScope =
      scope === 'page' && pageUrl
        ? { kind: 'page', url: pageUrl }
        : scope === 'site' && site
          ? { kind: 'site', site }
          : scope === 'range'
            ? { kind: 'range', from: Date.parse(`${from}T00:00:00`), to: Date.parse(`${to}T23:59:59.999`) }
            : { kind: 'all' };
    stop.current = new AbortController();
    setResult(null);
    setStopped(null);
    setFailed(false);
    try {
      const done = await exportCsv(db, chosen, (k, s) => tOptional(k, s), sep, {
        signal: stop.current.signal,
        onProgress: setProgress,
      });
      const name = `howsocial-${chosen.kind === 'page' || chosen.kind === 'site' ? (site ?? 'site') : chosen.kind}-${isoDay(Date.now())}.csv`;
      setResult({ url: URL.createObjectURL(done.blob), name, rows: done.rows });
    } catch (err) {
      if (err instanceof ExportStopped) setStopped(err.progress);
      else setFailed(true);
    } finally {
      setProgress(null);
      stop.current = null;
    }
  };

  const scopes: { kind: ScopeKind; label: string; disabled?: boolean }[] = [
    { kind: 'page', label: t('export_scope_page'), disabled: !pageUrl },
    { kind: 'site', label: site ? t('export_scope_site', [site]) : t('export_scope_site_none'), disabled: !site },
    { kind: 'range', label: t('export_scope_range') },
    { kind: 'all', label: t('export_scope_all') },
  ];
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title" class="section-title">
        {t('export_title')}
      </h2>
      <fieldset>
        <legend>{t('export_scope')}</legend>
        {scopes.map((s) => (
          <label key={s.kind} class={`radio ${s.disabled ? 'disabled' : ''}`}>
            <input
              type="radio"
              name="scope"
              value={s.kind}
              checked={scope === s.kind}
              disabled={s.disabled}
              onChange={() => setScope(s.kind)}
            />
            {s.label}
          </label>
        ))}
        {scope === 'range' && (
          <div class="range">
            <label>
              {t('export_from')} <input type="date" value={from} max={to} onChange={(e) => setFrom(e.currentTarget.value)} />
            </label>
            <label>
              {t('export_to')} <input type="date" value={to} min={from} onChange={(e) => setTo(e.currentTarget.value)} />
            </label>
          </div>
        )}
      </fieldset>
      <div class="field">
        <label for="csv-sep">{t('export_separator')}</label>
        <select
          id="csv-sep"
          value={settings.csvSeparator}
          onChange={(e) => void update({ csvSeparator: e.currentTarget.value as ',' | ';' | 'auto' })}
        >
          <option value="auto">{t('export_separator_auto', [separatorFor('auto', uiLanguage())])}</option>
          <option value=",">{t('export_separator_comma')}</option>
          <option value=";">{t('export_separator_semicolon')}</option>
        </select>
      </div>
      <div class="actions">
        <button type="button" class="primary" onClick={run} disabled={progress !== null} data-testid="export-csv">
          {t('export_csv')}
        </button>
        {progress && (
          <button type="button" onClick={() => stop.current?.abort()}>
            {t('export_stop')}
          </button>
        )}
      </div>
      {progress && (
        <div class="progress" role="status">
          <progress max={Math.max(1, progress.totalAudits)} value={progress.audits} aria-label={t('export_progress_label')} />
          <span>{t('export_progress', [progress.audits, progress.totalAudits, progress.rows])}</span>
        </div>
      )}
      {result && (
        <p class="done" role="status">
          <a
            href={result.url}
            download={result.name}
            data-export-url={result.url}
            data-rows={result.rows}
            data-testid="export-link"
          >
            {t('export_download', [result.rows])}
          </a>
        </p>
      )}
      {stopped && (
        <p class="notice" role="alert">
          {t('export_stopped', [stopped.audits, stopped.totalAudits])}
        </p>
      )}
      {failed && (
        <p class="notice" role="alert">
          {t('export_failed')}
        </p>
      )}
      <BackupPanel db={db} />
    </section>
  );
}
