import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facts } from '../../src/contract';
import { browsers, type Ext, launch, waitFor } from './harness';

/**
 * Every comment platform the blog adapters know, end to end in real Chromium and Firefox: the
 * built extension audits the blog fixture pages (tests/fixtures/blog, served from localhost) and
 * the tab's stored audit carries the right platform and facts.
 *
 * Each page gets a CSP that allows only its own origin and the extension: fixture markup names
 * real third-party loaders (disqus.com/embed.js, giscus.app, jetpack.wordpress.com iframes) and a
 * test must never reach the internet. Content scripts are not bound by the page's CSP.
 */
const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'self' 'unsafe-inline' chrome-extension: moz-extension:; frame-src 'none'">`;

function served(file: string): string {
  const html = readFileSync(join(import.meta.dirname, '../fixtures/blog', file), 'utf8');
  return html.replace(/<head>/i, `<head>${CSP}`);
}

type Case = [label: string, file: string, path: string, platform: string, facts: Partial<Facts>];

const CASES: Case[] = [
  [
    'WordPress classic theme',
    'wp-classic-en.html',
    '/2024/03/rust-build/',
    'wordpress',
    {
      commentSystem: 'native',
      commentsState: 'open',
      requiredFields: 2,
      newsletterCheckbox: 'none',
      comments: 4,
      pingbacks: 1,
      authorComments: 1,
    },
  ],
  [
    'WordPress block theme',
    'wp-block-theme.html',
    '/spring/',
    'wordpress',
    { commentSystem: 'native', commentsState: 'open', requiredFields: 2, comments: 2, authorComments: 1 },
  ],
  [
    'WordPress German form with newsletter + captcha',
    'wp-de-open.html',
    '/sauerteig/',
    'wordpress',
    { commentsState: 'open', requiredFields: 4, newsletterCheckbox: 'prechecked' },
  ],
  [
    'WordPress closed notice',
    'wp-de-closed.html',
    '/umzug/',
    'wordpress',
    { commentsState: 'closed', comments: 3, authorComments: 1 },
  ],
  [
    'WordPress pingbacks only',
    'wp-pingbacks-only.html',
    '/erp/',
    'wordpress',
    { commentsState: 'closed', comments: 0, pingbacks: 2 },
  ],
  [
    'WordPress login required',
    'wp-login.html',
    '/ladenschluss/',
    'wordpress',
    { commentsState: 'login-required', requiredFields: null },
  ],
  [
    'WordPress without comments',
    'wp-no-comments.html',
    '/zusage/',
    'wordpress',
    { commentSystem: 'none', commentsState: 'none' },
  ],
  [
    'WordPress.com identity form',
    'wpcom-identity.html',
    '/2016/07/09/herbst/',
    'wordpress-com',
    { commentSystem: 'native', requiredFields: 2, newsletterCheckbox: 'prechecked', comments: 1, pingbacks: 2 },
  ],
  [
    'Jetpack comment iframe',
    'jetpack-iframe.html',
    '/einheit/',
    'wordpress',
    { commentSystem: 'jetpack', commentsState: 'open', requiredFields: null, comments: 1 },
  ],
  [
    'Blogger threaded (German)',
    'blogger-threaded-de.html',
    '/2015/06/lesemonat-juni.html',
    'blogger',
    { commentSystem: 'native', commentsState: 'open', requiredFields: null, comments: 3, authorComments: 1 },
  ],
  [
    'Blogger classic',
    'blogger-classic.html',
    '/2016/03/tiny-fpga.html',
    'blogger',
    { commentSystem: 'native', commentsState: 'open', comments: 2, authorComments: 1 },
  ],
  ['Disqus', 'embeds/disqus.html', '/deals/', 'wordpress', { commentSystem: 'disqus', commentsState: 'open', comments: null }],
  [
    'Disqus config only',
    'embeds/disqus-config-only.html',
    '/lazy/',
    'generic',
    { commentSystem: 'disqus', commentsState: 'open', comments: null },
  ],
  ['Commento', 'embeds/commento.html', '/commento/', 'generic', { commentSystem: 'commento', comments: null }],
  [
    'Facebook comments plugin',
    'embeds/facebook.html',
    '/fb/',
    'wordpress',
    { commentSystem: 'facebook', commentsState: 'open', comments: null },
  ],
  [
    'remark42',
    'embeds/remark42.html',
    '/remark/',
    'generic',
    { commentSystem: 'remark42', commentsState: 'open', comments: null },
  ],
  ['giscus', 'embeds/giscus.html', '/giscus/', 'generic', { commentSystem: 'other', comments: null }],
  ['utterances', 'embeds/utterances.html', '/utterances/', 'generic', { commentSystem: 'other', comments: null }],
  ['Hyvor Talk', 'embeds/hyvor.html', '/hyvor/', 'generic', { commentSystem: 'other', comments: null }],
  ['Isso', 'embeds/isso.html', '/isso/', 'generic', { commentSystem: 'other', comments: null }],
  [
    'Ghost member comments',
    'ghost.html',
    '/remote-work/',
    'ghost',
    { commentSystem: 'native', commentsState: 'login-required', comments: null },
  ],
  ['Medium responses', 'medium.html', '/what-i-learned/', 'medium', { commentsState: 'login-required', comments: null }],
  ['Substack comments', 'substack.html', '/p/issue-42', 'substack', { commentsState: 'login-required', comments: null }],
  [
    'news article without comments',
    'news-jsonld.html',
    '/2024/05/bike-lanes/',
    'generic',
    { commentSystem: 'none', commentsState: 'none', comments: 0 },
  ],
];

describe.each(browsers)('comment platforms (%s)', (name) => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launch(name);
  });
  afterAll(() => ext?.close());

  it.each(CASES)('%s', async (_label, file, path, platform, facts) => {
    const url = ext.server.page(path, served(file));
    const page = await ext.openPage(url);
    try {
      const audit = await waitFor(
        () => ext.sessionAudit(page.tabId),
        (a) => a !== null && a.url === url,
        { what: `the audit of ${file}` },
      );
      expect(audit).toMatchObject({ kind: 'article', platform });
      expect(audit!.facts).toMatchObject(facts);
      // an audited article always shows something on the badge: a score, or "–" for too few signals
      const badge = await waitFor(
        () => ext.badge(page.tabId),
        (b) => b.text !== '',
        { what: 'the badge' },
      );
      expect(badge.text).toMatch(/^(\d{1,3}|–)$/);
    } finally {
      await page.close();
    }
  });

  it('a blog home page is no article: an on-demand audit says kind other, and the badge stays empty', async () => {
    const url = ext.server.page('/home/', served('wp-home.html'));
    const page = await ext.openPage(url);
    const probe = await ext.openPopup(-1);
    try {
      // what the popup's "audit this page" does; the answer comes from the content script's adapters
      const res = await waitFor(
        () => probe.evaluate((tabId) => chrome.runtime.sendMessage({ type: 'audit-tab', tabId }), page.tabId),
        (r) => (r as { audit?: unknown } | undefined)?.audit != null,
        { what: 'the on-demand audit' },
      );
      expect(res).toMatchObject({ audit: { url, kind: 'other', score: null } });
      expect((await ext.badge(page.tabId)).text).toBe('');
    } finally {
      await probe.close();
      await page.close();
    }
  });
});
