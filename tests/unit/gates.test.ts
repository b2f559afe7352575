import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Window as HappyWindow } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADAPTERS, pickAdapter } from '../../src/adapters';
import type { Adapter } from '../../src/adapters/adapter';
import { BLOG_ADAPTERS } from '../../src/adapters/blog';
import { byPriority, pickFrom } from '../../src/adapters/registry';
import { SOCIAL_ADAPTERS } from '../../src/adapters/social';
import { mayBeBlog, mayBeSocial } from '../../src/adapters/gates';
import { chromeMock } from './setup';

/**
 * The content script loads an adapter family only where its gate says so (src/content/run.ts).
 * A gate that misses a page its family's adapters would detect silently stops auditing those
 * pages, so: every adapter is in exactly one family, and on every fixture at every URL an adapter
 * could see, each gate is a superset of its family's detects and the gated pick is the pick of
 * the whole registry. Random pages mixing all markers check the combinations fixtures lack.
 */

const FAMILIES: Record<'blog' | 'social', { adapters: readonly Adapter[]; gate: (doc: Document, url: URL) => boolean }> = {
  blog: { adapters: BLOG_ADAPTERS, gate: mayBeBlog },
  social: { adapters: SOCIAL_ADAPTERS, gate: mayBeSocial },
};

/** What run.ts does: the families whose gate says yes, merged in registry order, then the pick. */
function gatedPick(doc: Document, url: URL): Adapter | null {
  const candidates = Object.values(FAMILIES).flatMap((f) => (f.gate(doc, url) ? f.adapters : []));
  return pickFrom(byPriority(candidates), doc, url);
}

/** Where a page may be served: saved copies on localhost, each platform's own hosts and paths. */
const URLS = [
  'http://127.0.0.1:8080/fixture.html',
  'http://localhost/saved.html',
  'https://blog.example/2024/05/ein-beitrag.html',
  'https://blog.example/ein-beitrag/',
  'https://beispiel.blogspot.com/2024/05/ein-beitrag.html',
  'https://beispiel.blogspot.de/',
  'https://beispiel.wordpress.com/2024/05/01/ein-beitrag/',
  'https://medium.com/@autorin/ein-beitrag-123',
  'https://beispiel.substack.com/p/ein-beitrag',
  'https://x.com/kiezcafe',
  'https://twitter.com/kiezcafe/status/1234567890',
  'https://www.facebook.com/baeckerei.beispiel',
  'https://bsky.app/profile/kiezcafe.bsky.social',
  'https://www.instagram.com/alpen.huette/',
  'https://de.linkedin.com/company/muster',
  'https://www.linkedin.com/pulse/ein-artikel',
  'https://social.example/@verlag',
].map((u) => new URL(u));

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return htmlFiles(path);
    return e.name.endsWith('.html') ? [path] : [];
  });
}

