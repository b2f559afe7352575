// Page generators for the benchmark: pages of a chosen element count that follow the markup real
// sites serve, so the adapters take their normal paths through them.
// - blog: WordPress core comment-template markup (wp-includes/class-walker-comment.php, html5
//   style: li.comment > article.comment-body > footer.comment-meta …, form#commentform), the
//   same pattern as the WordPress pages in /work/shared/real-pages (written here, not copied).
// - timeline: X's profile timeline (article[data-testid="tweet"] with User-Name, time, tweetText
//   and the reply/retweet/like buttons whose aria-label carries the count, wrapped in the deep
//   div nesting X renders), the pattern of the X pages in /work/shared/real-pages.
// - other: a web-app page (navigation, a product grid, a data table) that is neither an article
//   nor a profile, for the early exit.

const WORDS =
  'Danke für den Beitrag ich sehe das anders weil die Zahlen fehlen aber der Ansatz gefällt mir sehr gut thanks for sharing this great post I disagree with the second point why would anyone do that'.split(
    ' ',
  );

/** Deterministic text: the same page for every run, so runs are comparable. */
function words(seed: number, n: number): string {
  const out: string[] = [];
  let x = seed * 2654435761;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length]);
  }
  return out.join(' ');
}

function isoAt(i: number): string {
  return new Date(Date.UTC(2026, 9, 1, 8, 0, 0) + i * 37 * 60_000).toISOString().replace('.000Z', '+00:00');
}

// Elements one generated comment adds (li, article, footer, div.vcard, img, b, a, span, div,
// a, time, div.comment-content, p, div.reply, a): used to size a page to a target element count.
const ELEMENTS_PER_COMMENT = 15;
const BLOG_FRAME_ELEMENTS = 70;

function wpComment(i: number, byAuthor: boolean, depth: number): string {
  const id = 1000 + i;
  const cls = byAuthor
    ? `comment byuser comment-author-redaktion bypostauthor odd alt depth-${depth}`
    : `comment even thread-even depth-${depth}`;
  const author = byAuthor ? 'Redaktion' : `Leser ${i}`;
  return `<li id="comment-${id}" class="${cls}">
<article id="div-comment-${id}" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><img alt="" src="data:," class="avatar avatar-32 photo" height="32" width="32"><b class="fn"><a href="https://example.org/u${i}" class="url" rel="ugc external nofollow">${author}</a></b> <span class="says">sagt:</span></div>
<div class="comment-metadata"><a href="#comment-${id}"><time datetime="${isoAt(i)}">${(i % 28) + 1}. Oktober 2026 um 10:${String(i % 60).padStart(2, '0')} Uhr</time></a></div></footer>
<div class="comment-content"><p>${words(i, 12 + (i % 20))}${i % 7 === 0 ? '?' : '.'}</p></div>
<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#comment-${id}" data-commentid="${id}" data-postid="42" aria-label="Antworte auf ${author}">Antworten</a></div>
</article>`;
}

