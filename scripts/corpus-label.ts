#!/usr/bin/env node
// `node --import tsx scripts/corpus-label.ts [--only a.html,b.html]`: the labelling aid of docs/labelling.md.
// For every page of corpus/pages it counts each comment fact by two independent methods and prints
// where they disagree, so that a person settles those by reading the page:
//   A — a hand-written selector query over the parsed DOM (happy-dom, scripts off);
//   B — a text/regex count over the raw HTML, or the page's own stated count ("12 Comments").
// It never reads the product's adapters: the labels must not inherit the product's mistakes.
// Its output is a draft; corpus/labels.json is what a person decided (see docs/labelling.md).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';

const ROOT = resolve(import.meta.dirname, '..');
const PAGES = join(ROOT, 'corpus/pages');

// --- method A: selectors over the DOM --------------------------------------------------------
const COMMENT_ITEM = 'li.comment, article.comment, div.comment[id^="comment-"], li[id^="comment-"], .wpd-comment, .tve-comment';
const PING_ITEM = 'li.pingback, li.trackback, .comment.pingback, .comment.trackback';

function domFacts(doc: Document) {
  const form = doc.querySelector('form[action*="wp-comments-post"], form#commentform, form.comment-form');
  // Blogger draws its comment form into an iframe (#comment-editor): a form, not readable
  const iframeForm = doc.querySelector('iframe#comment-editor, iframe.blogger-comment-from-post');
  const items = [...doc.querySelectorAll(COMMENT_ITEM)].filter(
    (el) => !el.closest('.widget, aside, footer, #sidebar, .sidebar, .recentcomments, .wp-block-latest-comments'),
  );
  const pings = doc.querySelectorAll(PING_ITEM).length;
  const human = items.filter((el) => !el.matches(PING_ITEM));
  let system: string | null = null;
  if (doc.querySelector('#disqus_thread')) system = 'disqus';
  else if (doc.querySelector('.fb-comments') || doc.getElementsByTagName('fb:comments').length) system = 'facebook';
  else if (doc.querySelector('#livefyre, #livefyre-comments, .livefyre-comments, .fyre')) system = 'other';
  else if (form || iframeForm || human.length) system = 'native';
  let required: number | null = null;
  let newsletter: 'none' | 'optional' | 'prechecked' | 'required' | null = null;
  if (form) {
    required = [...form.querySelectorAll('input, select, textarea')].filter(
      (i) =>
        i.tagName !== 'TEXTAREA' &&
        !['hidden', 'submit', 'checkbox', 'button'].includes(i.getAttribute('type') ?? '') &&
        (i.hasAttribute('required') ||
          i.getAttribute('aria-required') === 'true' ||
          // the label says so: "Name (required)", "E-Mail *", "(Pflichtfeld)"
          /\(required\)|\*|pflicht|erforderlich/i.test(labelOf(form, i))),
    ).length;
    newsletter = 'none';
    for (const box of form.querySelectorAll('input[type=checkbox]')) {
      const text = `${box.getAttribute('name') ?? ''} ${box.getAttribute('id') ?? ''} ${box.closest('p, label, div')?.textContent ?? ''}`;
      if (!/subscri|newsletter|abonn|benachrichtig|notify|follow|mailpoet|mailchimp/i.test(text)) continue;
      const v = box.hasAttribute('required') ? 'required' : box.hasAttribute('checked') ? 'prechecked' : 'optional';
      const rank = { none: 0, optional: 1, prechecked: 2, required: 3 } as const;
      if (rank[v] > rank[newsletter ?? 'none']) newsletter = v;
    }
  }
  const author = human.filter((el) => el.classList.contains('bypostauthor')).length;
  return {
    system,
    form: !!form,
    iframeForm: !!iframeForm,
    required,
    newsletter,
    comments: human.length,
    pingbacks: pings,
    author,
  };
}

