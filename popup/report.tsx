import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../src/i18n';
import type { Platform } from '../src/contract';
import { ownerCsv, ownerJsonText } from '../src/owner/csv';
import { OwnerFetchError } from '../src/owner/net';
import { runOwnerAudit } from '../src/owner/run';
import { DEFAULT_POSTS, MAX_POSTS } from '../src/owner/sources/source';
import type { OwnerNoteCode, OwnerReport } from '../src/owner/types';
import { type OwnerAuditRow, openDb } from '../src/storage/db';
import { saveOwnerReport } from '../src/storage/owner';
import { type TabDef, Tabs } from './components/Tabs';
import { CompareView } from './report/CompareView';
import { csvSeparator, noteText, OwnerReportView } from './report/OwnerReportView';
import './style.css';
import './report.css';

/**
 * The owner audit's page (`report.html?url=…&platform=…&posts=…&run=1`): it reads the owner's
 * public posts only when the user asks (the popup's button, or Run here), shows progress with a
 * Stop button, and the report with its downloads; Compare sets stored reports side by side.
 * What it finished is exposed as `window.howsocialOwner` for the CLI (scripts/lib/owner.mjs).
 */
document.documentElement.lang = chrome.i18n.getMessage('@@ui_locale').replace('_', '-') || 'en';
document.title = t('report_title');

type View = 'report' | 'compare';
type State =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'error'; code: OwnerNoteCode; where: string }
  | { kind: 'done' };

