import { evidenceOf } from '../dom';
import type { CommentForm, CommentSection, CommentSystem, Evidence } from '../../contract';
import type { Embed } from './embeds';
import { firstByClass } from './dom';
import { commentFormOf } from './form';
import type { CommentSteps, ListedComments } from './sample';

/**
 * How people can (or cannot) talk back on an article: the embed, the native form, a login wall
 * or a closed notice, plus the comments the DOM holds. Shared by every blog adapter; the
 * platform-specific part is only how comments are listed (`listComments`).
 */

// "Comments are closed." (WordPress core), theme and translation variants, DE and EN
const CLOSED_TEXT =
  /comments? (?:are|is) (?:now )?(?:closed|disabled|turned off)|commenting (?:is )?(?:closed|disabled)|kommentare sind (?:geschlossen|deaktiviert|abgeschaltet)|kommentarfunktion (?:ist )?(?:geschlossen|deaktiviert|abgeschaltet)|die kommentarfunktion wurde (?:geschlossen|deaktiviert)|keine kommentare möglich|kommentieren (?:ist )?nicht (?:mehr )?möglich|kommentare geschlossen|comments closed|kommentare für diesen beitrag sind geschlossen/i;
const CLOSED_CLASSES = [
  'no-comments',
  'nocomments',
  'comments-closed',
  'comment-closed',
  'commentsclosed',
  'closed-comments',
  'comments-disabled',
];

// WordPress's `.must-log-in` ("You must be logged in to post a comment." / "Du musst angemeldet sein …")
const LOGIN_CLASSES = ['must-log-in', 'must-login', 'comment-login-required'];
// and sites' own systems: "Nur angemeldete Benutzer können kommentieren" (GameStar), "Only registered users can comment"
const LOGIN_TEXT =
  /must be (?:logged|signed) in to (?:post|leave|write) a (?:comment|reply)|log in to (?:leave|post|write) a (?:comment|reply)|only (?:registered|logged[- ]in|signed[- ]in) (?:users|members) (?:can|may) (?:comment|post)|(?:musst|müssen) (?:angemeldet|eingeloggt)(?: sein)?,? um|melde(?:n Sie sich| dich) an,? um (?:einen )?kommentar|anmelden,? um (?:zu )?kommentieren|nur (?:angemeldete|registrierte|eingeloggte) (?:benutzer|nutzer|mitglieder|leser)(?:innen)? (?:können|dürfen) (?:kommentieren|kommentare)/i;

const AREA_IDS = ['comments', 'respond', 'comments-area', 'commentform'];
const AREA_CLASSES = [
  'comments-area',
  'comment-respond',
  'wp-block-comments',
  'wp-block-post-comments-form',
  'comments',
  'article-comments',
  'post-comments',
];
const NOTICE_TAGS = new Set(['p', 'div', 'span', 'h2', 'h3', 'h4', 'em', 'strong', 'li', 'section']);
const LISTS = new Set(['ol', 'ul', 'dl']);

function areasOf(doc: Document): Element[] {
  const out: Element[] = [];
  for (const id of AREA_IDS) {
    const el = doc.getElementById(id);
    if (el && !out.includes(el)) out.push(el);
  }
  for (const c of AREA_CLASSES) {
    const el = doc.getElementsByClassName(c)[0];
    if (el && !out.includes(el)) out.push(el);
  }
  return out;
}

/**
 * Short blocks near the top of the comment areas, where themes print their notices. Comment lists
 * are skipped and the walk stops three levels down: reading every nested block's text in a thread
 * of thousands of comments would cost far more than the notice is worth.
 */
function noticeIn(areas: readonly Element[], pattern: RegExp): Element | null {
  const visit = (el: Element, depth: number): Element | null => {
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (LISTS.has(c.localName) || c.localName === 'form') continue;
      // a notice is what the page shows: text inside a script (an i18n config with "Comments are
      // closed" among its strings) says nothing about this post
      if (NOTICE_TAGS.has(c.localName) && c.childElementCount <= 4 && c.getElementsByTagName('script').length === 0) {
        const t = c.textContent ?? '';
        if (t.length < 200 && pattern.test(t)) return c;
      }
      if (depth < 3) {
        const found = visit(c, depth + 1);
        if (found) return found;
      }
    }
    return null;
  };
  for (const a of areas) {
    const found = visit(a, 1);
    if (found) return found;
  }
  return null;
}