/** A WordPress blog post whose comment thread brings the page to about `elements` elements. */
export function blogPost(elements: number): string {
  const n = Math.max(1, Math.round((elements - BLOG_FRAME_ELEMENTS) / ELEMENTS_PER_COMMENT));
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    // Every fifth comment gets an author reply nested under it, as WordPress threads them.
    if (i % 5 === 3 && i + 1 < n) {
      parts.push(`${wpComment(i, false, 1)}<ol class="children">${wpComment(i + 1, true, 2)}</li></ol></li>`);
      i++;
    } else {
      parts.push(`${wpComment(i, false, 1)}</li>`);
    }
  }
  return `<!DOCTYPE html>
<html lang="de-DE"><head><meta charset="utf-8"><title>Warum Dialog wichtiger ist als Reichweite – Testblog</title>
<meta name="generator" content="WordPress 6.6.2">
<link rel="stylesheet" id="wp-block-library-css" href="data:text/css," media="all">
</head>
<body class="post-template-default single single-post postid-42 single-format-standard">
<div id="page" class="site"><header id="masthead" class="site-header"><p class="site-title"><a href="/" rel="home">Testblog</a></p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu"><li><a href="/">Start</a></li><li><a href="/blog/">Blog</a></li><li><a href="/kontakt/">Kontakt</a></li></ul></nav></header>
<div id="content" class="site-content"><main id="main" class="site-main">
<article id="post-42" class="post-42 post type-post status-publish format-standard hentry category-allgemein">
<header class="entry-header"><h1 class="entry-title">Warum Dialog wichtiger ist als Reichweite</h1>
<div class="entry-meta"><span class="posted-on"><a href="/2026/10/dialog/" rel="bookmark"><time class="entry-date published" datetime="2026-10-01T08:00:00+00:00">1. Oktober 2026</time><time class="updated" datetime="2026-10-02T09:00:00+00:00">2. Oktober 2026</time></a></span>
<span class="byline"> von <span class="author vcard"><a class="url fn n" href="/author/redaktion/">Redaktion</a></span></span></div></header>
<div class="entry-content"><p>${words(1, 80)}</p><p>Mehr dazu bei <a href="https://example.net/studie">einer Studie</a> und in <a href="/2026/09/vorher/">unserem letzten Beitrag</a>.</p>
<p>${words(2, 120)}</p><p>Hotline: 0900 123 456 (kostenpflichtig)</p></div>
<footer class="entry-footer"><span class="cat-links">Veröffentlicht in <a href="/category/allgemein/" rel="category tag">Allgemein</a></span></footer>
</article>
<div id="comments" class="comments-area"><h2 class="comments-title">${n} Gedanken zu „Warum Dialog wichtiger ist als Reichweite“</h2>
<ol class="comment-list">
${parts.join('\n')}
</ol>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Schreibe einen Kommentar</h3>
<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate>
<p class="comment-notes"><span id="email-notes">Deine E-Mail-Adresse wird nicht veröffentlicht.</span> Erforderliche Felder sind mit <span class="required">*</span> markiert</p>
<p class="comment-form-comment"><label for="comment">Kommentar <span class="required">*</span></label><textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p>
<p class="comment-form-author"><label for="author">Name <span class="required">*</span></label><input id="author" name="author" type="text" value="" size="30" maxlength="245" autocomplete="name" required></p>
<p class="comment-form-email"><label for="email">E-Mail <span class="required">*</span></label><input id="email" name="email" type="email" value="" size="30" maxlength="100" autocomplete="email" required></p>
<p class="comment-form-url"><label for="url">Website</label><input id="url" name="url" type="url" value="" size="30" maxlength="200" autocomplete="url"></p>
<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes"><label for="wp-comment-cookies-consent">Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser für die nächste Kommentierung speichern.</label></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Kommentar abschicken"><input type="hidden" name="comment_post_ID" value="42" id="comment_post_ID"><input type="hidden" name="comment_parent" id="comment_parent" value="0"></p>
</form></div></div>
</main></div>
<footer id="colophon" class="site-footer"><div class="site-info"><a href="https://wordpress.org/">Stolz präsentiert von WordPress</a></div></footer></div>
</body></html>`;
}

/** X renders each post inside ~a dozen wrapper divs; this nesting is part of what we measure. */
function nest(depth: number, inner: string): string {
  return `${'<div class="css-175oi2r">'.repeat(depth)}${inner}${'</div>'.repeat(depth)}`;
}

function compact(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)}M`;
  if (n >= 1000) return `${(n / 1000).toFixed(1)}K`;
  return String(n);
}

/** One X post; exported so the incremental benchmark can append more in the page. */
export function tweet(i: number, handle = 'benchacct'): string {
  const id = String(1_800_000_000_000_000_000n + BigInt(i));
  const replies = (i * 7) % 40;
  const reposts = (i * 13) % 300;
  const likes = (i * 31) % 5000;
  const link =
    i % 3 === 0
      ? ` <a href="https://t.co/x${i}" rel="noopener noreferrer nofollow" target="_blank" role="link">shop.example.com/sale?utm_source=x</a>`
      : '';
  const button = (testid: string, count: number, word: string) =>
    `<button aria-label="${count} ${word}. ${word}" role="button" class="css-175oi2r r-1777fci" data-testid="${testid}" type="button">${nest(3, `<span data-testid="app-text-transition-container"><span class="css-1jxf684">${compact(count)}</span></span>`)}</button>`;
  return `<div data-testid="cellInnerDiv" style="transform: translateY(${i * 300}px); position: absolute; width: 100%;">${nest(
    2,
    `<article aria-labelledby="id__${i}" role="article" tabindex="0" class="css-175oi2r r-18u37iz" data-testid="tweet">${nest(
      4,
      `<div data-testid="Tweet-User-Avatar">${nest(3, `<a href="/${handle}" aria-hidden="true" role="link" tabindex="-1"><img alt="" src="data:,"></a>`)}</div>
<div data-testid="User-Name">${nest(2, `<a href="/${handle}" role="link"><span>Bench Account</span></a>`)}${nest(2, `<a href="/${handle}" role="link" tabindex="-1"><span>@${handle}</span></a>`)}<a href="/${handle}/status/${id}" dir="ltr" aria-label="${isoAt(i)}" role="link"><time datetime="${new Date(Date.UTC(2026, 9, 20) - i * 3_600_000).toISOString()}">Oct ${20 - (i % 19)}</time></a></div>
<div lang="de" dir="auto" data-testid="tweetText" class="css-146c3p1"><span>${words(i, 18)}</span>${link}</div>
<div aria-label="${replies} replies, ${reposts} reposts, ${likes} likes" role="group" class="css-175oi2r r-1kbdv8c">${button('reply', replies, 'Replies')}${button('retweet', reposts, 'reposts')}${button('like', likes, 'Likes')}</div>`,
    )}</article>`,
  )}</div>`;
}

// Elements one generated post adds, counted in Chromium on this markup (bench/run.ts prints the
// real count of every page, so a drift here only moves the size, never hides it).
const ELEMENTS_PER_TWEET = 45;
const TIMELINE_FRAME_ELEMENTS = 60;

/** An X profile timeline of about `elements` elements. */
export function timeline(elements: number): string {
  const n = Math.max(1, Math.round((elements - TIMELINE_FRAME_ELEMENTS) / ELEMENTS_PER_TWEET));
  const posts: string[] = [];
  for (let i = 0; i < n; i++) posts.push(tweet(i));
  return `<!DOCTYPE html>
