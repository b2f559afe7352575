/**
 * The URL an audit is kept under: no fragment and no query, because a query carries what the
 * user did on the page (search terms, session and tracking ids: `?utm_source=…`, `?fbclid=…`,
 * `?s=…`), not which page it was. The only query kept is one that names the post itself, on
 * sites whose permalinks have no path of their own:
 * - WordPress "plain" permalinks: `/?p=123`, pages `/?page_id=45`, attachments `/?attachment_id=6`
 *   (Settings → Permalinks → Plain; wp-includes/rewrite.php resolves these query vars);
 * - Facebook's numeric profiles `/profile.php?id=1000…` and posts `/permalink.php?story_fbid=…&id=…`
 *   (the mobile site and older share links use these).
 * Everything else keeps only scheme, host and path.
 */
const POST_PARAMS: { path: RegExp; params: readonly string[] }[] = [
  { path: /^\/(?:index\.php)?$/, params: ['p', 'page_id', 'attachment_id'] },
  { path: /^\/profile\.php$/, params: ['id'] },
  { path: /^\/(?:permalink|story)\.php$/, params: ['story_fbid', 'id'] },
];

/** A post id is a number (WordPress, Facebook) or a short id: anything longer is not a post's name. */
const ID_VALUE = /^[\w-]{1,40}$/;

export function canonicalUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.replace(/[?#].*$/s, '');
  }
  const kept = new URLSearchParams();
  const rule = POST_PARAMS.find((r) => r.path.test(u.pathname));
  if (rule) {
    for (const name of rule.params) {
      const value = u.searchParams.get(name);
      if (value !== null && ID_VALUE.test(value)) kept.set(name, value);
    }
  }
  u.hash = '';
  u.search = kept.toString();
  // No credentials either: `https://user:pass@…` would keep a secret in the history.
  u.username = '';
  u.password = '';
  return u.href;
}
