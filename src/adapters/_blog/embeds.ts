import type { CommentSystem } from '../../contract';
import { attr } from './dom';

/**
 * Third-party comment systems. Each loads its thread into an iframe or renders it by script from
 * its own server, so what the saved DOM holds is a mount point (`#disqus_thread`), a config
 * (`disqus_config`) or the loader script. Where the thread is not ours to read, the adapter says
 * `comments: null` instead of guessing; the embed being there means people can comment.
 */
export interface Embed {
  system: CommentSystem;
  /** the product, for evidence text */
  name: string;
  el: Element;
}

interface EmbedDetector {
  system: CommentSystem;
  name: string;
  /** mount points by id, class or custom-element tag (fast single look-ups, see dom.ts) */
  ids?: string[];
  classes?: string[];
  tags?: string[];
  /** iframe src / loader script src */
  src?: RegExp;
  /** inline config, read only when nothing else matched */
  inline?: RegExp;
}

const DETECTORS: readonly EmbedDetector[] = [
  // Jetpack (self-hosted) iframes: form in the iframe, list native.
  {
    system: 'jetpack',
    name: 'Jetpack',
    ids: ['jetpack_remote_comment'],
    classes: ['jetpack_remote_comment'],
    src: /jetpack\.wordpress\.com\/jetpack-comment/,
  },
  {
    system: 'disqus',
    name: 'Disqus',
    ids: ['disqus_thread'],
    src: /disqus\.com\/embed(?:\.js|\/comments)/,
    inline: /\bdisqus_config\b|\bdisqus_shortname\b/,
  },
  { system: 'commento', name: 'Commento', ids: ['commento'], src: /commento[^/]*\/js\/commento\.js|\/commento\.js$/ },
  // XFBML's <fb:comments> by tag name: `fb\:comments` is not a valid selector in every engine
  {
    system: 'facebook',
    name: 'Facebook',
    classes: ['fb-comments'],
    tags: ['fb:comments'],
    src: /facebook\.com\/(?:v[\d.]+\/)?plugins\/comments/,
  },
  { system: 'remark42', name: 'remark42', ids: ['remark42'], src: /\/web\/embed\.js$/, inline: /\bremark_config\b/ },
  { system: 'other', name: 'Hyvor Talk', ids: ['hyvor-talk-view'], tags: ['hyvor-talk-comments'], src: /talk\.hyvor\.com/ },
  { system: 'other', name: 'Isso', ids: ['isso-thread'], src: /\/js\/embed\.(?:min|dev)\.js$/ },
  { system: 'other', name: 'giscus', classes: ['giscus'], tags: ['giscus-widget'], src: /giscus\.app\/client\.js/ },
  { system: 'other', name: 'utterances', classes: ['utterances'], src: /utteranc\.es\/client\.js/ },
  { system: 'other', name: 'Cusdis', ids: ['cusdis_thread'] },
  // Livefyre (2010s news sites: mashable, nypost, technologyreview): the mount is often missing from a
  // saved copy, the loader from zor.livefyre.com (or a *.fyre.co network) is not
  {
    system: 'other',
    name: 'Livefyre',
    ids: ['livefyre_comments', 'livefyre-comments', 'livefyre'],
    src: /(?:^|\/\/)zor\.(?:livefyre\.com|fyre\.co)\/wjs\//,
  },
  { system: 'other', name: 'Graph Comment', ids: ['graphcomment'] },
];

function mountOf(doc: Document, d: EmbedDetector): Element | null {
  for (const id of d.ids ?? []) {
    const el = doc.getElementById(id);
    if (el) return el;
  }
  for (const c of d.classes ?? []) {
    const el = doc.getElementsByClassName(c)[0];
    if (el) return el;
  }
  for (const t of d.tags ?? []) {
    const el = doc.getElementsByTagName(t)[0];
    // evidence on the parent: a CSS path through `fb:comments` is not a valid selector
    if (el) return t.includes(':') ? (el.parentElement ?? el) : el;
  }
  return null;
}

export function detectEmbed(doc: Document): Embed | null {
  for (const d of DETECTORS) {
    const el = mountOf(doc, d);
    if (el) return { system: d.system, name: d.name, el };
  }
  // No mount point: a loader script or comment iframe by its URL, then an inline config
  const loaders = [...doc.getElementsByTagName('iframe'), ...doc.scripts];
  for (const el of loaders) {
    const src = attr(el, 'src');
    if (!src) continue;
    const d = DETECTORS.find(
      (x) => x.src?.test(src) && (x.system !== 'other' || x.name !== 'Isso' || el.hasAttribute('data-isso')),
    );
    if (d) return { system: d.system, name: d.name, el };
  }
  for (const s of doc.scripts) {
    if (s.src || s.type === 'application/ld+json') continue;
    const text = (s.textContent ?? '').slice(0, 4000);
    const d = DETECTORS.find((x) => x.inline?.test(text));
    if (d) return { system: d.system, name: d.name, el: s };
  }
  return null;
}