function labelOf(form: Element, input: Element): string {
  const id = input.getAttribute('id');
  const byFor = id ? form.querySelector(`label[for="${id}"]`) : null;
  return `${byFor?.textContent ?? ''} ${input.closest('label')?.textContent ?? ''} ${byFor ? '' : (input.parentElement?.textContent ?? '')}`;
}

// --- method B: regex over the raw HTML -------------------------------------------------------
function rawFacts(html: string) {
  const ids = new Set([...html.matchAll(/\bid=["'](?:div-)?comment-(\d+)["']/g)].map((m) => m[1]));
  const pings = (html.match(/class=["'][^"']*\b(?:pingback|trackback)\b/g) ?? []).length;
  const stated = html.match(/>\s*(\d+)\s+(?:Comments?|Responses?|Replies|Kommentare?|Antworten)\b/i);
  let system: string | null = null;
  if (/disqus\.com\/embed\.js|\bdisqus_shortname\b|id=["']disqus_thread/.test(html)) system = 'disqus';
  else if (/class=["'][^"']*\bfb-comments\b|<fb:comments/.test(html)) system = 'facebook';
  else if (/livefyre\.com\/|fyre\.conv|id=["']livefyre/i.test(html)) system = 'other';
  else if (/wp-comments-post\.php|\bcomment-respond\b|\bcommentlist\b|\bcomment-list\b/.test(html)) system = 'native';
  const form = html.match(/<form[^>]*(?:wp-comments-post|commentform)[\s\S]*?<\/form>/);
  const required = form
    ? (
        form[0].match(
          /<input(?![^>]*type=["'](?:hidden|submit|checkbox)["'])[^>]*(?:aria-required=["']true["']|\srequired[\s>=])/g,
        ) ?? []
      ).length
    : null;
  const author = (html.match(/class=["'][^"']*\bbypostauthor\b/g) ?? []).length;
  const closed = /comments are closed|kommentare sind geschlossen|kommentarfunktion (?:ist )?(?:geschlossen|deaktiviert)/i.test(
    html.replace(/<script[\s\S]*?<\/script>/g, ''),
  );
  const login = /must be <a[^>]*>logged in|muss <a[^>]*>angemeldet|must be logged in to post/i.test(html);
  return { system, ids: ids.size, pings, stated: stated ? Number(stated[1]) : null, required, author, closed, login };
}

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : null;
const labels: Record<string, Record<string, string | number | null>> = JSON.parse(
  readFileSync(join(ROOT, 'corpus/labels.json'), 'utf8'),
);
for (const [name, label] of Object.entries(labels)) {
  if (only && !only.includes(name)) continue;
  if (label.kind !== 'article') continue;
  const html = readFileSync(join(PAGES, name), 'utf8');
  const win = new Window({
    url: String(label.url ?? 'https://localhost/'),
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  win.document.write(html);
  const a = domFacts(win.document as unknown as Document);
  const b = rawFacts(html);
  win.happyDOM.abort();
  win.close();
  const notes: string[] = [];
  if (a.system !== b.system) notes.push(`system A=${a.system} B=${b.system}`);
  if (a.comments !== b.ids - b.pings && b.ids) notes.push(`comments A=${a.comments} B(ids−pings)=${b.ids - b.pings}`);
  if (b.stated !== null && b.stated !== a.comments + a.pingbacks) notes.push(`stated=${b.stated} A=${a.comments}+${a.pingbacks}`);
  if (a.required !== b.required) notes.push(`required A=${a.required} B=${b.required}`);
  if (a.author !== b.author) notes.push(`author A=${a.author} B=${b.author}`);
  if (b.closed) notes.push('closed notice in text');
  if (b.login) notes.push('login notice');
  const labelled = `${label.commentSystem}/${label.commentsState}/${label.comments}`;
  if (process.argv.includes('--json')) console.log(JSON.stringify({ name, a, b, notes }));
  else console.log(`${name}\t${JSON.stringify(a)}\t${labelled}\t${notes.join('; ')}`);
}
