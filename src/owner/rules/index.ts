import type { OwnerRule } from './rule';

/** The owner rules' registry is their folder, as with the page rules (id = file name). */
const modules = import.meta.glob<{ default: OwnerRule }>(['./*.ts', '!./index.ts', '!./rule.ts'], { eager: true });

export const OWNER_RULES: readonly OwnerRule[] = Object.entries(modules)
  .map(([path, mod]) => {
    const file = path.replace(/^\.\//, '').replace(/\.ts$/, '');
    if (mod.default?.id !== file) throw new Error(`owner rule ${path} must default-export a rule with id "${file}"`);
    return mod.default;
  })
  .sort((a, b) => a.id.localeCompare(b.id));
