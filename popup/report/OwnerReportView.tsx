import { isGerman, t, tOptional } from '../../src/i18n';
import type { Evidence, Finding } from '../../src/contract';
import type { OwnerFacts, OwnerNote, OwnerReport } from '../../src/owner/types';
import { byImpact } from '../../src/score';
import { Gauge } from '../components/Gauge';
import { dateLabel, platformName, ruleKey, verdictLabel } from '../lib/labels';
import { ReplyRateChart, RhythmChart, ScoreChart } from './Charts';

/** One finished owner audit, as a consultant hands it to a client (and prints it). */

export const lang = () => chrome.i18n?.getUILanguage?.() ?? 'en';
const num = (n: number) => n.toLocaleString(lang());
const day = (iso: string | null) => (iso ? dateLabel(Date.parse(iso)) : '–');

export function restsOn(r: OwnerReport): string {
  return r.kind === 'social'
    ? t('report_rests_on_social', [num(r.posts), day(r.from), day(r.to)])
    : t('report_rests_on', [num(r.posts), num(r.comments), day(r.from), day(r.to)]);
}

export const sourceLabel = (s: OwnerReport['source']) => t(`report_source_${s.replace(/-/g, '_')}`);

export function noteText(n: OwnerNote): string {
  return t(`report_note_${n.code.replace(/-/g, '_')}`, [n.where ?? '']);
}

const FACTS: (keyof OwnerFacts)[] = [
  'authorReplyRate',
  'medianReplyHours',
  'commentsOpenShare',
  'postsPerWeek',
  'replyShare',
  'repostShare',
  'followers',
];
const SHARES = new Set<keyof OwnerFacts>(['authorReplyRate', 'commentsOpenShare', 'replyShare', 'repostShare']);

export function factValue(key: keyof OwnerFacts, v: number | null): string {
  if (v === null) return '–';
  return SHARES.has(key) ? `${Math.round(v * 100)} %` : num(v);
}

export function Facts({ facts }: { facts: OwnerFacts }) {
  return (
    <dl class="owner-facts" data-testid="owner-facts">
      {FACTS.filter((k) => facts[k] !== null).map((k) => (
        <div key={k} data-fact={k}>
          <dt>{t(`report_fact_${k}`)}</dt>
          <dd>{factValue(k, facts[k])}</dd>
        </div>
      ))}
    </dl>
  );
}

function EvidenceLink({ e }: { e: Evidence }) {
  // Text from the site is shown as text; only http(s) addresses become links.
  const href = /^https?:\/\//.test(e.selector) ? e.selector : undefined;
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {e.text || href}
    </a>
  ) : (
    <span>{e.text}</span>
  );
}

/** owner-cadence's signs ("regular; burst:6") in the reader's language. */
export function cadenceSigns(tokens: string): string {
  return tokens
    .split('; ')
    .map((token) => {
      const [sign, value = ''] = token.split(/:(.*)/s, 2);
      return tOptional(`report_cadence_${sign.replace(/-/g, '_')}`, [value]) || token;
    })
    .join('; ');
}

export function OwnerFinding({ f }: { f: Finding }) {
  const subs = f.rule === 'owner-cadence' && f.detail ? [cadenceSigns(String(f.detail[0])), ...f.detail.slice(1)] : f.detail;
  const detail = subs ? tOptional(ruleKey(f.rule, 'detail'), subs) : '';
  return (
    <li class={`finding verdict-${f.verdict === 'n/a' ? 'na' : f.verdict}`} data-rule={f.rule}>
      <div class="finding-head">
        <span class="verdict-badge" aria-hidden="true" />
        <span class="finding-title">{t(ruleKey(f.rule, 'title'))}</span>
      </div>
      <p class="finding-verdict">
        {verdictLabel(f.verdict)}
        {detail && <span class="finding-detail"> · {detail}</span>}
      </p>
      {f.evidence.length > 0 && (
        <ul class="evidence owner-evidence">
          {f.evidence.slice(0, 5).map((e, i) => (
            <li key={`${e.selector}-${i}`}>
              <EvidenceLink e={e} />
            </li>
          ))}
        </ul>
      )}
      <p class="help">{t(ruleKey(f.rule, 'why'))}</p>
      {(f.verdict === 'warn' || f.verdict === 'fail') && <p class="advice">{t(ruleKey(f.rule, 'advice'))}</p>}
    </li>
  );
}

