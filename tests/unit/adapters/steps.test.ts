import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pickAdapter } from '../../../src/adapters';
import { drain } from '../../../src/adapters/adapter';
import { loadBlog } from './blog-helpers';

/**
 * Stepwise extraction (Adapter.extractSteps) is what the content script runs, `extract` what the
 * CLI, the benchmark and most tests run: on every blog fixture they must give the same model, and
 * an article must really come in steps (the content script can only yield where the adapter does).
 */
const BLOG_FIXTURES = readdirSync('tests/fixtures/blog').filter((f) => f.endsWith('.html'));
/** The fixtures that are no blog post (a shop page, a blog's home page): no adapter may claim them. */
const UNCLAIMED = ['not-article.html', 'wp-home.html'];
const CLAIMED = BLOG_FIXTURES.filter((f) => !UNCLAIMED.includes(f));

describe('stepwise blog extraction', () => {
  it('the unclaimed fixtures exist and no adapter claims them', () => {
    const url = new URL('https://blog.example/2024/03/post/');
    for (const name of UNCLAIMED) {
      expect(BLOG_FIXTURES).toContain(name);
      expect(pickAdapter(loadBlog(name, url.href), url)?.id ?? null, name).toBeNull();
    }
  });

  it.each(CLAIMED)('%s: the steps give the model extract gives', (name) => {
    const url = new URL('https://blog.example/2024/03/post/');
    const doc = loadBlog(name, url.href);
    const adapter = pickAdapter(doc, url);
    // Every other fixture is a blog post: an adapter that stops claiming one fails here.
    expect(adapter?.id, `no adapter claims ${name}`).toBeTypeOf('string');
    if (!adapter) return;
    expect(adapter.extractSteps, `${adapter.id} has no extractSteps`).toBeTypeOf('function');
    const steps = adapter.extractSteps!(doc, url);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(step.value).toEqual(adapter.extract(doc, url));
    expect(drain(adapter.extractSteps!(doc, url))).toEqual(step.value);
    // the article in four steps, the comment list (WordPress's in several), the embeds, the rest
    expect(step.value.kind).toBe('article');
    expect(pauses).toBeGreaterThanOrEqual(6);
  });

  it('covers articles of every blog adapter, not just pages nobody claims', () => {
    const url = new URL('https://blog.example/2024/03/post/');
    const stepped = new Set<string>();
    for (const name of BLOG_FIXTURES) {
      const doc = loadBlog(name, url.href);
      const adapter = pickAdapter(doc, url);
      if (adapter?.extractSteps && adapter.extract(doc, url).kind === 'article') stepped.add(adapter.id);
    }
    expect([...stepped].sort()).toEqual(expect.arrayContaining(['blogger', 'ghost', 'medium', 'substack', 'wordpress']));
  });
});
