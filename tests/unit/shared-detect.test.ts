import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectPack } from '../../content-scripts/shared/pack';
import * as detect from '../../src/adapters/_blog/detect';
import { provideShared } from '../../src/content/families';

/**
 * The blog family's file uses the entry's page checks instead of a copy of its own: the entry packs
 * them by position (content-scripts/shared/pack.ts), the family's stand-in for detect.ts unpacks
 * them (content-scripts/shared/detect.ts, vite.config.ts SHARED_MODULES). A wrong order would give
 * an adapter another check under the name it asked for.
 */
describe("the blog family's detect.ts is the entry's", () => {
  afterEach(() => vi.resetModules());

  it('unpacks every function and constant under its own name', async () => {
    provideShared({ detect: detectPack() });
    const standIn: Record<string, unknown> = await import('../../content-scripts/shared/detect');
    const names = Object.keys(standIn);
    expect(names).toHaveLength(detectPack().length);
    for (const name of names) expect(standIn[name], name).toBe((detect as Record<string, unknown>)[name]);
  });

  it('fails with a clear message when a family file runs where the entry has not', async () => {
    await expect(import('../../content-scripts/shared/detect')).rejects.toThrow(/entry has not provided "detect"/);
  });
});
