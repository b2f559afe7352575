import { parseCount } from '../_social/counts';
import { evidenceOf, type SiblingIndex, siblingIndex, squash } from '../dom';
import type { PageKind, PageModel, SocialPost, SocialSection } from '../../contract';
import {
  countRest,
  emptySocial,
  type Intake,
  incremental,
  isoTime,
  langOf,
  modelOf,
  outboundUrls,
  postElements,
} from '../_social/common';
import { MASTODON_MOUNT } from '../_social/markers';
import type { Adapter } from '../adapter';

/**
 * Mastodon (any server: detected by the web app's mount point `#mastodon`), from the 4.x web UI:
 * header counts in `.account__header__extra__links a` whose `title` holds the exact number
 * ("7,890") while the text is abbreviated ("7.9K"); statuses `.status[data-id]` with
 * `.status__prepend` for boosts and pinned posts, `status-reply` for replies, and on a detailed
 * status the posting app in `.detailed-status__application`.
 */

const BOOSTED = /(boosted|reblogged|hat geteilt|teilte|geteilt)\s*$/i;
const PINNED = /(pinned|angeheftet)/i;

function kindOf(url: URL): { kind: PageKind; handle?: string; statusId?: string; withReplies?: boolean } {
  const [first, second] = url.pathname.split('/').filter(Boolean);
  if (first?.startsWith('@')) {
    const handle = first.slice(1);
    if (second && /^\d+$/.test(second)) return { kind: 'post', handle, statusId: second };
    if (!second || second === 'with_replies' || second === 'media')
      return { kind: 'profile', handle, withReplies: second === 'with_replies' };
    return { kind: 'other' };
  }
  const legacy = /^\/users\/([^/]+)\/statuses\/(\d+)/.exec(url.pathname);
  if (legacy) return { kind: 'post', handle: legacy[1], statusId: legacy[2] };
  return { kind: 'other' };
}

/** The exact count from the link's title ("1,234"), else its abbreviated text. */
function headerCount(link: Element | null | undefined, social: SocialSection, name: 'followers' | 'following'): void {
  if (!link) return;
  const n = parseCount(link.getAttribute('title')) ?? parseCount(link.textContent);
  if (n === null) social.unreadable.push(name);
  else social[name] = n;
}

function counterOf(el: Element | null | undefined): number | null {
  if (!el) return null;
  // Mastodon shows "1+" for "one or more" replies on timelines: a lower bound, not a count.
  const text = squash(el.textContent);
  if (text === '') return 0;
  return /\+$/.test(text) ? null : parseCount(text);
}

/** The id parseStatus gives a timeline status, read without parsing it; none for the detailed one. */
function timelineStatusId(status: Element): string | undefined {
  if (status.closest('.detailed-status')) return undefined;
  return (
    status.getAttribute('data-id') ??
    /\/(\d+)(?:\/|$)/.exec(status.querySelector('a.status__relative-time')?.getAttribute('href') ?? '')?.[1]
  );
}

