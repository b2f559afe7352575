import { factsOf } from './facts';
import { fingerprintsOf } from './fingerprint';
import type { Audit, Finding, PageModel } from '../contract';
import { RULES, RULES_VERSION } from '../rules';
import type { Judgement, RuleContext } from '../rules/rule';
import { bandOf } from '../contract/audit';
import { scoreOf } from '../score';
import { siteOf } from '../contract/site';

/** Rules of any level (a page's, an owner's): the shape findingsOf runs. */
export interface RuleLike<I, C, K> {
  id: string;
  appliesTo: readonly K[];
  weight: number;
  judge(input: I, ctx: C): Judgement | null;
}

/**
 * Every rule that applies to this kind, run on the input: one finding each, "n/a" where the rule
 * has nothing to say. One loop for the page rules (judge below) and the owner rules
 * (src/owner/audit.ts). Pure: no DOM, no clock except the context's.
 */
export function findingsOf<I, C, K>(rules: readonly RuleLike<I, C, K>[], kind: K, input: I, ctx: C): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.appliesTo.includes(kind)) continue;
    let result: Judgement | null;
    try {
      result = rule.judge(input, ctx);
    } catch {
      // A rule that throws on odd input must not take the whole audit down: it says nothing.
      result = null;
    }
    findings.push(
      result
        ? {
            rule: rule.id,
            verdict: result.verdict,
            score: result.score,
            weight: rule.weight,
            evidence: result.evidence.slice(0, 10),
            detail: result.detail,
          }
        : { rule: rule.id, verdict: 'n/a', score: null, weight: rule.weight, evidence: [] },
    );
  }
  return findings;
}

/** Run every applicable rule on a page model. */
export function judge(model: PageModel, ctx: RuleContext): Finding[] {
  return findingsOf(RULES, model.kind, model, ctx);
}

/** How many items the verdict rests on: posts on social pages, comments on articles. */
function sampleOf(model: PageModel): number {
  if (model.social) return model.social.posts.length + (model.social.mainPost ? 1 : 0);
  return model.comments?.comments?.length ?? 0;
}

/**
 * The audit of a page model. `site` is the worker's own reading of the sending tab's URL (a model
 * comes from a hostile page); tests, the bench and the CLI's checks may leave it to the model's URL.
 */
export function auditOf(model: PageModel, ctx: RuleContext, site = siteOf(model.url)): Audit {
  const findings = model.kind === 'other' ? [] : judge(model, ctx);
  const score = model.kind === 'other' ? null : scoreOf(findings);
  return {
    url: model.url,
    site,
    kind: model.kind,
    platform: model.platform,
    score,
    band: bandOf(score),
    findings,
    facts: factsOf(model),
    time: ctx.now,
    rulesVersion: RULES_VERSION,
    fingerprints: fingerprintsOf(model),
    sample: sampleOf(model),
  };
}