function PostsTable({ report }: { report: OwnerReport }) {
  const blog = report.kind === 'blog';
  const yesNo = (v: boolean | null) => (v === null ? '–' : t(v ? 'report_yes' : 'report_no'));
  return (
    <table class="owner-posts" data-testid="owner-posts">
      <thead>
        <tr>
          <th scope="col">{t('report_col_date')}</th>
          <th scope="col">{t('report_col_post')}</th>
          {blog && <th scope="col">{t('report_col_comments')}</th>}
          {blog && <th scope="col">{t('report_col_author_replies')}</th>}
          {blog && <th scope="col">{t('report_col_open')}</th>}
          <th scope="col">{t('report_col_score')}</th>
        </tr>
      </thead>
      <tbody>
        {report.rows.map((r) => (
          <tr key={r.id}>
            <td class="nowrap">{day(r.time)}</td>
            <td>
              {/^https?:\/\//.test(r.url) ? (
                <a href={r.url} target="_blank" rel="noopener noreferrer">
                  {r.title}
                </a>
              ) : (
                r.title
              )}
            </td>
            {blog && <td class="num">{r.comments ?? '–'}</td>}
            {blog && <td class="num">{r.authorReplies ?? '–'}</td>}
            {blog && <td>{yesNo(r.commentsOpen)}</td>}
            <td class={`num score band-${r.band}`}>{r.score ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OwnerReportView({ report }: { report: OwnerReport }) {
  const applicable = byImpact(report.findings.filter((f) => f.verdict !== 'n/a'));
  const inapplicable = report.findings.filter((f) => f.verdict === 'n/a');
  const l = lang();
  return (
    <article class="owner-report" data-testid="owner-report" data-source={report.source}>
      <section class="summary owner-summary">
        <Gauge score={report.score} band={report.band} size={112} />
        <div>
          <h2 class="owner-name">{report.name}</h2>
          <p class="site">
            {report.site} · {platformName(report.platform)}
          </p>
          <p class="sample" data-testid="rests-on">
            {restsOn(report)}
          </p>
          <p class="help">{t('report_source', [sourceLabel(report.source)])}</p>
          {report.score === null && <p class="notice">{t('report_not_enough')}</p>}
        </div>
      </section>
      {report.notes.length > 0 && (
        <ul class="owner-notes" data-testid="owner-notes">
          {report.notes.map((n, i) => (
            <li key={`${n.code}-${i}`} data-code={n.code}>
              {noteText(n)}
            </li>
          ))}
        </ul>
      )}
      <h3 class="section-title">{t('report_facts')}</h3>
      <Facts facts={report.facts} />
      <h3 class="section-title">{t('report_findings')}</h3>
      <ul class="findings" data-testid="owner-findings">
        {applicable.map((f) => (
          <OwnerFinding key={f.rule} f={f} />
        ))}
      </ul>
      {inapplicable.length > 0 && (
        <p class="inapplicable">
          {t('report_inapplicable')} {inapplicable.map((f) => t(ruleKey(f.rule, 'title'))).join(', ')}
        </p>
      )}
      <h3 class="section-title">{t('report_charts')}</h3>
      <figure class="owner-figure">
        <figcaption>{t('report_chart_scores')}</figcaption>
        <ScoreChart report={report} lang={l} />
      </figure>
      {report.kind === 'blog' && (
        <figure class="owner-figure">
          <figcaption>{t('report_chart_reply_rate')}</figcaption>
          <ReplyRateChart report={report} lang={l} />
        </figure>
      )}
      <figure class="owner-figure">
        <figcaption>{t('report_chart_rhythm')}</figcaption>
        <RhythmChart report={report} lang={l} />
      </figure>
      <h3 class="section-title">{t('report_posts')}</h3>
      <PostsTable report={report} />
      <p class="help generated">{t('report_generated', [dateLabel(report.time, true)])}</p>
    </article>
  );
}

export const csvSeparator = (): ',' | ';' => (isGerman() ? ';' : ',');
