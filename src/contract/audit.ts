import * as v from 'valibot';
import { LIMITS } from './limits';
import { EvidenceSchema, HttpUrl, text } from './model';
import {
  BANDS,
  type Band,
  COMMENT_SYSTEMS,
  COMMENTS_STATES,
  FINGERPRINT,
  KINDS,
  NEWSLETTER_STATES,
  PLATFORMS,
  RULE_ID,
  VERDICTS,
} from './vocabulary';

/**
 * What judging a PageModel gives (worker) and what is stored, exported and backed up. One schema
 * serves the worker's checks and the backup import (src/export/backup.ts): the same caps and
 * patterns wherever an audit comes in.
 */

const score01 = v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1)));

export const FindingSchema = v.object({
  rule: v.pipe(v.string(), v.regex(RULE_ID)),
  verdict: v.picklist(VERDICTS),
  /** 1 = as social as it gets, 0 = pure broadcast; null when not applicable */
  score: score01,
  /** relative weight in the page score */
  weight: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
  evidence: v.pipe(v.array(EvidenceSchema), v.maxLength(LIMITS.evidencePerFinding)),
  /** substitutions for the rule's `detail` message ($1…$9), e.g. "3 of 12" */
  detail: v.optional(
    v.pipe(v.array(v.union([text(LIMITS.textChars), v.pipe(v.number(), v.finite())])), v.maxLength(LIMITS.detailItems)),
  ),
});

const nullableCount = v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0)));

/**
 * The `facts` object of the CLI's JSON (a public contract, README): derived from the PageModel
 * (src/background/judge/facts.ts), null where unknown or not applicable. A key missing in an old
 * backup reads as null.
 */
export const FactsSchema = v.object({
  commentSystem: v.nullish(v.picklist(COMMENT_SYSTEMS), null),
  commentsState: v.nullish(v.picklist(COMMENTS_STATES), null),
  requiredFields: v.nullish(nullableCount, null),
  newsletterCheckbox: v.nullish(v.picklist(NEWSLETTER_STATES), null),
  comments: v.nullish(nullableCount, null),
  pingbacks: v.nullish(nullableCount, null),
  authorComments: v.nullish(nullableCount, null),
  followers: v.nullish(nullableCount, null),
  following: v.nullish(nullableCount, null),
  visiblePosts: v.nullish(nullableCount, null),
  replies: v.nullish(nullableCount, null),
  reposts: v.nullish(nullableCount, null),
  likes: v.nullish(nullableCount, null),
});

/** The facts' keys in their contract order (CSV columns, CLI JSON). */
export const FACT_KEYS = Object.keys(FactsSchema.entries) as (keyof Facts)[];

/** The band a score falls in: Lighthouse's 0–49 / 50–89 / 90–100, grey without a score. */
export function bandOf(score: number | null): Band {
  if (score === null) return 'grey';
  if (score >= 90) return 'green';
  if (score >= 50) return 'orange';
  return 'red';
}

const AuditFields = {
  url: HttpUrl,
  site: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
  kind: v.picklist(KINDS),
  platform: v.picklist(PLATFORMS),
  score: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100))),
  band: v.picklist(BANDS),
  findings: v.pipe(v.array(FindingSchema), v.maxLength(LIMITS.findings)),
  facts: FactsSchema,
  /** ms since epoch */
  time: v.pipe(v.number(), v.finite(), v.minValue(0)),
  rulesVersion: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e6)),
  /** short content fingerprints of the page's own posts for the cross-page rule */
  fingerprints: v.pipe(v.array(v.pipe(v.string(), v.regex(FINGERPRINT))), v.maxLength(LIMITS.fingerprints)),
  /** how many posts/comments the verdict rests on, shown in the popup */
  sample: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e7)),
};

const BAND_MISMATCH = 'band does not match the score';

/** The neutral, serialisable result of one audit of one page. */
const AuditObject = v.object(AuditFields);
export const AuditSchema = v.pipe(
  AuditObject,
  v.check((a) => a.band === bandOf(a.score), BAND_MISMATCH),
);

export type Finding = v.InferOutput<typeof FindingSchema>;
export type Facts = v.InferOutput<typeof FactsSchema>;
export type Audit = v.InferOutput<typeof AuditObject>;

/**
 * An audit as a backup file holds it: written by this or an older version, possibly by hand. The
 * same fields and caps as an Audit; what older versions did not write (rules version, sample,
 * fingerprints) has a default, and findings are checked one by one by the importer so that one bad
 * finding drops only itself.
 */
export const BackupAuditSchema = v.pipe(
  v.object({
    ...AuditFields,
    // a backup's audit without a time could never be told apart from another import of it
    time: v.pipe(v.number(), v.finite(), v.gtValue(0)),
    facts: v.optional(FactsSchema, {}),
    rulesVersion: v.optional(v.fallback(AuditFields.rulesVersion, 0), 0),
    sample: v.optional(v.fallback(AuditFields.sample, 0), 0),
    findings: v.optional(v.array(v.unknown()), []),
    fingerprints: v.optional(
      v.pipe(
        v.array(v.unknown()),
        v.transform((list) =>
          list.filter((f): f is string => typeof f === 'string' && FINGERPRINT.test(f)).slice(0, LIMITS.fingerprints),
        ),
      ),
      [],
    ),
  }),
  v.check((a) => a.band === bandOf(a.score), BAND_MISMATCH),
);

/** The first problem of a failed parse as a short reason ("findings.3.verdict: Invalid type…"). */
export function reasonOf(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return path ? `${path}: ${issue.message}` : issue.message;
}
