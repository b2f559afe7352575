import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsers, type Ext, launch, waitFor } from './harness';

/**
 * Page shapes the social adapters learnt from the development corpus (issue 11): a LinkedIn member
 * profile (`/in/`, German) and Facebook's mobile sites (an m.facebook.com page timeline tab, an
 * mbasic post page) served from their own hosts: each gets its audit and a badge, with the counts
 * the page states (tests/fixtures/social/*.html; their shapes are named there).
 */
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/social', name), 'utf8');

describe.each(browsers)('social pages of the mobile sites and LinkedIn members (%s)', (name) => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launch(name);
  });
  afterAll(() => ext?.close());

  const cases = [
    {
      what: 'LinkedIn member profile',
      host: 'www.linkedin.com',
      path: '/in/erika-muster-1a2b3c',
      file: 'linkedin-member-de.html',
      expected: { kind: 'profile', platform: 'linkedin', facts: { followers: 2345, following: null, visiblePosts: 0 } },
    },
    {
      what: 'm.facebook.com page timeline',
      host: 'm.facebook.com',
      path: '/baeckerei.beispiel/posts/',
      file: 'facebook-mobile-timeline-de.html',
      expected: { kind: 'profile', platform: 'facebook', facts: { visiblePosts: 2 } },
    },
    {
      what: 'mbasic post page',
      host: 'mbasic.facebook.com',
      path: '/story.php',
      file: 'facebook-mobile-post.html',
      expected: { kind: 'post', platform: 'facebook', facts: { likes: 144, reposts: 4, replies: null } },
    },
  ] as const;

  for (const c of cases) {
    it(`audits a ${c.what} and shows a badge`, async () => {
      const page = await ext.openPage(ext.hostedPage(c.host, c.path, fixture(c.file)));
      const audit = await waitFor(
        () => ext.sessionAudit(page.tabId),
        (a) => a !== null && a.kind === c.expected.kind,
        { what: `${c.what} audit` },
      );
      expect(audit).toMatchObject(c.expected);
      const badge = await waitFor(
        () => ext.badge(page.tabId),
        (b) => b.text !== '',
        { what: 'badge' },
      );
      expect(badge.text).toBe(audit?.score === null ? '–' : String(audit?.score));
      await page.close();
    });
  }
});
