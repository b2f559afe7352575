import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/adapters';
import { bloggerComments } from '../../src/adapters/_blog/comments-blogger';
import { wpComments } from '../../src/adapters/_blog/comments-wp';
import { parseDate } from '../../src/adapters/_blog/dates';
import { DETAIL_LIMIT, sampleThreads } from '../../src/adapters/_blog/sample';
import { factsOf } from '../../src/judge/facts';
import type { Comment, PageModel } from '../../src/contract';
import authorReplies from '../../src/rules/author-replies';
import criticalUnanswered from '../../src/rules/critical-unanswered';
import stale from '../../src/rules/stale';
import { ctx } from './rules/_builders';

/*
 * Long comment threads are read as a sample of whole threads (src/adapters/_blog/sample.ts).
 * The pages are generated here in WordPress core's html5 comment markup
 * (wp-includes/class-walker-comment.php: li.comment.depth-N > article.comment-body >
 * footer.comment-meta + div.comment-content, replies in ol.children), the pattern of the
 * WordPress pages in /work/shared/real-pages, and Blogger's threaded layout as in
 * tests/fixtures/blog/blogger-threaded-de.html.
 */

const URL_WP = 'https://blog.example/2026/10/dialog/';

function parse(html: string, url = URL_WP): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const iso = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();

function wpItem(id: number, i: number, depth: number, byAuthor: boolean, text: string, kind = 'comment'): string {
  const cls = `${kind} ${byAuthor ? 'byuser bypostauthor' : 'even'} depth-${depth}`;
  const author = byAuthor ? 'Redaktion' : `Leser ${id}`;
  return `<li id="comment-${id}" class="${cls}"><article id="div-comment-${id}" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">${author}</b> <span class="says">sagt:</span></div>
<div class="comment-metadata"><a href="#comment-${id}"><time datetime="${iso(i)}">${i}</time></a></div></footer>
<div class="comment-content"><p>${text}</p></div>
<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#comment-${id}">Antworten</a></div></article>`;
}

interface Thread {
  html: string;
  /** ids of every item, per top-level thread, in document order */
  threads: string[][];
  comments: number;
  pingbacks: number;
  byAuthor: number;
}

/**
 * `threads` top-level comments, dated oldest first; every `answerEvery`-th one gets a nested
 * author reply; one top-level item in 40 is a pingback; every 7th reader comment asks a question.
 */
function wpThread(threads: number, answerEvery = 5, extra = ''): Thread {
  const parts: string[] = [];
  const ids: string[][] = [];
  let id = 100;
  let i = 0;
  let comments = 0;
  let pingbacks = 0;
  let byAuthor = 0;
  for (let t = 0; t < threads; t++) {
    const top = id++;
    if (t % 40 === 20) {
      parts.push(`${wpItem(top, i++, 1, false, 'Pingback: Ein anderer Blog', 'pingback')}</li>`);
      ids.push([`comment-${top}`]);
      pingbacks++;
      continue;
    }
    const question = t % 7 === 0 ? 'Warum fehlen die Zahlen?' : 'Danke für den Beitrag.';
    comments++;
    if (t % answerEvery === answerEvery - 1) {
      const reply = id++;
      parts.push(
        `${wpItem(top, i++, 1, false, question)}<ol class="children">${wpItem(reply, i++, 2, true, 'Danke, gute Frage!')}</li></ol></li>`,
      );
      ids.push([`comment-${top}`, `comment-${reply}`]);
      comments++;
      byAuthor++;
    } else {
      parts.push(`${wpItem(top, i++, 1, false, question)}</li>`);
      ids.push([`comment-${top}`]);
    }
  }
  const html = `<!DOCTYPE html><html lang="de"><head><meta name="generator" content="WordPress 6.6.2"></head>
<body class="single single-post"><article class="post hentry"><h1 class="entry-title">Dialog</h1>
<div class="entry-content"><p>Ein Beitrag über Dialog.</p></div></article>
<div id="comments" class="comments-area"><ol class="comment-list">${parts.join('\n')}</ol>${extra}
<div id="respond" class="comment-respond"><form action="/wp-comments-post.php" id="commentform" class="comment-form">
<textarea id="comment" name="comment" required></textarea><input id="author" name="author" required><input type="submit"></form></div></div>
<footer class="site-footer"><p>Hotline: 0900 123 456 (1,99 €/min)</p></footer></body></html>`;
  return { html, threads: ids, comments, pingbacks, byAuthor };
}

function modelOf(html: string): { doc: Document; model: PageModel } {
  const doc = parse(html);
  const model = extractPage(doc, new URL(URL_WP));
  if (!model) throw new Error('no model');
  return { doc, model };
}

