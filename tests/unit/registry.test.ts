import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules';
import { messageKey } from '../../src/contract/vocabulary';
import type { Rule } from '../../src/rules/rule';

/**
 * The rule registry is the folder (refined-github's features.test.ts idea): every rule file is
 * registered, named after its id, tested, explained in both languages, and its thresholds are
 * plain finite numbers. A new rule that forgets one of these fails here, not in a user's popup.
 */

const RULES_DIR = 'src/rules';
const NOT_RULES = new Set(['index.ts', 'rule.ts']);
const PARTS = ['title', 'problem', 'why', 'advice', 'detail', 'learn'] as const;

const ruleFiles = readdirSync(RULES_DIR).filter(
  (f) => f.endsWith('.ts') && !f.startsWith('_') && !f.endsWith('.test.ts') && !NOT_RULES.has(f),
);
const ids = ruleFiles.map((f) => f.replace(/\.ts$/, ''));
const modules = import.meta.glob<Record<string, unknown>>('../../src/rules/*.ts', { eager: true });
const moduleOf = (id: string) => modules[`../../src/rules/${id}.ts`];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}
const testFiles = walk('tests/unit').map((p) => p.split(/[\\/]/).pop() ?? '');

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
const load = (lang: string) => JSON.parse(readFileSync(`_locales/${lang}/messages.json`, 'utf8')) as Record<string, Entry>;
const en = load('en');
const de = load('de');

/** Chrome's named placeholders used in a message, lower case (Chrome matches them case-insensitively). */
const used = (e: Entry) => [...e.message.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)\$/g)].map((m) => m[1].toLowerCase()).sort();
const declared = (e: Entry) =>
  Object.entries(e.placeholders ?? {})
    .map(([name, p]) => `${name.toLowerCase()}=${p.content}`)
    .sort();

describe('rule registry', () => {
  it('finds the rule files (the walk itself works)', () => {
    expect(ids.length).toBeGreaterThanOrEqual(11);
    expect(ids).toContain('comments-closed');
  });

  it('registers every rule file, and nothing else', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([...ids].sort());
  });

  it.each(ids)('%s: default-exports a rule whose id is the file name', (id) => {
    const rule = moduleOf(id)?.default as Rule | undefined;
    expect(rule?.id).toBe(id);
    expect(typeof rule?.judge).toBe('function');
    expect(rule?.appliesTo.length).toBeGreaterThan(0);
    expect(Number.isFinite(rule?.weight) && (rule?.weight ?? 0) > 0).toBe(true);
  });

  it.each(ids)('%s: has a unit test file', (id) => {
    expect(testFiles).toContain(`${id}.test.ts`);
  });

  it.each(ids)('%s: every message part exists in English and German', (id) => {
    for (const part of PARTS) {
      const key = messageKey(id, part);
      expect(en[key]?.message, `en ${key}`).toBeTruthy();
      expect(de[key]?.message, `de ${key}`).toBeTruthy();
    }
  });

  it.each(ids)('%s: thresholds (UPPER_CASE exports) are finite numbers', (id) => {
    const mod = moduleOf(id) ?? {};
    for (const [name, value] of Object.entries(mod)) {
      if (!/^[A-Z][A-Z0-9_]*$/.test(name)) continue;
      expect(isThresholdOrPattern(value), `${id}.${name}`).toBe(true);
    }
  });
});

/**
 * A rule's UPPER_CASE exports are its thresholds: a finite number, or a table of finite numbers
 * (per-network reference values). Word lists and regular expressions are the other kind of data a
 * rule exports (Wappalyzer's patterns-as-data); a RegExp object has compiled, so it is valid.
 */
function isThresholdOrPattern(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (value instanceof RegExp) return true;
  if (Array.isArray(value) || value instanceof Set) {
    return [...value].every((v) => typeof v === 'string' || v instanceof RegExp || (typeof v === 'number' && Number.isFinite(v)));
  }
  if (value && typeof value === 'object') {
    const values = Object.values(value);
    return values.length > 0 && values.every((v) => typeof v === 'number' && Number.isFinite(v));
  }
  return false;
}

describe('threshold check', () => {
  it('rejects NaN, Infinity, non-numeric tables and functions, accepts numbers, tables and patterns', () => {
    expect([Number.NaN, Number.POSITIVE_INFINITY, { a: Number.NaN }, {}, () => 1, 'x'].map(isThresholdOrPattern)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect([0.5, { x: 0.01, default: 0.02 }, /a/, ['a', 'b']].map(isThresholdOrPattern)).toEqual([true, true, true, true]);
  });
});

describe('_locales', () => {
  it('English and German have exactly the same keys', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message has the same placeholders in both languages, and declares the ones it uses', () => {
    for (const key of Object.keys(en)) {
      if (!de[key]) continue;
      expect(declared(de[key]), key).toEqual(declared(en[key]));
      for (const lang of [en, de]) {
        const names = declared(lang[key]).map((d) => d.split('=')[0]);
        expect(
          used(lang[key]).filter((n) => !names.includes(n)),
          key,
        ).toEqual([]);
      }
    }
  });

  it('positional substitutions ($1…$9) match between the languages', () => {
    const positional = (e: Entry) => [...new Set(e.message.match(/\$[1-9]/g) ?? [])].sort();
    for (const key of Object.keys(en)) {
      if (de[key]) expect(positional(de[key]), key).toEqual(positional(en[key]));
    }
  });
});
