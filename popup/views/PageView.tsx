import { useState } from 'preact/hooks';
import { t, tOptional } from '../../src/i18n';
import type { Audit, Evidence, Finding } from '../../src/contract';
import { byImpact } from '../../src/score';
import { Gauge } from '../components/Gauge';
import { kindLabel, platformName, ruleKey, verdictLabel } from '../lib/labels';
import { askBackground } from '../lib/browser';

/** Ask the content script to scroll to and outline the element (the popup itself never touches the page). */
function highlight(tabId: number | null, selector: string) {
  if (tabId === null || !selector) return;
  void askBackground({ type: 'highlight', tabId, selector });
}

/**
 * What the verdict rests on. A long thread or timeline is read in part (a spread sample of
 * comments, the newest posts: DESIGN.md's budget for big pages), while the facts count everything
 * on the page: then the line says both, so "300 comments" never reads as the page's total.
 */
function sampleText(audit: Audit): string {
  const noun = audit.kind === 'article' ? 'comments' : 'posts';
  const facts = audit.facts as Partial<Audit['facts']> | undefined;
  const total =
    audit.kind === 'article'
      ? (facts?.comments ?? 0) + (facts?.pingbacks ?? 0)
      : audit.kind === 'profile'
        ? (facts?.visiblePosts ?? 0)
        : 0;
  if (total > audit.sample) {
    const lang = chrome.i18n?.getUILanguage?.() ?? 'en';
    return t(`popup_sample_${noun}_of`, [audit.sample.toLocaleString(lang), total.toLocaleString(lang)]);
  }
  // the comment state picks the wording: a closed thread says so instead of "based on 0 comments"
  return t(`popup_sample_${noun}`, [audit.sample, facts?.commentsState ?? '']);
}

/** Collapsed, a finding shows this many excerpts: enough to recognise the spot, short enough to scan the list. */
const EVIDENCE_COLLAPSED = 2;

function EvidenceList({ evidence, tabId, open }: { evidence: Evidence[]; tabId: number | null; open: boolean }) {
  if (evidence.length === 0) return null;
  const shown = open ? evidence : evidence.slice(0, EVIDENCE_COLLAPSED);
  const hidden = evidence.length - shown.length;
  return (
    <ul class="evidence" aria-label={t('popup_evidence')}>
      {shown.map((e, i) => (
        <li key={`${e.selector}-${i}`}>
          {/* page text rendered as a text node: an <img onerror> in a comment stays text */}
          <button
            type="button"
            class="evidence-text"
            data-selector={e.selector}
            title={t('popup_show_on_page')}
            onClick={() => highlight(tabId, e.selector)}
          >
            {e.text || t('popup_evidence_no_text')}
          </button>
        </li>
      ))}
      {hidden > 0 && (
        <li class="evidence-more help" key="more">
          {t('popup_evidence_more', [hidden])}
        </li>
      )}
    </ul>
  );
}

export function FindingItem({ finding, tabId }: { finding: Finding; tabId: number | null }) {
  const [open, setOpen] = useState(false);
  const id = `f-${finding.rule}`;
  const detail = finding.detail ? tOptional(ruleKey(finding.rule, 'detail'), finding.detail) : '';
  const first = finding.evidence[0]?.selector ?? '';
  return (
    <li class={`finding verdict-${finding.verdict === 'n/a' ? 'na' : finding.verdict}`} data-rule={finding.rule}>
      <div class="finding-head">
        <span class="verdict-badge" aria-hidden="true" />
        <span class="sr-only">{verdictLabel(finding.verdict)}: </span>
        {first ? (
          <button type="button" class="finding-title" onClick={() => highlight(tabId, first)} title={t('popup_show_on_page')}>
            {t(ruleKey(finding.rule, 'title'))}
          </button>
        ) : (
          <span class="finding-title">{t(ruleKey(finding.rule, 'title'))}</span>
        )}
        <button
          type="button"
          class="more"
          aria-expanded={open}
          aria-controls={`${id}-more`}
          onClick={() => setOpen(!open)}
          aria-label={t(open ? 'popup_less_about' : 'popup_more_about', [t(ruleKey(finding.rule, 'title'))])}
        >
          {open ? '−' : '+'}
        </button>
      </div>
      <p class="finding-verdict">
        <span aria-hidden="true">{verdictLabel(finding.verdict)}</span>
        {detail && <span class="finding-detail"> · {detail}</span>}
      </p>
      <EvidenceList evidence={finding.evidence} tabId={tabId} open={open} />
      {open && (
        <div class="finding-more" id={`${id}-more`}>
          <h4>{t('popup_why_it_matters')}</h4>
          <p>{t(ruleKey(finding.rule, 'why'))}</p>
          {finding.verdict !== 'pass' && (
            <>
              <h4>{t('popup_what_to_do')}</h4>
              <p>{t(ruleKey(finding.rule, 'advice'))}</p>
            </>
          )}
          <a href={`learn.html?rule=${encodeURIComponent(finding.rule)}`} target="_blank" rel="noopener">
            {t('popup_learn_more')}
          </a>
        </div>
      )}
    </li>
  );
}