export interface SectionOptions {
  /**
   * the platform's own comment list reader: every comment, or past DETAIL_LIMIT a sample of whole
   * threads with the counts over all of them (./sample.ts). Where a platform's list can be long
   * (WordPress) it comes in steps, as a generator blogSteps runs with pauses.
   */
  listComments: (doc: Document) => ListedComments | CommentSteps;
  /** forms that live in an iframe (Blogger's #comment-editor): the form is there, not readable */
  iframeForm?: (doc: Document) => Element | null;
  /**
   * an empty native comment area without form means "closed" on platforms whose templates print
   * it only for posts (WordPress); elsewhere an empty #comments says nothing
   */
  emptyAreaIsClosed?: boolean;
  /**
   * a hosted platform's own comment app (Ghost's comments-ui, Medium responses): the section as
   * the platform defines it, or null to fall through to the form/notice checks
   */
  platformSection?: (doc: Document) => CommentSection | null;
}

function queryForm(doc: Document, areas: readonly Element[]): Element | null {
  const byId = doc.getElementById('commentform') ?? doc.getElementById('comment-form');
  if (byId?.localName === 'form') return byId;
  for (const f of doc.getElementsByClassName('comment-form')) if (f.localName === 'form') return f;
  // `document.forms` is a cached collection: no attribute selector over the whole page
  for (const f of doc.forms) {
    if (/wp-comments-post\.php/.test(f.getAttribute('action') ?? '') || f.classList.contains('commentform')) return f;
  }
  // other CMSs (Drupal, Kirby, static-site comment services): a form with a textarea in the comment area
  for (const a of areas) {
    for (const f of a.getElementsByTagName('form')) if (f.getElementsByTagName('textarea').length > 0) return f;
  }
  return null;
}

function closedNotice(doc: Document, areas: readonly Element[]): Element | null {
  // `.no-comments` also styles "0 Comments" links in post meta: only a notice in the comment area counts
  for (const c of CLOSED_CLASSES) {
    for (const el of doc.getElementsByClassName(c)) {
      if (CLOSED_TEXT.test(el.textContent ?? '') || (el.localName !== 'a' && areas.some((a) => a.contains(el)))) return el;
    }
  }
  return noticeIn(areas, CLOSED_TEXT);
}

function loginWall(doc: Document, areas: readonly Element[]): Element | null {
  for (const c of LOGIN_CLASSES) {
    const el = doc.getElementsByClassName(c)[0];
    if (el) return el;
  }
  return noticeIn(areas, LOGIN_TEXT);
}

/**
 * Nothing shown: no text outside scripts (an empty container, an anchor, a script with its strings).
 * A mount point a script fills, not a section that says anything. Reached only where the area has
 * no form, no notice and no comments, so the text read is small.
 */
function isMount(area: Element): boolean {
  const visible = (t: string | null) => (t ?? '').replace(/\s+/g, '').length;
  let shown = visible(area.textContent);
  if (shown === 0) return true;
  for (const s of area.getElementsByTagName('script')) shown -= visible(s.textContent);
  return shown <= 0;
}

