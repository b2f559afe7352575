import { describe, expect, it } from 'vitest';
import blogger from '../../../src/adapters/blog/blogger';
import { resolves, runBlog } from './blog-helpers';

describe('blogger adapter: threaded layout, German UI', () => {
  const url = 'https://www.buecherplanet.example/2015/06/lesemonat-juni.html';
  const run = runBlog('blogger-threaded-de.html', url);

  it('claims a custom-domain Blogger post by its generator meta', () => {
    expect(run.adapter).toBe('blogger');
    expect(run.model?.kind).toBe('article');
  });

  it('counts nested replies and the blog-author badge; the form is an iframe', () => {
    expect(run.facts).toMatchObject({
      commentSystem: 'native',
      commentsState: 'open',
      requiredFields: null,
      newsletterCheckbox: null,
      comments: 3,
      authorComments: 1,
    });
    expect(run.model?.comments?.form).toBeNull();
  });

  it('reads authors, nesting and the exact time from showComment=<epoch ms>', () => {
    const [sana, sanne, anon] = run.model?.comments?.comments ?? [];
    expect(sana).toMatchObject({ id: 'c111', author: 'Sana', depth: 0, byPostAuthor: false, date: '2015-06-06T08:23:05.419Z' });
    expect(sana.text).toBe('Huhu! Welches Buch war dein Highlight?');
    expect(sanne).toMatchObject({ id: 'c222', author: 'Sanne', depth: 1, parentId: 'c111', byPostAuthor: true });
    expect(anon.text).toBe('<script>alert(1)</script> Schöne Liste.');
    expect(resolves(run.doc, sanne.evidence.selector)?.id).toBe('c222');
  });

  it('guesses the language from the text when the template declares none', () => {
    expect(run.model?.lang).toBe('de');
  });
});

describe('blogger adapter: classic layout', () => {
  const url = 'https://silicon.blogspot.com/2016/03/tiny-fpga.html';
  const run = runBlog('blogger-classic.html', url);

  it('reads dl#comments-block with the author badge on the dt', () => {
    expect(run.adapter).toBe('blogger');
    expect(run.facts).toMatchObject({
      commentSystem: 'native',
      commentsState: 'open',
      requiredFields: null,
      comments: 2,
      authorComments: 1,
    });
    const [kim, andrew] = run.model?.comments?.comments ?? [];
    expect(kim).toMatchObject({
      id: 'c901',
      author: 'Kim',
      text: "Did you try the vendor's tool on Linux?",
      date: '2016-03-15T00:00:00.000Z',
    });
    expect(andrew).toMatchObject({ author: 'Andrew', byPostAuthor: true });
    expect(run.model?.lang).toBe('en');
  });

  it('does not claim a blogspot page that is not a post', () => {
    const home = runBlog('not-article.html', 'https://silicon.blogspot.com/');
    expect(blogger.detect(home.doc, new URL('https://silicon.blogspot.com/'))).toBe(0);
  });
});
