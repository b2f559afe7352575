import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../../src/adapters';
import generic from '../../../src/adapters/blog/generic';
import { loadBlog, runBlog } from './blog-helpers';

const BLOG_ADAPTERS = ['wordpress', 'wordpress-com', 'blogger', 'ghost', 'medium', 'substack', 'generic'];

describe('generic article adapter', () => {
  const run = runBlog('news-jsonld.html', 'https://www.citytimes.example/2024/05/bike-lanes/');

  it('claims a JSON-LD NewsArticle on an unknown CMS: article without comment system', () => {
    expect(run.adapter).toBe('generic');
    expect(run.facts).toMatchObject({
      commentSystem: 'none',
      commentsState: 'none',
      requiredFields: null,
      newsletterCheckbox: null,
      comments: 0,
      pingbacks: 0,
      authorComments: 0,
    });
  });

  it('reads author and dates from JSON-LD, body links internal/external by registrable domain', () => {
    const a = run.model?.article;
    expect(a).toMatchObject({
      title: 'Council approves new bike lanes',
      author: 'Riley Reporter',
      published: '2024-05-10T06:00:00.000Z',
      updated: '2024-05-11T08:30:00.000Z',
      lang: 'en',
    });
    // nav links (City Times, Sports) are not the article's references
    expect(a?.links.map((l) => [l.href, l.internal])).toEqual([
      ['https://council.example.gov/minutes/2024-05-09', false],
      ['https://www.citytimes.example/2024/04/bike-lanes-debate/', true],
    ]);
  });

  it('finds Shariff and a plain share-intent link', () => {
    expect(run.model?.article?.shareButtons.map((s) => s.text)).toEqual(['Share', 'Post on X']);
  });

  it('finds phone numbers with their sentence; dates and year ranges are not numbers', () => {
    const phones = run.model?.article?.phones ?? [];
    expect(phones.map((p) => p.normalized)).toEqual(['5550102030', '19005550199', '09005123456']);
    expect(phones[2].context).toContain('1,99 €/Min.');
    expect(phones[1].context).toContain('paid tips line');
  });
});

describe('pages that are not articles', () => {
  it('no blog adapter claims a shop page or a blog home page (early exit)', () => {
    for (const [file, url] of [
      ['not-article.html', 'https://shop.example/cart'],
      ['wp-home.html', 'https://devblog.example/'],
    ]) {
      const doc = loadBlog(file, url);
      for (const a of ADAPTERS.filter((x) => BLOG_ADAPTERS.includes(x.id)))
        expect([file, a.id, a.detect(doc, new URL(url))]).toEqual([file, a.id, 0]);
    }
  });

  it('extract on a non-article says kind other and carries no sections', () => {
    const model = generic.extract(loadBlog('not-article.html'), new URL('https://shop.example/cart'));
    expect(model).toEqual({ url: 'https://shop.example/cart', kind: 'other', platform: 'generic' });
  });

  it('leaves social networks to their adapters even with og:type article', () => {
    expect(generic.detect(loadBlog('news-jsonld.html'), new URL('https://x.com/someone/status/1'))).toBe(0);
  });

  it('every blog adapter is registered and ranked above the generic fallback', () => {
    const ids = ADAPTERS.map((a) => a.id);
    for (const id of BLOG_ADAPTERS) expect(ids).toContain(id);
    expect(ADAPTERS.find((a) => a.id === 'generic')?.priority).toBeLessThan(
      ADAPTERS.find((a) => a.id === 'wordpress')?.priority ?? 0,
    );
  });
});
