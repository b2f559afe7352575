import { describe, expect, it } from 'vitest';
import { runBlog } from './blog-helpers';

// General mechanisms found missing on the development corpus (corpus/, issue 11); each fixture
// follows the markup of the real page named in its header comment.
describe('comment lists: the thread of this post, whatever its classes', () => {
  it('counts `li#comment-N` items of `ol.commentlist` that carry no comment class, never the widget', () => {
    const run = runBlog('corpus/wp-kubrick-unclassed-de.html', 'https://blog.example/2012/12/30/mobil-1998/');
    expect(run.adapter).toBe('wordpress');
    expect(run.facts).toMatchObject({
      commentSystem: 'native',
      commentsState: 'open',
      comments: 2,
      pingbacks: 0,
      requiredFields: 2,
    });
    expect(run.model?.comments?.comments?.map((c) => c.author)).toEqual(['Michael H.', 'Andrew']);
  });
});

describe('comment state: abstain where the page does not say, never "closed" on a guess', () => {
  it('an empty comment container a script fills (Gigya) is someone else’s thread, open, not closed', () => {
    const run = runBlog('corpus/wp-gigya-mount.html', 'https://letters.example/2014/12/kindhearted-police/');
    expect(run.adapter).toBe('wordpress');
    expect(run.facts).toMatchObject({ commentSystem: 'other', commentsState: 'open', comments: null, requiredFields: null });
  });

  it('reads a site’s own German login wall ("Nur angemeldete Benutzer können kommentieren") as login-required', () => {
    const run = runBlog(
      'corpus/generic-login-wall-de.html',
      'https://www.gamestar.example/artikel/ein-spiel-im-test,3412544.html',
    );
    expect(run.facts).toMatchObject({ commentsState: 'login-required' });
  });

  it('takes no "Comments are closed." from script text inside the comment area', () => {
    const run = runBlog('corpus/wp-closed-text-in-script.html', 'https://blog.example/2024/05/post/');
    expect(run.facts?.commentsState).not.toBe('closed');
  });
});

describe('kind: evidence against one post is weighed first, and when in doubt no article', () => {
  it.each([
    ['corpus/wp-collection-itemlist.html', 'https://recipes.example/collection/keto-diet-recipes/'],
    ['corpus/mediawiki-og-article.html', 'https://wiki.example/wiki/Billy_Jack'],
    ['corpus/shop-product-og.html', 'https://www.market.example/listing/87673424/personalized-word-pillow-case-letter'],
    ['corpus/error-404-og-article.html', 'https://www.details.example/404'],
  ])('%s is not an article', (file, url) => {
    const run = runBlog(file, url);
    expect(run.model?.kind ?? 'other').toBe('other');
  });

  it('keeps a review post whose JSON-LD also describes the product it reviews', () => {
    const run = runBlog('corpus/review-post-product-ld.html', 'https://kaffee.example/kaffeemuehle-im-alltag/');
    expect(run.model?.kind).toBe('article');
    expect(run.facts).toMatchObject({ commentsState: 'open', requiredFields: 2 });
  });

  it('finds a news article without og:type=article or JSON-LD by its date, author and permalink', () => {
    const run = runBlog(
      'corpus/news-og-website-metas.html',
      'https://in.news.example/article/2014/12/30/india-sensex-nifty-idINKBN0K8',
    );
    expect(run.model?.kind).toBe('article');
    expect(run.adapter).toBe('generic');
    // the same page at a home-page address has only its metas: not enough
    expect(runBlog('corpus/news-og-website-metas.html', 'https://in.news.example/').model?.kind ?? 'other').toBe('other');
  });
});

describe('a site’s own thread without WordPress classes, found by the heading that counts it', () => {
  it('reads the list under "Kommentare (718)" as the first comments of the thread', () => {
    const run = runBlog('corpus/news-own-thread-de.html', 'https://zeitung.example/news/stories/1010/43352.html');
    expect(run.facts).toMatchObject({ commentSystem: 'native', commentsState: 'open', comments: 3, pingbacks: 0 });
    expect(run.model?.comments?.comments?.map((c) => c.text)).toEqual([
      expect.stringContaining('Steuern'),
      expect.stringContaining('anders'),
      expect.stringContaining('erwähnt'),
    ]);
  });
});

describe('a stated comment count whose thread a click loads', () => {
  it.each([
    ['corpus/news-stated-count-de.html', 'https://www.sender.example/nachrichten/ein-bericht-aus-der-region-100.html'],
    ['corpus/news-stated-count-button.html', 'https://www.zeitung.example/ein-bericht-123456789'],
  ])('%s: someone’s thread, open, comments unknown — never "no comments"', (file, url) => {
    expect(runBlog(file, url).facts).toMatchObject({ commentSystem: 'other', commentsState: 'open', comments: null });
  });

  it('takes no count from a page without one: no thread stays none', () => {
    const run = runBlog(
      'corpus/news-og-website-metas.html',
      'https://in.news.example/article/2014/12/30/india-sensex-nifty-idINKBN0K8',
    );
    expect(run.facts).toMatchObject({ commentSystem: 'none', commentsState: 'none', comments: 0 });
  });
});