/** The same model with every comment read in full, as before sampling. */
function fullModel(model: PageModel, comments: Comment[]): PageModel {
  const section = model.comments;
  if (!section) throw new Error('no comment section');
  const { counts: _sampled, ...rest } = section;
  return { ...model, comments: { ...rest, comments } };
}

describe('sampleThreads', () => {
  it('reads nothing as a sample below the limit', () => {
    expect(sampleThreads([0, 1, 0, 0], 4)).toBeNull();
  });

  it('keeps whole threads, the first and the last, spread evenly, within the limit', () => {
    // 100 threads of 1, 2 or 3 items
    const depths: number[] = [];
    const threadOf: number[] = [];
    for (let t = 0; t < 100; t++) {
      for (let k = 0; k < (t % 3) + 1; k++) {
        depths.push(k === 0 ? 0 : 1);
        threadOf.push(t);
      }
    }
    const pick = sampleThreads(depths, 40) ?? [];
    expect(pick.length).toBeLessThanOrEqual(40);
    expect(pick.length).toBeGreaterThan(30);
    const picked = new Set(pick.map((i) => threadOf[i]));
    expect(picked.has(0)).toBe(true);
    expect(picked.has(99)).toBe(true);
    for (const t of picked) {
      const all = threadOf.flatMap((x, i) => (x === t ? [i] : []));
      expect(all.every((i) => pick.includes(i))).toBe(true);
    }
    // evenly spread: no gap between picked threads more than twice the mean gap
    const ts = [...picked].sort((a, b) => a - b);
    const gaps = ts.slice(1).map((t, k) => t - ts[k]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual((2 * 99) / (ts.length - 1));
    expect(pick).toEqual([...pick].sort((a, b) => a - b));
  });

  it('cuts a thread over half the limit after its first items, and one lone thread at the limit', () => {
    const huge = [0, ...Array(99).fill(1), 0, 0, 0];
    const pick = sampleThreads(huge, 20) ?? [];
    expect(pick.slice(0, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pick).toContain(102);
    expect(pick.length).toBeLessThanOrEqual(20);
    expect(sampleThreads([0, ...Array(50).fill(1)], 20)).toEqual([...Array(20).keys()]);
  });
});

describe('a WordPress thread over DETAIL_LIMIT', () => {
  const gen = wpThread(500);
  const { doc, model } = modelOf(gen.html);
  const section = model.comments;
  const sample = section?.comments ?? [];

  it('counts every item from its markup: the facts are the true totals', () => {
    expect(gen.comments + gen.pingbacks).toBeGreaterThan(DETAIL_LIMIT);
    expect(section?.counts).toEqual({ comments: gen.comments, pingbacks: gen.pingbacks, byPostAuthor: gen.byAuthor });
    expect(factsOf(model)).toMatchObject({ comments: gen.comments, pingbacks: gen.pingbacks, authorComments: gen.byAuthor });
  });

  it('reads a sample of at most DETAIL_LIMIT comments made of whole threads, first and last included', () => {
    expect(sample.length).toBeLessThanOrEqual(DETAIL_LIMIT);
    expect(sample.length).toBeGreaterThan(DETAIL_LIMIT * 0.8);
    const ids = new Set(sample.map((c) => c.id));
    expect(ids.size).toBe(sample.length);
    const kept = gen.threads.filter((t) => ids.has(t[0]));
    for (const t of kept) expect(t.every((id) => ids.has(id))).toBe(true);
    expect(kept.reduce((n, t) => n + t.length, 0)).toBe(sample.length);
    expect(ids.has(gen.threads[0][0])).toBe(true);
    expect(ids.has(gen.threads[gen.threads.length - 1][0])).toBe(true);
    // each comment still read in full
    expect(sample[0]).toMatchObject({ author: 'Leser 100', depth: 0, date: iso(0), text: 'Warum fehlen die Zahlen?' });
  });

  it('gives author-replies, critical-unanswered and stale the verdicts of the full parse', () => {
    const full = fullModel(model, wpComments(doc, Number.POSITIVE_INFINITY).comments);
    expect(full.comments?.comments?.length).toBe(gen.comments + gen.pingbacks);
    for (const rule of [authorReplies, criticalUnanswered, stale]) {
      const sampled = rule.judge(model, ctx());
      const whole = rule.judge(full, ctx());
      expect(sampled?.verdict, rule.id).toBe(whole?.verdict);
      expect(Math.abs((sampled?.score ?? 0) - (whole?.score ?? 0)), rule.id).toBeLessThan(0.1);
    }
    // every fifth thread answered: 20 % of the threads, below the 50 % target
    expect(authorReplies.judge(model, ctx())?.score).toBeCloseTo(0.4, 1);
    // the newest comment is in the sample (the last thread)
    expect(stale.judge(model, ctx())?.detail).toEqual(stale.judge(full, ctx())?.detail);
    // the full parse of 600 comments in happy-dom takes seconds on a busy machine
  }, 60_000);

  it('reports the sample, not the total, as what the audit rests on', () => {
    expect(model.comments?.comments?.length).toBe(sample.length);
  });
});

describe('a WordPress thread below DETAIL_LIMIT', () => {
  it('is parsed whole, exactly as the full parse, with no counts', () => {
    const gen = wpThread(60, 3);
    const { doc, model } = modelOf(gen.html);
    expect(model.comments?.counts).toBeUndefined();
    const full = wpComments(doc, Number.POSITIVE_INFINITY);
    expect(full.counts).toBeUndefined();
    expect(model.comments?.comments).toEqual(full.comments);
    expect(model.comments?.comments?.length).toBe(gen.comments + gen.pingbacks);
    expect(factsOf(model)).toMatchObject({ comments: gen.comments, pingbacks: gen.pingbacks, authorComments: gen.byAuthor });
  });
});

describe('site signals leave the comment list out', () => {
  it("finds the footer hotline but not a reader's number or share link inside a comment", () => {
    const gen = wpThread(20);
    const reader = `<ol class="comment-list">${wpItem(
      9999,
      0,
      1,
      false,
      'Ruft mich an, Tel. 0900 555 666, oder teilt es: <a href="https://twitter.com/intent/tweet?url=x">teilen</a>',
    )}</li>`;
    const { model } = modelOf(gen.html.replace('<ol class="comment-list">', reader));
    expect(model.comments?.comments?.some((c) => c.text.includes('0900 555 666'))).toBe(true);
    expect(model.article?.phones.map((p) => p.normalized)).toEqual(['0900123456']);
    expect(model.article?.shareButtons).toEqual([]);
  });
});

describe('a Blogger threaded thread over DETAIL_LIMIT', () => {
  it('counts every comment and its blog-author badges, and reads whole threads', () => {
    const items: string[] = [];
    let authors = 0;
    let total = 0;
    for (let t = 0; t < 500; t++) {
      const reply =
        t % 4 === 0
          ? `<div class="comment-replies"><div class="comment-thread inline-thread"><ol><div><li class="comment" id="c${t}r"><div class="comment-block"><cite class="user">Autorin</cite><span class="icon user blog-author"></span><p class="comment-content">Danke!</p></div></li></div></ol></div></div>`
          : '';
      if (reply) authors++;
      total += reply ? 2 : 1;
      items.push(
        `<li class="comment" id="c${t}"><div class="comment-block"><cite class="user">Leser ${t}</cite><span class="icon user "></span><p class="comment-content">Frage ${t}?</p></div>${reply}</li>`,
      );
    }
    const doc = parse(
      `<html><body><div id="comments"><div class="comments-content"><div id="comment-holder"><div class="comment-thread toplevel-thread"><ol id="top-ra">${items.join('')}</ol></div></div></div></div></body></html>`,
      'https://x.blogspot.com/2015/06/a.html',
    );
    const listed = bloggerComments(doc);
    expect(listed.counts).toEqual({ comments: total, pingbacks: 0, byPostAuthor: authors });
    expect(listed.comments.length).toBeLessThanOrEqual(DETAIL_LIMIT);
    const ids = new Set(listed.comments.map((c) => c.id));
    expect(ids.has('c0') && ids.has('c499')).toBe(true);
    for (const c of listed.comments) if (c.id?.endsWith('r')) expect(ids.has(c.parentId)).toBe(true);
    for (let t = 0; t < 500; t += 4) if (ids.has(`c${t}`)) expect(ids.has(`c${t}r`)).toBe(true);
    expect(listed.comments.filter((c) => c.byPostAuthor).every((c) => c.author === 'Autorin')).toBe(true);
    const full = bloggerComments(doc, Number.POSITIVE_INFINITY);
    expect(full.comments.length).toBe(total);
    expect(full.counts).toBeUndefined();
  });
});

describe('the fast path for WordPress comment dates', () => {
  it('reads UTC and offset datetimes as Date would', () => {
    for (const raw of [
      '2026-10-01T08:05:09+00:00',
      '2026-10-01T08:05:09Z',
      '2026-10-01T00:30:00+02:00',
      '1999-12-28T23:59:59-05:30',
    ]) {
      expect(parseDate(raw), raw).toBe(new Date(raw).toISOString());
    }
  });
});
