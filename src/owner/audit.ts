import { auditOf, findingsOf } from '../judge/audit';
import type { Comment, Finding, PageModel } from '../contract';
import { bandOf, scoreOf } from '../score';
import { siteOf } from '../contract/site';
import { askedComments, median, postsPerWeek, round2, span } from './analysis';
import { OWNER_RULES } from './rules';
import type { OwnerData, OwnerFacts, OwnerPost, OwnerPostRow, OwnerReport } from './types';

/** Owner rules over the posts, the owner score and band, the facts, and a row per post. */

export function judgeOwner(data: OwnerData, now: number): Finding[] {
  return findingsOf(OWNER_RULES, data.kind, data, { now });
}

export function factsOfOwner(data: OwnerData): OwnerFacts {
  const blog = data.kind === 'blog';
  const asked = blog ? askedComments(data) : [];
  const answered = asked.filter((a) => a.answered);
  const replyHours = median(answered.map((a) => a.replyMs).filter((x): x is number => x !== null));
  const known = data.posts.filter((p) => p.commentsOpen !== null);
  const social = data.kind === 'social' && data.posts.length > 0;
  return {
    authorReplyRate: asked.length ? round2(answered.length / asked.length) : null,
    medianReplyHours: replyHours === null ? null : Math.round((replyHours / 3_600_000) * 10) / 10,
    commentsOpenShare: blog && known.length ? round2(known.filter((p) => p.commentsOpen).length / known.length) : null,
    postsPerWeek: postsPerWeek(data),
    replyShare: social ? round2(data.posts.filter((p) => p.isReply).length / data.posts.length) : null,
    repostShare: social ? round2(data.posts.filter((p) => p.isRepost).length / data.posts.length) : null,
    followers: data.followers,
  };
}

/** A blog post as the page rules see an article: the same rules give its page score. */
export function pageModelOf(post: OwnerPost, data: OwnerData): PageModel {
  const ids = new Set((post.comments ?? []).map((c) => c.id));
  const comments: Comment[] | null =
    post.comments?.map((c) => ({
      id: c.id,
      author: c.author,
      date: c.time,
      text: c.text,
      kind: 'comment',
      byPostAuthor: c.byAuthor,
      depth: c.parentId && ids.has(c.parentId) ? 1 : 0,
      parentId: c.parentId,
      evidence: { selector: c.url ?? post.url, text: c.text },
    })) ?? null;
  return {
    url: post.url,
    kind: 'article',
    platform: data.platform,
    article: {
      title: post.title ?? '',
      published: post.time,
      links: post.urls.map((href) => ({ href, internal: false, text: '' })),
      shareButtons: [],
      text: post.text,
      phones: [],
    },
    comments: {
      system: 'native',
      state: post.commentsOpen === false ? 'closed' : post.commentsOpen ? 'open' : 'none',
      form: null,
      comments,
      evidence: [],
    },
  };
}

/** Page scores the user's own visits stored, by URL: they win over the score computed from API data. */
export type VisitedScores = ReadonlyMap<string, number | null>;

function rowOf(post: OwnerPost, data: OwnerData, now: number, visited: VisitedScores): OwnerPostRow {
  let score: number | null = null;
  if (visited.has(post.url)) score = visited.get(post.url) ?? null;
  else if (data.kind === 'blog' && data.source !== 'pages') score = auditOf(pageModelOf(post, data), { now, history: [] }).score;
  const comments = post.comments ? post.comments.length : post.commentCount;
  return {
    id: post.id,
    url: post.url,
    title: post.title || post.text || post.url,
    time: post.time ?? null,
    comments,
    authorReplies: post.comments ? post.comments.filter((c) => c.byAuthor).length : null,
    commentsOpen: post.commentsOpen,
    score,
    band: bandOf(score),
  };
}

export function ownerReportOf(data: OwnerData, now: number, visited: VisitedScores = new Map()): OwnerReport {
  const findings = judgeOwner(data, now);
  const score = scoreOf(findings);
  const { from, to } = span(data);
  return {
    url: data.url,
    site: siteOf(data.url),
    kind: data.kind,
    platform: data.platform,
    source: data.source,
    name: data.name,
    posts: data.posts.length,
    comments: data.posts.reduce((n, p) => n + (p.comments ? p.comments.length : (p.commentCount ?? 0)), 0),
    score,
    band: bandOf(score),
    facts: factsOfOwner(data),
    findings,
    rows: data.posts.map((p) => rowOf(p, data, now, visited)),
    notes: data.notes,
    from,
    to,
    time: now,
    data,
  };
}

/** The CLI's top-level `owner` object (README: a public contract). */
export function ownerJson(r: OwnerReport) {
  return {
    url: r.url,
    platform: r.platform,
    source: r.source,
    posts: r.posts,
    comments: r.comments,
    score: r.score,
    band: r.band,
    facts: r.facts,
    findings: r.findings.map((f) => ({
      rule: f.rule,
      verdict: f.verdict,
      score: f.score,
      weight: f.weight,
      evidence: f.evidence,
    })),
    notes: r.notes.map((n) => n.code),
    from: r.from,
    to: r.to,
  };
}
