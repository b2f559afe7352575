import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditOf } from '../../../src/judge/audit';
import type { Finding, PageModel } from '../../../src/contract';
import { RULES } from '../../../src/rules';
import { bandOf, scoreOf } from '../../../src/score';
import { isAudit } from '../../../src/contract/validate';
import { fingerprintsOf } from '../../../src/judge/fingerprint';
import type { RuleContext } from '../../../src/rules/rule';
import { pageModel, ruleContext, shapedContext, shapedPage } from './arbitraries';

const RUNS = 300;

describe('rules on any PageModel', () => {
  it('has rules registered (the properties below would pass vacuously otherwise)', () => {
    expect(RULES.length).toBeGreaterThan(0);
  });

  for (const rule of RULES) {
    it(`${rule.id}: never throws; score in [0,1] with a matching verdict, or not applicable — and it does judge`, () => {
      // Counted, so the properties can't hold vacuously: a rule that never judges fails below.
      let judgedCount = 0;
      const check = (model: PageModel, ctx: RuleContext) => {
        // A throw is swallowed by the engine (the rule then says nothing), so it would hide: call directly.
        const j = rule.judge(model, ctx);
        if (j === null) return;
        judgedCount++;
        expect(Number.isFinite(j.score)).toBe(true);
        expect(j.score).toBeGreaterThanOrEqual(0);
        expect(j.score).toBeLessThanOrEqual(1);
        expect(['pass', 'warn', 'fail']).toContain(j.verdict);
        expect(Array.isArray(j.evidence)).toBe(true);
        for (const d of j.detail ?? []) {
          if (typeof d === 'number') expect(Number.isFinite(d)).toBe(true);
        }
      };
      fc.assert(fc.property(pageModel, ruleContext, check), { numRuns: RUNS });
      fc.assert(
        fc.property(shapedPage, shapedContext, (model, { now, crossPosted, platform }) => {
          const history = crossPosted
            ? fingerprintsOf(model).map((fingerprint) => ({ fingerprint, site: 'elsewhere.example', platform }))
            : [];
          check(model, { now, history });
        }),
        { numRuns: RUNS },
      );
      expect(judgedCount, `${rule.id} judged none of ${2 * RUNS} pages`).toBeGreaterThan(0);
      // 600 generated pages take ~0.2 s alone; a machine shared by several test runs took 5 s
    }, 60_000);
  }

  it('auditOf: every finding is scored in [0,1] or n/a with null; the page score is 0–100 or null', () => {
    fc.assert(
      fc.property(pageModel, ruleContext, (model, ctx) => {
        const audit = auditOf(model, ctx);
        for (const f of audit.findings) {
          if (f.score === null) expect(f.verdict).toBe('n/a');
          else {
            expect(Number.isNaN(f.score)).toBe(false);
            expect(f.score).toBeGreaterThanOrEqual(0);
            expect(f.score).toBeLessThanOrEqual(1);
            expect(f.verdict).not.toBe('n/a');
          }
          expect(Number.isFinite(f.weight)).toBe(true);
        }
        if (audit.score !== null) {
          expect(Number.isInteger(audit.score)).toBe(true);
          expect(audit.score).toBeGreaterThanOrEqual(0);
          expect(audit.score).toBeLessThanOrEqual(100);
        }
        expect(audit.band).toBe(bandOf(audit.score));
      }),
      { numRuns: RUNS },
    );
  });

  it('auditOf: the background accepts every audit the engine can produce for an http(s) page', () => {
    // If the validator rejected an engine audit, the badge would silently stay empty on that page.
    fc.assert(
      fc.property(pageModel, ruleContext, (model, ctx) => {
        const audit = auditOf(model, ctx);
        if (!/^https?:/.test(audit.url)) return;
        expect(isAudit(JSON.parse(JSON.stringify(audit)))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

const finding: fc.Arbitrary<Finding> = fc.oneof(
  fc.record({
    rule: fc.constant('r'),
    verdict: fc.constantFrom('pass', 'warn', 'fail'),
    score: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY)),
    weight: fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constant(0)),
    evidence: fc.constant([]),
  }),
  fc.record({
    rule: fc.constant('r'),
    verdict: fc.constant('n/a'),
    score: fc.constant(null),
    weight: fc.double({ min: 0, max: 10, noNaN: true }),
    evidence: fc.constant([]),
  }),
) as unknown as fc.Arbitrary<Finding>;

describe('scoreOf', () => {
  it('is an integer in [0,100] or null for any findings, NaN and Infinity scores included', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 30 }), (findings) => {
        const s = scoreOf(findings);
        if (s === null) return;
        expect(Number.isInteger(s)).toBe(true);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(100);
      }),
      { numRuns: 2000 },
    );
  });
});
