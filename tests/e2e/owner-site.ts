import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MASTODON_ACCOUNT, status } from '../fixtures/owner/social';
import { WP_COMMENTS_102_PAGE1, WP_COMMENTS_102_PAGE2, WP_COMMENTS_103, WP_POSTS } from '../fixtures/owner/wordpress';
import type { Answer, FixtureServer } from './server';

/**
 * The owner audit's fixture site on the e2e server's one origin: a WordPress post page (the
 * markup of tests/e2e/fixtures/wp-comments-closed.html) with its REST API (posts, comments in two
 * pages) and a Mastodon profile page with Mastodon's public API (lookup, statuses paged by Link).
 * Shapes: tests/fixtures/owner/*.ts (each says where its shape comes from). `mode` switches the
 * WordPress API to "off" (404 rest_no_route, no feed) or "slow" (answers only when released).
 */
export interface OwnerSite {
  postUrl: string;
  profileUrl: string;
  mode: 'normal' | 'off' | 'slow';
  release(): void;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Answer => ({
  status,
  headers,
  body: JSON.stringify(body),
});

export function serveOwnerSite(server: FixtureServer): OwnerSite {
  const origin = server.origin;
  const onOrigin = (s: string) => s.replaceAll('https://blog.example.de', origin);
  const posts = JSON.parse(onOrigin(JSON.stringify(WP_POSTS)));
  let waiting: (() => void)[] = [];
  const site: OwnerSite = {
    postUrl: '',
    profileUrl: '',
    mode: 'normal',
    release() {
      for (const go of waiting.splice(0)) go();
    },
  };
  const off = json(
    { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } },
    404,
  );
  server.route('/wp-json/wp/v2/posts', async () => {
    if (site.mode === 'off') return off;
    if (site.mode === 'slow') await new Promise<void>((go) => waiting.push(go));
    return json(posts, 200, { 'x-wp-total': '3', 'x-wp-totalpages': '1' });
  });
  server.route('/wp-json/wp/v2/comments', (u) => {
    if (site.mode === 'off') return off;
    const post = u.searchParams.get('post');
    const list =
      post === '103'
        ? WP_COMMENTS_103
        : post === '102'
          ? u.searchParams.get('page') === '2'
            ? WP_COMMENTS_102_PAGE2
            : WP_COMMENTS_102_PAGE1
          : [];
    return json(JSON.parse(onOrigin(JSON.stringify(list))), 200, { 'x-wp-totalpages': post === '102' ? '2' : '1' });
  });
  server.route('/feed/', () => ({ status: 404, headers: { 'content-type': 'text/html' }, body: 'not found' }));
  const article = readFileSync(join(import.meta.dirname, 'fixtures', 'wp-comments-closed.html'), 'utf8');
  site.postUrl = server.page('/2026/11/beitrag-103/', article);

  // Mastodon: 40 statuses on the first page, a Link header to the second with 8 more.
  const statuses = Array.from({ length: 48 }, (_, i) =>
    status(i % 6 === 0 ? { in_reply_to_id: '1', in_reply_to_account_id: '999' } : i % 9 === 0 ? { reblog: status() } : {}),
  );
  server.route('/api/v1/accounts/lookup', (u) =>
    u.searchParams.get('acct') === 'baeckerei' ? json(MASTODON_ACCOUNT) : json({ error: 'Record not found' }, 404),
  );
  server.route(`/api/v1/accounts/${MASTODON_ACCOUNT.id}/statuses`, (u) =>
    u.searchParams.get('max_id')
      ? json(statuses.slice(40))
      : json(statuses.slice(0, 40), 200, {
          link: `<${origin}/api/v1/accounts/${MASTODON_ACCOUNT.id}/statuses?limit=40&max_id=${statuses[39].id}>; rel="next"`,
        }),
  );
  const profile = readFileSync(join(import.meta.dirname, 'fixtures', 'mastodon-new-account.html'), 'utf8').replaceAll(
    'newbie',
    'baeckerei',
  );
  site.profileUrl = server.page('/@baeckerei', profile);
  waiting = [];
  return site;
}
