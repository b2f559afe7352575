import { evidenceOf, excerpt, siblingIndex } from '../dom';
import type { Comment } from '../../contract';
import { dateFromEpochMs, parseDate } from './dates';
import { attr, textOf } from './dom';
import { DETAIL_LIMIT, type ListedComments, sampleThreads } from './sample';

/**
 * Blogger's two comment layouts:
 * - threaded (2011+ templates): `.comment-thread > ol > li.comment#c<id>`, replies in
 *   `.comment-replies` as nested `li.comment`, the author badge `span.icon.user.blog-author`;
 * - classic: `dl#comments-block` with `dt.comment-author#c<id>` + `dd.comment-body` +
 *   `dd.comment-footer`, the badge as `.blog-author` on the dt or dd.
 * Each comment's link carries `?showComment=<epoch ms>`, the exact time in any locale.
 */

const THREADED_ITEM = 'li.comment';

function dateOf(scope: Element, items?: Set<Element>): string | undefined {
  for (const a of scope.querySelectorAll('a[href*="showComment="]')) {
    if (items && owner(a, items) !== scope) continue;
    const ms = /showComment=(\d+)/.exec(attr(a, 'href'))?.[1];
    return dateFromEpochMs(ms) ?? parseDate(a.textContent);
  }
  return undefined;
}

function owner(el: Element, items: Set<Element>): Element | null {
  for (let n: Element | null = el; n; n = n.parentElement) if (items.has(n)) return n;
  return null;
}

/** The comments to read in full and, when that is a sample, the counts over every item. */
function listed(
  total: number,
  depths: readonly number[],
  read: (i: number) => Comment,
  isAuthor: (i: number) => boolean,
  limit: number,
): ListedComments {
  const pick = sampleThreads(depths, limit);
  if (!pick) return { comments: Array.from({ length: total }, (_, i) => read(i)) };
  let byPostAuthor = 0;
  for (let i = 0; i < total; i++) if (isAuthor(i)) byPostAuthor++;
  // Blogger has no pingbacks: every item is a person's comment
  return { comments: pick.map(read), counts: { comments: total, pingbacks: 0, byPostAuthor } };
}

function threaded(root: Element, limit: number): ListedComments {
  const list = [...root.querySelectorAll(THREADED_ITEM)];
  const items = new Set(list);
  const first = (item: Element, selector: string) =>
    [...item.querySelectorAll(selector)].find((el) => owner(el, items) === item) ?? null;
  const position = new Map<Element, number>();
  const parents: (Element | null)[] = [];
  const depths: number[] = [];
  list.forEach((item, i) => {
    position.set(item, i);
    const parent = item.parentElement ? owner(item.parentElement, items) : null;
    parents.push(parent);
    // document order puts a parent before its replies: its depth is known
    depths.push(parent ? depths[position.get(parent) as number] + 1 : 0);
  });
  // the badge's owner is the comment it marks: one look-up for the page, not one per comment
  const badged = new Set<Element>();
  for (const badge of root.getElementsByClassName('blog-author')) {
    const item = owner(badge, items);
    if (item) badged.add(item);
  }
  const index = siblingIndex();
  const read = (i: number): Comment => {
    const item = list[i];
    const parent = parents[i];
    const textEl = first(item, '.comment-content');
    const text = textEl ? textOf(textEl) : '';
    const c: Comment = {
      author: excerpt(textOf(first(item, 'cite.user, .comment-header cite, cite') ?? item.ownerDocument.createElement('i')), 100),
      text,
      kind: 'comment',
      byPostAuthor: badged.has(item),
      depth: depths[i],
      evidence: evidenceOf(item, text, index),
    };
    if (item.id) c.id = item.id;
    if (parent?.id) c.parentId = parent.id;
    const date = dateOf(item, items);
    if (date) c.date = date;
    return c;
  };
  return listed(list.length, depths, read, (i) => badged.has(list[i]), limit);
}

function classic(block: Element, limit: number): ListedComments {
  const dts = [...block.getElementsByTagName('dt')];
  const bodyOf = (dt: Element) => (dt.nextElementSibling?.localName === 'dd' ? dt.nextElementSibling : null);
  const footerOf = (body: Element | null) => (body?.nextElementSibling?.localName === 'dd' ? body.nextElementSibling : null);
  const isAuthor = (dt: Element) => {
    const body = bodyOf(dt);
    return [dt, body, footerOf(body)].some((el) => el?.classList.contains('blog-author') || !!el?.querySelector('.blog-author'));
  };
  const index = siblingIndex();
  const read = (i: number): Comment => {
    const dt = dts[i];
    const body = bodyOf(dt);
    const footer = footerOf(body);
    const authorLink = dt.querySelector('a[href*="/profile/"], a[rel="nofollow"], a:not([name])');
    const text = body ? textOf(body) : '';
    const c: Comment = {
      author: excerpt(textOf(authorLink ?? dt).replace(/\s+(said|sagte|hat gesagt|meinte)\.*:?\s*$/i, ''), 100),
      text,
      kind: 'comment',
      byPostAuthor: isAuthor(dt),
      depth: 0,
      evidence: evidenceOf(dt, text, index),
    };
    const id = dt.id || attr(dt.querySelector('a[name]'), 'name');
    if (id) c.id = id;
    const date = footer ? dateOf(footer) : undefined;
    if (date) c.date = date;
    return c;
  };
  // the classic layout is flat: every comment is a thread of its own
  return listed(
    dts.length,
    dts.map(() => 0),
    read,
    (i) => isAuthor(dts[i]),
    limit,
  );
}

/** `limit`: the most comments read in full (tests pass Infinity to compare a sample with the whole). */
export function bloggerComments(doc: Document, limit = DETAIL_LIMIT): ListedComments {
  const block = doc.querySelector('dl#comments-block, dl.comments-block');
  if (block) return classic(block, limit);
  const holder = doc.querySelector('#comment-holder, .comments-content, .comment-thread');
  return holder ? threaded(holder, limit) : { comments: [] };
}