function parse(html: string): Document {
  const window = new HappyWindow({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const FIXTURES = [...htmlFiles('tests/fixtures'), ...htmlFiles('tests/e2e/fixtures')];

describe('adapter families', () => {
  it('the registry is the folder: every file of a family folder is one adapter of that family, and no adapter lives elsewhere', () => {
    const filesOf = (dir: string) =>
      readdirSync(join('src/adapters', dir))
        .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
        .map((f) => f.replace(/\.ts$/, ''))
        .sort();
    expect(BLOG_ADAPTERS.map((a) => a.id).sort()).toEqual(filesOf('blog'));
    expect(SOCIAL_ADAPTERS.map((a) => a.id).sort()).toEqual(filesOf('social'));
    expect(filesOf('blog').length + filesOf('social').length).toBe(ADAPTERS.length);
    // beside the family folders only the shared plumbing: no adapter outside a family
    expect(filesOf('.')).toEqual(['adapter', 'dom', 'gates', 'registry']);
  });

  it('keeps registry order within each family', () => {
    for (const { adapters } of Object.values(FAMILIES)) {
      expect(adapters).toEqual(ADAPTERS.filter((a) => adapters.includes(a)));
    }
  });
});

describe('gates on every fixture', () => {
  it('found the fixtures (the walk itself works)', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(40);
    expect(FIXTURES.some((f) => f.includes('/social/'))).toBe(true);
    expect(FIXTURES.some((f) => f.includes('/blog/'))).toBe(true);
    expect(FIXTURES.some((f) => f.includes('/demo/'))).toBe(true);
  });

  it.each(FIXTURES)('%s: each gate is a superset of its family, and the gated pick is the registry pick', (file) => {
    const doc = parse(readFileSync(file, 'utf8'));
    for (const url of URLS) {
      for (const [family, { adapters, gate }] of Object.entries(FAMILIES)) {
        const detecting = adapters.filter((a) => a.detect(doc, url) > 0).map((a) => a.id);
        if (detecting.length > 0) expect(gate(doc, url), `${family} gate at ${url.href} (detected by ${detecting})`).toBe(true);
      }
      expect(gatedPick(doc, url)?.id ?? null, url.href).toBe(pickAdapter(doc, url)?.id ?? null);
    }
  });

  it('says no where nothing is ours: most of the web loads neither family', () => {
    const url = new URL('http://localhost/saved.html');
    for (const file of [
      'tests/fixtures/blog/not-article.html',
      'tests/fixtures/demo/shop.html',
      'tests/e2e/fixtures/plain.html',
    ]) {
      const doc = parse(readFileSync(file, 'utf8'));
      expect([mayBeBlog(doc, url), mayBeSocial(doc, url)], file).toEqual([false, false]);
    }
  });

  it('each gate says yes on its own family’s pages and not on the other’s', () => {
    const local = new URL('http://localhost/saved.html');
    const wp = parse(readFileSync('tests/fixtures/blog/wp-de-open.html', 'utf8'));
    const mastodon = parse(readFileSync('tests/fixtures/social/mastodon-profile.html', 'utf8'));
    expect([mayBeBlog(wp, local), mayBeSocial(wp, local)]).toEqual([true, false]);
    expect(mayBeSocial(mastodon, new URL('https://social.example/@verlag'))).toBe(true);
    expect(mayBeSocial(parse('<html><body><p>x</p></body></html>'), new URL('https://www.facebook.com/x'))).toBe(true);
  });
});

describe('gates on random pages', () => {
  const HEAD = [
    '<meta property="og:type" content="article">',
    '<meta property="og:type" content="website">',
    '<meta property="og:type" content="profile">',
    '<meta name="generator" content="WordPress 6.5">',
    '<meta name="generator" content="WordPress.com">',
    '<meta name="generator" content="Blogger">',
    '<meta name="generator" content="Ghost 5.80">',
    '<meta property="al:ios:app_name" content="Instagram">',
    '<meta property="al:ios:app_name" content="Medium">',
    '<meta property="al:android:package" content="com.medium.reader">',
    '<link rel="https://api.w.org/" href="/wp-json/">',
    '<link rel="stylesheet" href="https://substackcdn.com/a.css">',
    '<script type="application/ld+json">{"@type":"BlogPosting"}</script>',
    '<title>ACME (@acme) / X</title>',
    '<title>Kiezcafé (@kiezcafe.bsky.social) — Bluesky</title>',
    '<title>Alle Produkte – Testshop</title>',
    '<meta property="og:site_name" content="Bluesky Social">',
    '<meta property="og:site_name" content="X (formerly Twitter)">',
    '<link rel="canonical" href="https://twitter.com/acme">',
  ];
  const BODY_CLASSES = ['single', 'postid-7', 'page', 'home', 'archive', 'post-body', 'h-entry', ''];
  const BODY = [
    '<div id="comments"></div>',
    '<div id="respond"><form action="/wp-comments-post.php"></form></div>',
    '<div id="mastodon"></div>',
    '<div id="react-root"></div>',
    '<div id="comment-form-identity"></div>',
    '<div class="highlander-comment"></div>',
    '<div class="comments-area"></div>',
    '<div class="post-body"></div>',
    '<div class="h-entry"><div class="e-content">x</div></div>',
    '<article data-testid="tweet"></article>',
    '<div data-testid="feedItem-by-kiez.bsky.social"></div>',
    '<div data-testid="profileHeaderFollowersButton"></div>',
    '<div id="comment-editor"></div>',
    '<p>Nur Text.</p>',
  ];
  const page = fc.record({
    head: fc.subarray(HEAD),
    bodyClass: fc.subarray(BODY_CLASSES),
    body: fc.subarray(BODY),
    url: fc.constantFrom(...URLS),
  });

  it('each gate is a superset of its family, and the gated pick is the registry pick', () => {
    fc.assert(
      fc.property(page, ({ head, bodyClass, body, url }) => {
        const doc = parse(
          `<html><head>${head.join('')}</head><body class="${bodyClass.join(' ')}">${body.join('')}</body></html>`,
        );
        for (const { adapters, gate } of Object.values(FAMILIES)) {
          if (adapters.some((a) => a.detect(doc, url) > 0)) expect(gate(doc, url)).toBe(true);
        }
        expect(gatedPick(doc, url)?.id ?? null).toBe(pickAdapter(doc, url)?.id ?? null);
      }),
      { numRuns: 300 },
    );
    // each run parses a page: generous for a loaded CI machine (~1.5 s on an idle one)
  }, 60_000);
});

describe('content script loads a family only behind its gate', () => {
  afterEach(() => {
    (globalThis as Record<string, unknown>).__howsocialContent = undefined;
  });

  /** Starts the content script and asks for a model; records which families it asked the worker to inject. */
  async function auditWithRecordedImports(head: string, body: string): Promise<{ loaded: string[]; kind: string }> {
    vi.resetModules();
    document.head.innerHTML = head;
    document.body.innerHTML = body;
    const chrome = chromeMock();
    const { startContent } = await import('../../src/content/run');
    startContent(window as Window & typeof globalThis);
    const listener = chrome.runtime.onMessage.listeners[0] as unknown as (
      m: unknown,
      s: unknown,
      r: (x: unknown) => void,
    ) => boolean;
    const res = await new Promise<{ model: { kind: string } }>((resolve) => {
      listener({ type: 'run-audit' }, { id: chrome.runtime.id }, resolve as (x: unknown) => void);
    });
    const loaded = chrome.runtime.sendMessage.mock.calls
      .map(([m]) => m as { type: string; family?: string })
      .filter((m) => m.type === 'load-adapters')
      .map((m) => m.family!);
    return { loaded, kind: res.model.kind };
  }

  it('loads no adapter family on a page both gates reject', async () => {
    const { loaded, kind } = await auditWithRecordedImports('<title>Shop</title>', '<main><h1>Gartengeräte</h1></main>');
    expect(loaded).toEqual([]);
    expect(kind).toBe('other');
  });

  it('loads only the blog family on an article, and reads it', async () => {
    const { loaded, kind } = await auditWithRecordedImports(
      '<meta property="og:type" content="article"><title>Beitrag</title>',
      '<article><h1>Beitrag</h1><p>Text</p></article><div id="comments"><p class="no-comments">Kommentare sind geschlossen.</p></div>',
    );
    expect(loaded).toEqual(['blog']);
    expect(kind).toBe('article');
  });

  it('loads only the social family on a Mastodon page', async () => {
    const { loaded } = await auditWithRecordedImports('<title>Verlag</title>', '<div id="mastodon"></div>');
    expect(loaded).toEqual(['social']);
  });
});