/** The section around the comment list and embed blogSteps read already, in steps of their own. */
export function commentSectionOf(
  doc: Document,
  opts: SectionOptions,
  listed: ListedComments,
  embed: Embed | null,
): CommentSection {
  const evidence: Evidence[] = [];
  const native = listed.comments;
  // a sampled list carries its counts wherever the list itself goes into the section
  const withCounts = (section: CommentSection): CommentSection =>
    listed.counts && section.comments ? { ...section, counts: listed.counts } : section;
  if (embed && embed.system !== 'jetpack') {
    evidence.push(evidenceOf(embed.el, embed.name));
    // the embed's own thread is in its iframe; comments the page lists natively beside it still count
    return withCounts({ system: embed.system, state: 'open', form: null, comments: native.length > 0 ? native : null, evidence });
  }
  if (embed) {
    // Jetpack: the form is an iframe, the list is WordPress's own markup in the page
    evidence.push(evidenceOf(embed.el, embed.name));
    return withCounts({ system: 'jetpack', state: 'open', form: null, comments: native, evidence });
  }
  const hosted = opts.platformSection?.(doc);
  if (hosted) return hosted;
  const areas = areasOf(doc);
  const formEl = queryForm(doc, areas);
  let form: CommentForm | null = null;
  let system: CommentSystem = 'none';
  let state: CommentSection['state'] = 'none';
  if (formEl) {
    form = commentFormOf(formEl, formEl.closest('#respond, .comment-respond'));
    evidence.push(form.evidence);
    system = 'native';
    state = 'open';
  } else {
    const iframe = opts.iframeForm?.(doc);
    const login = iframe ? null : loginWall(doc, areas);
    const closed = iframe || login ? null : closedNotice(doc, areas);
    if (iframe) {
      // the page's own words ("Kommentar veröffentlichen" / "Post a Comment"), not ours
      const heading = doc.getElementById('comment-post-message');
      evidence.push(evidenceOf(iframe, heading?.textContent || iframe.getAttribute('title') || 'Blogger'));
      system = 'native';
      state = 'open';
    } else if (login) {
      evidence.push(evidenceOf(login));
      system = 'native';
      state = 'login-required';
    } else if (closed) {
      evidence.push(evidenceOf(closed));
      system = 'native';
      state = 'closed';
    } else if (native.length > 0) {
      system = 'native';
      state = 'closed';
    } else if (opts.emptyAreaIsClosed) {
      // only the areas WordPress itself prints: a `.comments` counter in the post meta is no area
      const area =
        doc.getElementById('comments') ??
        doc.getElementById('respond') ??
        firstByClass(doc, ['comments-area', 'wp-block-comments']);
      if (area && isMount(area)) {
        // an empty container is where a script draws the thread (Gigya, a forum link, a plugin's
        // app) or a jump target: someone can comment, we cannot read it — never "closed"
        evidence.push(evidenceOf(area, area.localName === 'a' ? 'comments' : 'comments drawn by script'));
        return { system: 'other', state: 'open', form: null, comments: null, evidence };
      }
      if (area) {
        evidence.push(evidenceOf(area));
        system = 'native';
        state = 'closed';
      }
    }
  }
  if (system === 'none' && native.length === 0) {
    // no thread, form or notice: a stated count that loads the thread on click ("267 Kommentare")
    const stated = statedThread(doc);
    if (stated) return { system: 'other', state: 'open', form: null, comments: null, evidence: [evidenceOf(stated)] };
  }
  if (native.length > 0 && evidence.length === 0) evidence.push(native[0].evidence);
  return withCounts({ system, state, form, comments: native, evidence });
}

// "12 Kommentare", "102 comments", a button labelled "267 Kommentare": the whole text is the count
const STATED_COUNT = /^\s*([1-9][\d.,]*)\s+(?:comments?|kommentare?|leserkommentare|responses|reaktionen)\s*$/i;
const STATED_TAGS = ['h2', 'h3', 'h4', 'button'];

/**
 * A heading, button or in-page link that states how many comments the post has, where the thread
 * itself is drawn by script after a click (MDR, Tages-Anzeiger, CNET, Yahoo in the corpus): people
 * comment there; the page cannot say more. Reached only on articles with nothing else found.
 */
function statedThread(doc: Document): Element | null {
  // templates indent the text: "\n      102 comments\n    " is a short text
  const says = (t: string | null) => t !== null && t.length <= 200 && t.trim().length <= 40 && STATED_COUNT.test(t);
  for (const tag of STATED_TAGS) {
    for (const el of doc.getElementsByTagName(tag)) {
      if (says(el.getAttribute('aria-label')) || says(el.textContent)) return el;
    }
  }
  for (const a of doc.links) if (a.getAttribute('href')?.startsWith('#') && says(a.textContent)) return a;
  return null;
}
