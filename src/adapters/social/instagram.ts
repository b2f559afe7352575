import { countBefore } from '../_social/counts';
import { evidenceOf, excerpt, squash } from '../dom';
import type { PageKind, SocialPost } from '../../contract';
import { emptySocial, hostMatches, langOf, MAX_POSTS, metaContent, modelOf } from '../_social/common';
import { INSTAGRAM_APP_META, INSTAGRAM_APP_NAME, INSTAGRAM_HOSTS } from '../_social/markers';
import type { Adapter } from '../adapter';

/**
 * Instagram. Logged out, instagram.com serves an unhydrated shell: the counts exist only in
 * `<meta name="description">` / `og:description` ("2,362 Followers, 136 Following, 224 Posts - …",
 * German "2.362 Follower, 136 gefolgt, 224 Beiträge - …"), and the grid, when rendered, is
 * `a[href*="/p/"]` / `/reel/` tiles with the caption only in the image's alt text.
 */

const HOSTS = INSTAGRAM_HOSTS;
const RESERVED = new Set(['explore', 'accounts', 'direct', 'reels', 'stories', 'about', 'legal', 'developer']);

function kindOf(url: URL, doc: Document): { kind: PageKind; handle?: string } {
  const [first, second] = url.pathname.split('/').filter(Boolean);
  if (first === 'p' || first === 'reel' || second === 'p' || second === 'reel') return { kind: 'post' };
  if (hostMatches(url, HOSTS) && first && !RESERVED.has(first) && (!second || ['reels', 'tagged'].includes(second)))
    return { kind: 'profile', handle: first };
  if (metaContent(doc, 'og:type') === 'profile') return { kind: 'profile' };
  return { kind: 'other' };
}

const instagram: Adapter = {
  id: 'instagram',
  priority: 50,
  detect(doc, url) {
    if (hostMatches(url, HOSTS)) return 1;
    // A saved copy: Instagram's app-link meta tags name the app.
    return metaContent(doc, INSTAGRAM_APP_META) === INSTAGRAM_APP_NAME ? 0.9 : 0;
  },
  extract(doc, url) {
    const { kind, handle } = kindOf(url, doc);
    const social = emptySocial();
    social.handle = handle ?? /\(@([\w.]+)\)/.exec(metaContent(doc, 'og:title') ?? '')?.[1];
    const description = metaContent(doc, 'description') ?? metaContent(doc, 'og:description') ?? '';
    if (kind === 'profile') {
      // Counts only from the meta description's leading "N Followers, N Following, N Posts" part.
      const head = description.split(/\s[-–]\s/)[0] ?? '';
      const read = (name: 'followers' | 'following', words: RegExp) => {
        if (!words.test(head)) return;
        const n = countBefore(head, words);
        if (n === null) social.unreadable.push(name);
        else social[name] = n;
      };
      read('followers', /followers?|abonnenten/i);
      read('following', /following|gefolgt|abonniert/i);
      if (/posts?|beiträge/i.test(head)) social.postsCount = countBefore(head, /posts?|beiträge/);
    }
    const seen = new Set<string>();
    if (kind === 'post') {
      // A post's meta description: "1,234 likes, 56 comments - handle on March 3, 2025: "caption"".
      const id = /\/(?:p|reel)\/([\w-]+)/.exec(url.pathname)?.[1];
      const head = description.split(/\s[-–]\s/)[0] ?? '';
      if (id && /likes?|gefällt|comments?|kommentare?/i.test(head)) {
        seen.add(id);
        social.mainPost = {
          id,
          text: squash(/:\s*["“](.*)["”]\s*$/s.exec(description)?.[1]),
          urls: [],
          replies: countBefore(head, /comments?|kommentare?/),
          reposts: null,
          likes: countBefore(head, /likes?|„?gefällt mir“?-angaben|mal „?gefällt mir“?/),
          isReply: false,
          isRepost: false,
          isQuote: false,
          isPinned: false,
          isPromoted: false,
          author: /[-–]\s*([\w.]+)\s+(?:on|am)\s/.exec(description)?.[1],
          evidence: { selector: 'head > meta[name="description"]', text: excerpt(description) },
        };
      }
    }
    const scope = doc.querySelector('main') ?? doc.body;
    for (const a of scope?.querySelectorAll('a[href*="/p/"], a[href*="/reel/"]') ?? []) {
      const id = /\/(?:p|reel)\/([\w-]+)/.exec(a.getAttribute('href') ?? '')?.[1];
      if (!id || seen.has(id)) continue;
      seen.add(id);
      // The newest MAX_POSTS tiles in full; later ones only count (postsSeen below).
      if (social.posts.length >= MAX_POSTS) continue;
      const post: SocialPost = {
        id,
        text: squash(a.querySelector('img[alt]')?.getAttribute('alt')),
        urls: [],
        replies: null,
        reposts: null,
        likes: null,
        isReply: false,
        isRepost: false,
        isQuote: false,
        isPinned: a.querySelector('svg[aria-label="Pinned post"], svg[aria-label="Angehefteter Beitrag"]') !== null,
        isPromoted: false,
        evidence: evidenceOf(a),
      };
      if (kind === 'post' && !social.mainPost) social.mainPost = post;
      else social.posts.push(post);
    }
    if (social.mainPost) seen.delete(social.mainPost.id);
    if (seen.size > social.posts.length) social.postsSeen = seen.size;
    return modelOf(url, 'instagram', kind, social, langOf(doc));
  },
};

export default instagram;