function parseStatus(status: Element, host: string, detailed: boolean, paths: SiblingIndex): SocialPost | null {
  const id =
    status.getAttribute('data-id') ??
    /\/(\d+)(?:\/|$)/.exec(
      status.querySelector('a.status__relative-time, a.detailed-status__datetime')?.getAttribute('href') ?? '',
    )?.[1];
  if (!id) return null;
  const wrapper = status.closest('article, .status__wrapper') ?? status;
  const prepend = squash(wrapper.querySelector('.status__prepend')?.textContent);
  const content = status.querySelector('.status__content');
  const account = squash(status.querySelector('.display-name__account')?.textContent).replace(/^@/, '');
  const action = (kind: string) =>
    status.querySelector(
      `.status__action-bar button[aria-label^="${kind}"] .icon-button__counter, .detailed-status__action-bar button[aria-label^="${kind}"] .icon-button__counter`,
    );
  const linkCount = (suffix: string) => parseCount(status.querySelector(`a[href$="/${suffix}"]`)?.textContent);
  const app = squash(status.querySelector('.detailed-status__application')?.textContent).replace(/^via\s+/i, '');
  return {
    id,
    time: isoTime(status.querySelector('time[datetime]')?.getAttribute('datetime')),
    text: squash(content?.textContent),
    // Mentions and hashtags link to the server itself or other servers' profiles: keep only real links.
    urls: content ? outboundUrls(content, host).filter((u) => !/\/(@[\w.]+|tags\/[^/]+)\/?$/.test(u)) : [],
    replies: counterOf(action('Reply') ?? action('Antworten')),
    reposts: detailed ? linkCount('reblogs') : counterOf(action('Boost') ?? action('Teilen')),
    likes: detailed ? linkCount('favourites') : counterOf(action('Favo')),
    isReply: status.classList.contains('status-reply') || wrapper.classList.contains('status__wrapper-reply'),
    isRepost: BOOSTED.test(prepend),
    isQuote: false,
    isPinned: PINNED.test(prepend),
    isPromoted: false,
    client: app || undefined,
    author: account || undefined,
    evidence: evidenceOf(content ?? status, undefined, paths),
  };
}

function extractWith(doc: Document, url: URL, intake: Intake): PageModel {
  const { kind, handle, statusId, withReplies } = kindOf(url);
  const social = emptySocial();
  social.handle = handle;
  if (withReplies) social.timelineIncludesReplies = true;
  if (kind === 'profile') {
    const links = [...doc.querySelectorAll('.account__header__extra__links a, .public-account-header__tabs__tabs a')];
    headerCount(
      links.find((a) => /\/following\/?$/.test(a.getAttribute('href') ?? '')),
      social,
      'following',
    );
    headerCount(
      links.find((a) => /\/followers\/?$/.test(a.getAttribute('href') ?? '')),
      social,
      'followers',
    );
    const posts = links.find((a) => /\/@[^/]+\/?$/.test(a.getAttribute('href') ?? ''));
    if (posts) social.postsCount = parseCount(posts.getAttribute('title')) ?? parseCount(posts.textContent);
    const h1 = doc.querySelector('.account__header__tabs__name h1');
    social.name = squash((h1?.querySelector(':scope > span') ?? h1)?.textContent) || undefined;
  }
  const detailed = doc.querySelector('.detailed-status');
  const paths = siblingIndex();
  if (kind === 'post' && detailed) social.mainPost = parseStatus(detailed, url.hostname, true, paths) ?? undefined;
  if (social.mainPost && statusId) social.mainPost.id = statusId;
  const listed = new Set<string>();
  const statuses = postElements(doc, '.status[data-id], .status__wrapper .status', intake);
  for (let i = 0; i < statuses.length; i++) {
    // The newest MAX_POSTS in full, the rest only counted.
    if (social.posts.length >= intake.room) {
      countRest(statuses, i, timelineStatusId, intake);
      break;
    }
    const status = statuses[i];
    if (status.closest('.detailed-status')) continue;
    const id = status.getAttribute('data-id');
    if (id && (intake.known.has(id) || id === social.mainPost?.id)) continue;
    const post = parseStatus(status, url.hostname, false, paths);
    // One id set instead of `posts.some` per status: a long timeline made that quadratic.
    if (post && !listed.has(post.id)) {
      listed.add(post.id);
      social.posts.push(post);
    }
  }
  return modelOf(url, 'mastodon', kind, social, langOf(doc));
}

const mastodon: Adapter = {
  id: 'mastodon',
  priority: 50,
  detect(doc) {
    // Any server runs Mastodon; its web app always mounts into #mastodon.
    return doc.getElementById(MASTODON_MOUNT) ? 0.95 : 0;
  },
  ...incremental(extractWith),
};

export default mastodon;
