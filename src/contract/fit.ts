import { excerpt } from './excerpt';
import { LIMITS } from './limits';
import type { ArticleSection, Comment, CommentSection, Evidence, PageModel, SocialPost, SocialSection } from './model';

/**
 * The content script's last step before sending: the model cut to the sizes the worker accepts
 * (./limits.ts). The adapters already read bounded samples; this catches what a page's odd markup
 * makes of them — a CSS path through 120 nested `<div>`s, a 30,000-character comment — so that
 * one over-long piece of evidence shortens, instead of the worker rejecting the whole audit.
 * Types only from ./model: no schema library in the content script.
 */

function cut(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
const opt = (s: string | undefined, max: number) => (s === undefined ? undefined : cut(s, max));

/** A path too long to send finds nothing when cut: it is dropped (no highlight), the excerpt stays. */
export function fitEvidence(e: Evidence): Evidence {
  return { selector: e.selector.length <= LIMITS.selectorChars ? e.selector : '', text: cut(e.text, LIMITS.textChars) };
}

/** '' where the evidence is the excerpt of the item's own text: the worker's parse restores it (./model.ts). */
function ownExcerptLeftOut<T extends { text: string; evidence: Evidence }>(item: T): T {
  return item.text !== '' && item.evidence.text === excerpt(item.text)
    ? { ...item, evidence: { selector: item.evidence.selector, text: '' } }
    : item;
}

function fitComment(c: Comment): Comment {
  return ownExcerptLeftOut({
    ...c,
    id: opt(c.id, LIMITS.shortChars),
    author: cut(c.author, LIMITS.shortChars),
    date: opt(c.date, 40),
    text: cut(c.text, LIMITS.itemChars),
    depth: Math.min(1000, Math.max(0, Math.trunc(c.depth))),
    parentId: opt(c.parentId, LIMITS.shortChars),
    evidence: fitEvidence(c.evidence),
  });
}

export function fitComments(s: CommentSection): CommentSection {
  return {
    ...s,
    form: s.form && {
      captcha: s.form.captcha,
      evidence: fitEvidence(s.form.evidence),
      fields: s.form.fields.slice(0, LIMITS.formFields).map((f) => ({
        ...f,
        name: cut(f.name, LIMITS.shortChars),
        label: cut(f.label, LIMITS.shortChars),
        type: cut(f.type, 40),
        evidence: fitEvidence(f.evidence),
      })),
    },
    // null: the thread lives in an iframe (not counted); it must stay null, never become undefined
    comments: s.comments === null ? null : s.comments.slice(0, LIMITS.comments).map(fitComment),
    evidence: s.evidence.slice(0, LIMITS.sectionEvidence).map(fitEvidence),
  };
}

export function fitPost(p: SocialPost): SocialPost {
  return ownExcerptLeftOut({
    ...p,
    id: cut(p.id, LIMITS.shortChars),
    time: opt(p.time, 40),
    text: cut(p.text, LIMITS.itemChars),
    urls: p.urls.filter((u) => u.length <= LIMITS.urlChars).slice(0, LIMITS.urlsPerPost),
    client: opt(p.client, LIMITS.shortChars),
    author: opt(p.author, LIMITS.shortChars),
    evidence: fitEvidence(p.evidence),
  });
}

export function fitSocial(s: SocialSection): SocialSection {
  return {
    ...s,
    handle: opt(s.handle, LIMITS.shortChars),
    name: opt(s.name, LIMITS.shortChars),
    posts: s.posts.slice(0, LIMITS.posts).map(fitPost),
    mainPost: s.mainPost && fitPost(s.mainPost),
    unreadable: s.unreadable.slice(0, LIMITS.unreadable).map((u) => cut(u, 100)),
  };
}

export function fitArticle(a: ArticleSection): ArticleSection {
  return {
    ...a,
    title: cut(a.title, LIMITS.shortChars),
    author: opt(a.author, LIMITS.shortChars),
    published: opt(a.published, 40),
    updated: opt(a.updated, 40),
    lang: opt(a.lang, 35),
    links: a.links
      .filter((l) => l.href.length <= LIMITS.urlChars)
      .slice(0, LIMITS.links)
      .map((l) => ({ ...l, text: cut(l.text, LIMITS.shortChars) })),
    shareButtons: a.shareButtons.slice(0, LIMITS.shareButtons).map(fitEvidence),
    text: cut(a.text, LIMITS.articleChars),
    phones: a.phones.slice(0, LIMITS.phones).map((p) => ({
      raw: cut(p.raw, 100),
      normalized: cut(p.normalized, 40),
      context: cut(p.context, LIMITS.textChars),
      evidence: fitEvidence(p.evidence),
    })),
  };
}

/**
 * How each section of a model is cut. The content script gets them from the adapter families
 * (src/content/families.ts): a section exists only when its family's adapter read it, so the file
 * every page loads carries none of them, and a profile page's file no article or comment cutting.
 */
export interface Fitters {
  article?: (a: ArticleSection) => ArticleSection;
  comments?: (s: CommentSection) => CommentSection;
  social?: (s: SocialSection) => SocialSection;
}

export const ALL_FITTERS: Required<Fitters> = { article: fitArticle, comments: fitComments, social: fitSocial };

/** The model cut to the worker's limits; a section without its fitter stays as it is (the worker checks it all). */
export function fitModelWith(model: PageModel, fitters: Fitters): PageModel {
  const out: PageModel = { ...model, lang: opt(model.lang, 35) };
  if (model.article && fitters.article) out.article = fitters.article(model.article);
  if (model.comments && fitters.comments) out.comments = fitters.comments(model.comments);
  if (model.social && fitters.social) out.social = fitters.social(model.social);
  return out;
}

/** The model cut to the worker's limits, every section. */
export function fitModel(model: PageModel): PageModel {
  return fitModelWith(model, ALL_FITTERS);
}