declare global {
  interface Window {
    howsocialOwner?: { state: 'done' | 'error'; json?: string; csv?: string; error?: string };
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

function useDownload(text: string | null, type: string): string | null {
  const url = useMemo(() => (text === null ? null : URL.createObjectURL(new Blob([text], { type }))), [text]);
  useEffect(() => () => url !== null && URL.revokeObjectURL(url), [url]);
  return url;
}

function ReportApp({ params }: { params: URLSearchParams }) {
  const db = useMemo(() => openDb(), []);
  const [view, setView] = useState<View>(params.get('view') === 'compare' ? 'compare' : 'report');
  const [url, setUrl] = useState(params.get('url') ?? '');
  const [posts, setPosts] = useState(Number(params.get('posts')) || DEFAULT_POSTS);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [report, setReport] = useState<OwnerReport | null>(null);
  const stop = useRef<AbortController | null>(null);
  const platform = (params.get('platform') ?? undefined) as Platform | undefined;
  const version = chrome.runtime.getManifest().version;
  const sep = csvSeparator();
  const csv = useMemo(() => (report ? ownerCsv(report, (k) => t(k), sep) : null), [report]);
  const json = useMemo(() => (report ? ownerJsonText(report, version) : null), [report]);
  const csvUrl = useDownload(csv, 'text/csv;charset=utf-8');
  const jsonUrl = useDownload(json, 'application/json');

  const run = async () => {
    if (state.kind === 'running') return;
    stop.current = new AbortController();
    setState({ kind: 'running', done: 0, total: 1 });
    setReport(null);
    try {
      const r = await runOwnerAudit({
        url: url.trim(),
        // The platform the popup's page audit found applies to that page's URL only.
        platform: url === params.get('url') ? platform : undefined,
        posts,
        db,
        signal: stop.current.signal,
        progress: (done, total) => setState({ kind: 'running', done, total }),
      });
      setReport(r);
      setState({ kind: 'done' });
      // A failed write (quota) loses only this report: what is stored stays as it was.
      if (r.posts > 0) await saveOwnerReport(db, r).catch(() => undefined);
      window.howsocialOwner = { state: 'done', json: ownerJsonText(r, version), csv: ownerCsv(r, (k) => t(k), ',') };
    } catch (err) {
      const code: OwnerNoteCode = err instanceof OwnerFetchError ? err.code : 'network';
      const where = err instanceof OwnerFetchError && err.url ? err.url : url;
      setState({ kind: 'error', code, where });
      window.howsocialOwner = { state: 'error', error: code };
    } finally {
      stop.current = null;
      document.documentElement.dataset.ownerState = window.howsocialOwner?.state ?? 'error';
    }
  };

  useEffect(() => {
    // The popup's "Audit the whole site / account" is the user's click; anything else waits for Run.
    if (params.get('run') === '1' && url) void run();
    // `?id=` shows a stored report (Compare's links, a printout made later).
    const id = Number(params.get('id'));
    if (id > 0)
      db.ownerAudits.get(id).then(
        (row) => row && openStored(row),
        () => undefined,
      );
  }, []);

  const openStored = (row: OwnerAuditRow) => {
    setReport(row.report);
    setUrl(row.report.url);
    setState({ kind: 'done' });
    setView('report');
  };

  const tabs: TabDef<View>[] = [
    { id: 'report', label: t('report_audit_view') },
    { id: 'compare', label: t('report_compare') },
  ];
  const name = report ? `howsocial-owner-${report.site}-${new Date(report.time).toISOString().slice(0, 10)}` : '';
  return (
    <main class="report">
      <header class="top">
        <img src="/icons/icon-32.png" alt="" width="24" height="24" />
        <h1>{t('report_title')}</h1>
      </header>
      <Tabs tabs={tabs} current={view} onSelect={setView} label={t('report_title')}>
        {view === 'report' && (
          <>
            <form
              class="owner-form no-print"
              onSubmit={(e) => {
                e.preventDefault();
                void run();
              }}
            >
              <label>
                {t('report_url_label')}
                <input type="url" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} data-testid="owner-url" />
              </label>
              <label class="posts">
                {t('report_posts_label')}
                <input
                  type="number"
                  min={1}
                  max={MAX_POSTS}
                  value={posts}
                  onInput={(e) => setPosts(Math.max(1, Math.min(MAX_POSTS, Number(e.currentTarget.value) || DEFAULT_POSTS)))}
                />
              </label>
              {state.kind === 'running' ? (
                // Keys: a fresh element, or Preact turns the submit button into Stop in place and the click submits.
                <button key="stop" type="button" class="danger" onClick={() => stop.current?.abort()} data-testid="owner-stop">
                  {t('report_stop')}
                </button>
              ) : (
                <button key="run" type="submit" class="primary" data-testid="owner-run">
                  {t('report_run')}
                </button>
              )}
              {url && hostOf(url) && (
                <p class="help">
                  {t('report_privacy', [hostOf(url).startsWith('bsky.app') ? 'public.api.bsky.app' : hostOf(url)])}
                </p>
              )}
            </form>
            {state.kind === 'running' && (
              <div class="owner-progress no-print" role="status">
                <progress max={state.total} value={state.done} data-testid="owner-progress" />
                <span>{t('report_progress', [state.done, state.total])}</span>
              </div>
            )}
            {state.kind === 'error' && (
              <div class="warning" role="alert" data-testid="owner-error" data-code={state.code}>
                <p>{noteText({ code: state.code, where: state.where })}</p>
                <p>{t('report_error')}</p>
              </div>
            )}
            {state.kind === 'idle' && !report && <p class="empty">{t('report_empty')}</p>}
            {report && report.posts === 0 && (
              <p class="notice" role="alert">
                {t('report_no_posts')}
              </p>
            )}
            {report && (
              <>
                <div class="owner-actions no-print">
                  {csvUrl && (
                    <a class="button" href={csvUrl} download={`${name}.csv`} data-testid="owner-csv" data-csv={csv ?? ''}>
                      {t('report_download_csv')}
                    </a>
                  )}
                  {jsonUrl && (
                    <a class="button" href={jsonUrl} download={`${name}.json`} data-testid="owner-json">
                      {t('report_download_json')}
                    </a>
                  )}
                  <button type="button" onClick={() => window.print()} data-testid="owner-print">
                    {t('report_print')}
                  </button>
                </div>
                <OwnerReportView report={report} />
              </>
            )}
          </>
        )}
        {view === 'compare' && <CompareView db={db} onOpen={openStored} />}
      </Tabs>
    </main>
  );
}

render(<ReportApp params={new URLSearchParams(location.search)} />, document.getElementById('app')!);
