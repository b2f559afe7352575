import { describe, expect, it } from 'vitest';
import wordpress from '../../../src/adapters/blog/wordpress';
import { resolves, runBlog } from './blog-helpers';

describe('wordpress adapter: classic theme (core comment template, English)', () => {
  const run = runBlog('wp-classic-en.html', 'https://devblog.example/2024/03/rust-build/');
  const c = run.model?.comments;

  it('claims the post and fills the audit facts', () => {
    expect(run.adapter).toBe('wordpress');
    expect(run.model?.kind).toBe('article');
    expect(run.facts).toMatchObject({
      commentSystem: 'native',
      commentsState: 'open',
      requiredFields: 2,
      newsletterCheckbox: 'none',
      comments: 4,
      pingbacks: 1,
      authorComments: 1,
    });
  });

  it('reads nesting, parents, authors and dates; a broken date stays absent', () => {
    const byId = Object.fromEntries((c?.comments ?? []).map((x) => [x.id, x]));
    expect(byId['comment-101']).toMatchObject({
      author: 'Alan',
      depth: 0,
      byPostAuthor: false,
      date: '2024-03-05T11:02:00.000Z',
    });
    expect(byId['comment-101'].text).toBe('Why not Go? Did you measure the incremental builds?');
    expect(byId['comment-102']).toMatchObject({ author: 'Jane Doe', depth: 1, parentId: 'comment-101', byPostAuthor: true });
    expect(byId['comment-103']).toMatchObject({ depth: 2, parentId: 'comment-102' });
    expect(byId['comment-103'].date).toBeUndefined();
    expect(byId['comment-104']).toMatchObject({ author: 'Bob', date: '2024-03-06T08:00:00.000Z' });
    expect(byId['comment-105'].kind).toBe('pingback');
  });

  it('keeps hostile comment text as plain text', () => {
    const hostile = c?.comments?.find((x) => x.id === 'comment-103');
    expect(hostile?.text).toBe('<img src=x onerror=alert(1)> thanks!');
  });

  it('classifies form fields; the cookie box is consent, the honeypot is skipped', () => {
    const fields = c?.form?.fields ?? [];
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['comment', 'comment', true],
      ['author', 'name', true],
      ['email', 'email', true],
      ['url', 'url', false],
      ['wp-comment-cookies-consent', 'consent', false],
    ]);
    expect(c?.form?.captcha).toBe(false);
  });

  it('gives evidence selectors that find the element again', () => {
    for (const comment of c?.comments ?? []) {
      expect(resolves(run.doc, comment.evidence.selector)?.getAttribute('id')).toBe(comment.id);
    }
    for (const f of c?.form?.fields ?? []) expect(resolves(run.doc, f.evidence.selector)).not.toBeNull();
  });

  it('fills the article: dates, author, body links without nav/footer, share buttons, phones', () => {
    const a = run.model?.article;
    expect(a?.title).toBe('Why we moved our build to Rust');
    expect(a?.author).toBe('Jane Doe');
    expect(a?.published).toBe('2024-03-05T09:30:00.000Z');
    expect(a?.updated).toBe('2024-03-07T12:00:00.000Z');
    expect(a?.lang).toBe('en');
    expect(a?.links.map((l) => [l.href, l.internal])).toEqual([
      ['https://blog.rust-lang.org/2024/01/01/news.html', false],
      ['https://other.example.org/post', false],
      ['https://devblog.example/2023/10/old-build/', true],
    ]);
    expect(a?.shareButtons).toHaveLength(1);
    expect(a?.shareButtons[0].selector).toContain('div');
    expect(a?.text).toContain('Our build took nine minutes.');
    expect(a?.text).not.toContain('Leave a Reply');
    const phones = a?.phones.map((p) => p.normalized);
    expect(phones).toEqual(['+442071234567', '0900123456']);
    expect(a?.phones[1].context).toContain('1,99 €/min');
  });
});

describe('wordpress adapter: block theme', () => {
  const run = runBlog('wp-block-theme.html', 'https://garden.example/spring/');
  it('reads the comment template and the post-comments-form block', () => {
    expect(run.adapter).toBe('wordpress');
    expect(run.facts).toMatchObject({
      commentSystem: 'native',
      commentsState: 'open',
      requiredFields: 2,
      comments: 2,
      authorComments: 1,
    });
    const [first, reply] = run.model?.comments?.comments ?? [];
    expect(first).toMatchObject({ author: 'Maria', text: 'Which variety did you plant?', date: '2024-04-02T10:00:00.000Z' });
    expect(reply).toMatchObject({ author: 'Tom', depth: 1, byPostAuthor: true, parentId: 'comment-7' });
  });
});

