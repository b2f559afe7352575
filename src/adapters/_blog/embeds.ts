import type { CommentSystem } from '../../model';

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
  /** mount points and rendered iframes */
  selector: string;
  /** loader scripts / inline config, checked only when no mount point is found */
  script?: RegExp;
}

const DETECTORS: readonly EmbedDetector[] = [
  // Jetpack (self-hosted) and WordPress.com "highlander" iframes: form in the iframe, list native.
  { system: 'jetpack', name: 'Jetpack', selector: '#jetpack_remote_comment, iframe.jetpack_remote_comment' },
  {
    system: 'disqus',
    name: 'Disqus',
    selector: '#disqus_thread, iframe[src*="disqus.com/embed/comments"]',
    script: /disqus\.com\/embed\.js|\bdisqus_config\b|\bdisqus_shortname\b/,
  },
  { system: 'commento', name: 'Commento', selector: '#commento, script[src*="commento"][src$="commento.js"]' },
  {
    system: 'facebook',
    name: 'Facebook comments',
    // XFBML's <fb:comments> is matched by tag name below: `fb\:comments` is not valid in every selector engine
    selector:
      '.fb-comments, iframe[src*="facebook.com/plugins/comments"], iframe[src*="facebook.com/v"][src*="/plugins/comments"]',
  },
  { system: 'remark42', name: 'remark42', selector: '#remark42', script: /\bremark_config\b/ },
  { system: 'other', name: 'Hyvor Talk', selector: '#hyvor-talk-view, hyvor-talk-comments, script[src*="talk.hyvor.com"]' },
  { system: 'other', name: 'Isso', selector: '#isso-thread, script[data-isso], script[src$="/js/embed.min.js"][data-isso]' },
  { system: 'other', name: 'giscus', selector: '.giscus, giscus-widget, script[src*="giscus.app/client.js"]' },
  { system: 'other', name: 'utterances', selector: '.utterances, script[src*="utteranc.es/client.js"]' },
  { system: 'other', name: 'Cusdis', selector: '#cusdis_thread' },
  { system: 'other', name: 'Graph Comment', selector: '#graphcomment' },
];

const MOUNTS = DETECTORS.map((d) => d.selector).join(', ');

export function detectEmbed(doc: Document): Embed | null {
  const first = doc.querySelector(MOUNTS);
  if (first) {
    const detector = DETECTORS.find((d) => first.matches(d.selector));
    if (detector) return { system: detector.system, name: detector.name, el: first };
  }
  const xfbml = doc.getElementsByTagName('fb:comments')[0];
  // evidence on the parent: a CSS path through `fb:comments` is not a valid selector
  if (xfbml) return { system: 'facebook', name: 'Facebook comments', el: xfbml.parentElement ?? xfbml };
  // No mount point: a config or loader script alone still means the platform offers comments there.
  const scripted = DETECTORS.filter((d) => d.script);
  for (const s of doc.querySelectorAll('script')) {
    const text = s.getAttribute('src') ?? (s.textContent ?? '').slice(0, 4000);
    for (const d of scripted) if (d.script?.test(text)) return { system: d.system, name: d.name, el: s };
  }
  return null;
}
