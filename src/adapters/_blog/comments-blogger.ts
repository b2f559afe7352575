import { evidenceOf, excerpt } from '../../lib/dom';
import type { Comment } from '../../model';
import { dateFromEpochMs, parseDate } from './dates';
import { attr, textOf } from './dom';

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

function threaded(root: Element): Comment[] {
  const list = [...root.querySelectorAll(THREADED_ITEM)];
  const items = new Set(list);
  const first = (item: Element, selector: string) =>
    [...item.querySelectorAll(selector)].find((el) => owner(el, items) === item) ?? null;
  return list.map((item) => {
    const parent = item.parentElement ? owner(item.parentElement, items) : null;
    let depth = 0;
    for (let p = parent; p; p = p.parentElement ? owner(p.parentElement, items) : null) depth++;
    const textEl = first(item, '.comment-content');
    const text = textEl ? textOf(textEl) : '';
    const c: Comment = {
      author: excerpt(textOf(first(item, 'cite.user, .comment-header cite, cite') ?? item.ownerDocument.createElement('i')), 100),
      text,
      kind: 'comment',
      byPostAuthor: !!first(item, '.blog-author'),
      depth,
      evidence: evidenceOf(item, text),
    };
    if (item.id) c.id = item.id;
    if (parent?.id) c.parentId = parent.id;
    const date = dateOf(item, items);
    if (date) c.date = date;
    return c;
  });
}

function classic(block: Element): Comment[] {
  const out: Comment[] = [];
  for (const dt of block.querySelectorAll('dt.comment-author, dt')) {
    const body = dt.nextElementSibling?.localName === 'dd' ? dt.nextElementSibling : null;
    const footer = body?.nextElementSibling?.localName === 'dd' ? body.nextElementSibling : null;
    const authorLink = dt.querySelector('a[href*="/profile/"], a[rel="nofollow"], a:not([name])');
    const text = body ? textOf(body) : '';
    const c: Comment = {
      author: excerpt(textOf(authorLink ?? dt).replace(/\s+(said|sagte|hat gesagt|meinte)\.*:?\s*$/i, ''), 100),
      text,
      kind: 'comment',
      byPostAuthor: [dt, body, footer].some((el) => el?.classList.contains('blog-author') || !!el?.querySelector('.blog-author')),
      depth: 0,
      evidence: evidenceOf(dt, text),
    };
    const id = dt.id || attr(dt.querySelector('a[name]'), 'name');
    if (id) c.id = id;
    const date = footer ? dateOf(footer) : undefined;
    if (date) c.date = date;
    out.push(c);
  }
  return out;
}

export function bloggerComments(doc: Document): Comment[] {
  const block = doc.querySelector('dl#comments-block, dl.comments-block');
  if (block) return classic(block);
  const holder = doc.querySelector('#comment-holder, .comments-content, .comment-thread');
  return holder ? threaded(holder) : [];
}