describe('wordpress adapter: German themes', () => {
  it('counts label-marked required fields, a math captcha, and the worst newsletter box', () => {
    const run = runBlog('wp-de-open.html', 'https://backstube.example/sauerteig/');
    expect(run.adapter).toBe('wordpress');
    expect(run.model?.lang).toBe('de');
    // Name *, E-Mail *, Wohnort *, the quiz (required); the Antispam Bee textareas are the comment text
    expect(run.facts).toMatchObject({ commentsState: 'open', requiredFields: 4, newsletterCheckbox: 'prechecked', comments: 0 });
    const form = run.model?.comments?.form;
    expect(form?.captcha).toBe(true);
    const kinds = Object.fromEntries(form?.fields.map((f) => [f.name, f.kind]) ?? []);
    expect(kinds).toMatchObject({
      'dsgvo-privacy': 'consent',
      '_mc4wp_subscribe_wp-comment-form': 'newsletter',
      'mailpoet[subscribe_on_comment]': 'newsletter',
      mcaptcha: 'captcha',
      city: 'other',
    });
    // the hidden honeypot textarea#comment is not a field people see
    expect(form?.fields.filter((f) => f.kind === 'comment')).toHaveLength(1);
    expect(run.model?.article?.phones.map((p) => p.normalized)).toEqual(['01805123456']);
  });

  it('closed notice with the old thread still shown: closed, comments and author replies counted', () => {
    const run = runBlog('wp-de-closed.html', 'https://agentur.example/umzug/');
    expect(run.facts).toMatchObject({
      commentSystem: 'native',
      commentsState: 'closed',
      requiredFields: null,
      newsletterCheckbox: null,
      comments: 3,
      authorComments: 1,
    });
    const dates = run.model?.comments?.comments?.map((x) => x.date);
    expect(dates).toEqual(['2022-05-04T15:45:00.000Z', '2022-05-05T09:10:00.000Z', '2022-05-06T08:00:00.000Z']);
    expect(run.model?.comments?.comments?.[0].author).toBe('Petra');
  });

  it('pingbacks only, theme notice without a class: closed, 0 comments, 2 pingbacks', () => {
    const run = runBlog('wp-pingbacks-only.html', 'https://portal.example/erp/');
    expect(run.facts).toMatchObject({
      commentSystem: 'native',
      commentsState: 'closed',
      comments: 0,
      pingbacks: 2,
      authorComments: 0,
    });
    expect(run.model?.comments?.comments?.map((x) => x.kind)).toEqual(['pingback', 'trackback']);
    expect(run.model?.comments?.evidence[0].text).toBe('Die Kommentarfunktion ist deaktiviert.');
  });

  it('must-log-in without a form: login-required (detected by the REST API link alone)', () => {
    const run = runBlog('wp-login.html', 'https://stadtblog.example/ladenschluss/');
    expect(run.adapter).toBe('wordpress');
    expect(run.facts).toMatchObject({
      commentSystem: 'native',
      commentsState: 'login-required',
      requiredFields: null,
      comments: 0,
    });
    expect(run.model?.article).toMatchObject({ author: 'K. Berger', published: '2023-11-01T07:00:00.000Z' });
  });
});

describe('wordpress adapter: edges', () => {
  it('no comment area at all: system none, state none; a newsletter form elsewhere is not the comment form', () => {
    const run = runBlog('wp-no-comments.html', 'https://newsroom.example/zusage/');
    expect(run.facts).toMatchObject({
      commentSystem: 'none',
      commentsState: 'none',
      requiredFields: null,
      newsletterCheckbox: null,
      comments: 0,
      pingbacks: 0,
    });
  });

  it('comments but no form and no notice (div style list): closed; a nested author reply counts', () => {
    const run = runBlog('wp-comments-no-form.html', 'https://old.example/post/');
    expect(run.facts).toMatchObject({ commentsState: 'closed', comments: 2, authorComments: 1 });
    const [sam, admin] = run.model?.comments?.comments ?? [];
    expect(sam).toMatchObject({ author: 'Sam', text: 'Nice.', depth: 0 });
    expect(sam.date).toBeUndefined();
    expect(admin).toMatchObject({ depth: 1, parentId: 'comment-1', text: 'Thanks Sam.' });
  });

  it('a listing page (home) is not claimed; extract says kind other', () => {
    const run = runBlog('wp-home.html', 'https://devblog.example/');
    expect(run.adapter).toBeNull();
    expect(wordpress.extract(run.doc, new URL('https://devblog.example/')).kind).toBe('other');
  });

  it('leaves non-WordPress pages alone', () => {
    const run = runBlog('blogger-classic.html', 'https://silicon.blogspot.com/2016/03/tiny-fpga.html');
    expect(wordpress.detect(run.doc, new URL('https://silicon.blogspot.com/2016/03/tiny-fpga.html'))).toBe(0);
  });
});

describe('wordpress adapter: wpDiscuz plugin', () => {
  const run = runBlog('wp-wpdiscuz-de.html', 'https://backblog.example/dattel-brownies/');

  it('reads the wpDiscuz form and thread; the post author badge sits on the wrap', () => {
    expect(run.adapter).toBe('wordpress');
    expect(run.facts).toMatchObject({
      commentSystem: 'native',
      commentsState: 'open',
      requiredFields: 2,
      newsletterCheckbox: 'optional',
      comments: 2,
      authorComments: 1,
    });
    const [jonas, anna] = run.model?.comments?.comments ?? [];
    expect(jonas).toMatchObject({
      author: 'Jonas',
      text: 'Gibt es das Rezept auch ohne Datteln?',
      date: '2023-08-11T09:22:00.000Z',
      depth: 0,
    });
    expect(anna).toMatchObject({ author: 'Anna', byPostAuthor: true, depth: 1, parentId: 'wpd-comm-11_0' });
  });
});