<html dir="ltr" lang="en"><head><meta charset="utf-8"><title>Bench Account (@benchacct) / X</title>
<meta property="og:site_name" content="X (formerly Twitter)"></head>
<body><div id="react-root"><div class="css-175oi2r"><main role="main"><div data-testid="primaryColumn">
<div class="css-175oi2r">${nest(2, '<h2 role="heading"><span>Bench Account</span></h2>')}
<div data-testid="UserName">${nest(2, '<span>Bench Account</span>')}${nest(2, '<span>@benchacct</span>')}</div>
<div data-testid="UserDescription"><span>Wir posten Angebote und News.</span></div>
<div data-testid="UserProfileHeader_Items"><span data-testid="UserJoinDate"><span>Joined March 2011</span></span></div>
<div class="css-175oi2r"><a href="/benchacct/following" role="link"><span><span>812</span></span> <span><span>Following</span></span></a>
<a href="/benchacct/verified_followers" role="link"><span><span>1.2M</span></span> <span><span>Followers</span></span></a></div></div>
<section aria-labelledby="accessible-list-1" role="region"><h1 id="accessible-list-1">Bench Account’s posts</h1>
<div aria-label="Timeline: Bench Account’s posts"><div id="timeline" style="position: relative; min-height: ${n * 300}px;">
${posts.join('\n')}
</div></div></section></div></main></div></div></body></html>`;
}

/** A page that is neither an article nor a profile: a shop's product grid and a data table. */
export function otherPage(elements: number): string {
  const cards = Math.max(1, Math.round((elements - 30) / 8));
  const items: string[] = [];
  for (let i = 0; i < cards; i++) {
    items.push(
      `<li class="product"><a href="/p/${i}"><img alt="" src="data:,"><span class="name">Produkt ${i}</span></a><span class="price">${(i % 90) + 9},99 €</span><button type="button">In den Warenkorb</button></li>`,
    );
  }
  return `<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Alle Produkte – Testshop</title></head>
<body><header><nav><ul><li><a href="/">Start</a></li><li><a href="/kategorien/">Kategorien</a></li><li><a href="/warenkorb/">Warenkorb</a></li></ul></nav>
<form role="search" action="/suche"><input type="search" name="q"><button>Suchen</button></form></header>
<main><h1>Alle Produkte</h1><ul class="products">
${items.join('\n')}
</ul></main><footer><p>© 2026 Testshop · <a href="/impressum/">Impressum</a></p></footer></body></html>`;
}

/** The generated page kinds: the blog post, the X timeline, and the page that is neither. */
export type GeneratedKind = 'blog' | 'timeline' | 'other';
export const GENERATED_KINDS: readonly GeneratedKind[] = ['blog', 'timeline', 'other'];

export const GENERATORS: Record<GeneratedKind, (elements: number) => string> = { blog: blogPost, timeline, other: otherPage };

/**
 * Where each generated page is served (by route, never fetched): the URLs its platform uses, so
 * adapters that look at the host (x.com) take the same path as on the real site.
 */
export const GENERATED_URLS: Record<GeneratedKind, string> = {
  blog: 'https://blog.example/2026/10/dialog/',
  timeline: 'https://x.com/benchacct',
  other: 'https://shop.example/produkte/',
};

export function isGeneratedKind(kind: string): kind is GeneratedKind {
  return (GENERATED_KINDS as readonly string[]).includes(kind);
}