/**
 * The owner audit starts here, on the user's click: it opens the report page for this page's site
 * or account, which then reads the owner's public posts (src/owner/run.ts).
 */
function OwnerAuditLink({ audit }: { audit: Audit }) {
  const params = new URLSearchParams({ url: audit.url, platform: audit.platform, run: '1' });
  return (
    <p class="owner-audit">
      <a
        class="button"
        href={`report.html?${params}`}
        target="_blank"
        rel="noopener"
        data-testid="owner-audit"
        title={t('popup_owner_audit_help')}
      >
        {t('popup_owner_audit')}
      </a>
    </p>
  );
}

type AuditState = 'idle' | 'running' | 'no-access' | 'not-audited' | 'failed';

function AuditButton({ tabId, paused }: { tabId: number | null; paused: boolean }) {
  const [state, setState] = useState<AuditState>('idle');
  const run = async () => {
    if (tabId === null) return setState('no-access');
    setState('running');
    // The result arrives as `audit:tab:<id>` in storage.session, which useTabAudit follows.
    const res = await askBackground({ type: 'audit-tab', tabId });
    if (!res) setState('failed');
    else if (res.error) setState(res.error);
    else setState('idle');
  };
  return (
    <div class="empty">
      <p>{t(paused ? 'popup_paused_here' : 'popup_no_audit')}</p>
      <button type="button" class="primary" onClick={run} disabled={state === 'running'} data-testid="audit-now">
        {state === 'running' ? t('popup_auditing') : t('popup_audit_now')}
      </button>
      {state !== 'idle' && state !== 'running' && (
        <p class="notice" role="alert">
          {t(`popup_audit_error_${state.replace('-', '_')}`)}
        </p>
      )}
    </div>
  );
}

export function PageView({
  audit,
  tabId,
  paused = false,
}: {
  audit: Audit | null | undefined;
  tabId: number | null;
  paused?: boolean;
}) {
  if (audit === undefined) return <p class="loading">{t('popup_loading')}</p>;
  if (audit === null) return <AuditButton tabId={tabId} paused={paused} />;
  if (audit.kind === 'other')
    return (
      <div class="empty" data-testid="not-applicable">
        <p>{t('popup_not_article')}</p>
      </div>
    );
  const applicable = byImpact(audit.findings.filter((f) => f.verdict !== 'n/a'));
  const inapplicable = audit.findings.filter((f) => f.verdict === 'n/a');
  return (
    <>
      <section class="summary" aria-label={t('popup_summary')}>
        <Gauge score={audit.score} band={audit.band} />
        <div>
          <p class="page-kind">
            {kindLabel(audit.kind)} · {platformName(audit.platform)}
          </p>
          <p class="site">{audit.site}</p>
          <p class="sample">{sampleText(audit)}</p>
          {audit.score === null && <p class="notice">{t('popup_not_enough')}</p>}
        </div>
      </section>
      <OwnerAuditLink audit={audit} />
      <h2 class="section-title">{t('popup_findings')}</h2>
      <ul class="findings" data-testid="findings">
        {applicable.map((f) => (
          <FindingItem key={f.rule} finding={f} tabId={tabId} />
        ))}
      </ul>
      {inapplicable.length > 0 && (
        <p class="inapplicable">
          {/* neutral names: a healthy-state title here ("No premium-rate hotline") would read as a pass */}
          {t('popup_inapplicable')} {inapplicable.map((f) => t(ruleKey(f.rule, 'name'))).join(', ')}
        </p>
      )}
    </>
  );
}
