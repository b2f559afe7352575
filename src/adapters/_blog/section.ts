import { evidenceOf } from '../../lib/dom';
import type { Comment, CommentForm, CommentSection, CommentSystem, Evidence } from '../../model';
import { detectEmbed } from './embeds';
import { commentFormOf } from './form';

/**
 * How people can (or cannot) talk back on an article: the embed, the native form, a login wall
 * or a closed notice, plus the comments the DOM holds. Shared by every blog adapter; the
 * platform-specific part is only how comments are listed (`listComments`).
 */

// "Comments are closed." (WordPress core), theme and translation variants, DE and EN
const CLOSED_TEXT =
  /comments? (?:are|is) (?:now )?(?:closed|disabled|turned off)|commenting (?:is )?(?:closed|disabled)|kommentare sind (?:geschlossen|deaktiviert|abgeschaltet)|kommentarfunktion (?:ist )?(?:geschlossen|deaktiviert|abgeschaltet)|die kommentarfunktion wurde (?:geschlossen|deaktiviert)|keine kommentare möglich|kommentieren (?:ist )?nicht (?:mehr )?möglich|kommentare geschlossen|comments closed|kommentare für diesen beitrag sind geschlossen/i;
const CLOSED_CLASS =
  '.no-comments, .nocomments, .comments-closed, .comment-closed, .commentsclosed, .closed-comments, .comments-disabled';

// WordPress's `.must-log-in` ("You must be logged in to post a comment." / "Du musst angemeldet sein …")
const LOGIN_CLASS = '.must-log-in, .must-login, .comment-login-required';
const LOGIN_TEXT =
  /must be (?:logged|signed) in to (?:post|leave|write) a (?:comment|reply)|log in to (?:leave|post|write) a (?:comment|reply)|(?:musst|müssen) (?:angemeldet|eingeloggt)(?: sein)?,? um|melde(?:n Sie sich| dich) an,? um (?:einen )?kommentar|anmelden,? um (?:zu )?kommentieren/i;

const FORM =
  '#commentform, form.comment-form, form[action*="wp-comments-post.php"], form#comment-form, .wp-block-post-comments-form form, form.commentform, #comments form:has(textarea)';
const AREA =
  '#comments, .comments-area, #respond, .comment-respond, .wp-block-comments, .wp-block-post-comments-form, .comments, #comments-area, .article-comments, .post-comments';

export interface SectionOptions {
  /** the platform's own comment list reader */
  listComments: (doc: Document) => Comment[];
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

function queryForm(doc: Document): Element | null {
  try {
    return doc.querySelector(FORM);
  } catch {
    // engines without :has() (older Firefox ESR) reject the whole list
    return doc.querySelector(FORM.replace(/,\s*#comments form:has\(textarea\)/, ''));
  }
}

function closedNotice(doc: Document): Element | null {
  // `.no-comments` also styles "0 Comments" links in post meta: only a notice in the comment area counts
  for (const el of doc.querySelectorAll(CLOSED_CLASS)) {
    if (CLOSED_TEXT.test(el.textContent ?? '') || (el.localName !== 'a' && el.closest(AREA))) return el;
  }
  // themes write the notice in their own markup: look at short blocks inside the comment areas only
  for (const area of doc.querySelectorAll(AREA)) {
    for (const el of area.querySelectorAll('p, div, span, h2, h3, h4, em, strong, li')) {
      const t = el.textContent ?? '';
      if (t.length < 160 && CLOSED_TEXT.test(t)) return el;
    }
  }
  return null;
}

function loginWall(doc: Document): Element | null {
  const byClass = doc.querySelector(LOGIN_CLASS);
  if (byClass) return byClass;
  for (const area of doc.querySelectorAll('#respond, .comment-respond, #comments, .comments-area')) {
    for (const el of area.querySelectorAll('p, div')) {
      const t = el.textContent ?? '';
      if (t.length < 200 && LOGIN_TEXT.test(t)) return el;
    }
  }
  return null;
}

export function commentSectionOf(doc: Document, opts: SectionOptions): CommentSection {
  const evidence: Evidence[] = [];
  const embed = detectEmbed(doc);
  const native = opts.listComments(doc);
  if (embed && embed.system !== 'jetpack') {
    evidence.push(evidenceOf(embed.el, embed.name));
    // the embed's own thread is in its iframe; comments the page lists natively beside it still count
    return { system: embed.system, state: 'open', form: null, comments: native.length > 0 ? native : null, evidence };
  }
  if (embed) {
    // Jetpack: the form is an iframe, the list is WordPress's own markup in the page
    evidence.push(evidenceOf(embed.el, embed.name));
    return { system: 'jetpack', state: 'open', form: null, comments: native, evidence };
  }
  const hosted = opts.platformSection?.(doc);
  if (hosted) return hosted;
  const formEl = queryForm(doc);
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
    const login = iframe ? null : loginWall(doc);
    const closed = iframe || login ? null : closedNotice(doc);
    if (iframe) {
      evidence.push(evidenceOf(iframe, 'comment form'));
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
      const area = doc.querySelector('#comments, .comments-area, #respond, .wp-block-comments');
      if (area) {
        evidence.push(evidenceOf(area));
        system = 'native';
        state = 'closed';
      }
    }
  }
  if (native.length > 0 && evidence.length === 0) evidence.push(native[0].evidence);
  return { system, state, form, comments: native, evidence };
}
