import type { Rule } from './rule';

/**
 * The rule registry is the folder: every `src/rules/<id>.ts` that default-exports a Rule is
 * registered, and its id must equal its file name (checked in tests/unit/registry.test.ts).
 * Adding a rule is adding one file (plus its messages and fixtures).
 */
const modules = import.meta.glob<{ default: Rule }>(['./*.ts', '!./index.ts', '!./rule.ts', '!./*.test.ts', '!./_*.ts'], {
  eager: true,
});

export const RULES: readonly Rule[] = Object.entries(modules)
  .map(([path, mod]) => {
    const rule = mod.default;
    const file = path.replace(/^\.\//, '').replace(/\.ts$/, '');
    if (!rule || rule.id !== file) throw new Error(`rule file ${path} must default-export a rule with id "${file}"`);
    return rule;
  })
  .sort((a, b) => a.id.localeCompare(b.id));

/** Bumped when a rule's logic changes, so stored audits say which rules judged them. */
export const RULES_VERSION = 1;
