import { afterEach, describe, expect, it, vi } from 'vitest';
import bluesky from '../../../src/adapters/social/bluesky';
import instagram from '../../../src/adapters/social/instagram';
import x from '../../../src/adapters/social/x';

/**
 * Saved copies served off the network's host: detect looks at the head and the id map first and
 * walks the page for the network's markup only where those say the network (or say nothing, as in
 * a copied fragment). The early exit on every other page must not walk it (DESIGN.md: < 1 ms).
 */

const OFF_HOST = new URL('http://localhost:8080/saved.html');
const TWEET =
  '<div data-testid="cellInnerDiv"><article data-testid="tweet"><div data-testid="User-Name"><a href="/acme"><span>ACME</span></a><a href="/acme/status/1"><time datetime="2026-01-01T00:00:00.000Z">1 Jan</time></a></div><div data-testid="tweetText">Hallo</div></article></div>';
const FEED_ITEM =
  '<div data-testid="feedItem-by-kiezcafe.bsky.social"><a href="/profile/kiezcafe.bsky.social/post/3k2" data-tooltip="January 5, 2025 at 3:04 PM">1h</a><div data-testid="postText">Hallo</div></div>';

function page(head: string, body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}

afterEach(() => vi.restoreAllMocks());

describe('X saved copies', () => {
  it.each([
    ['its title', '<title>ACME (@acme) / X</title>', ''],
    ['a post title', '<title>ACME on X: "Hallo" / X</title>', ''],
    ['the old title', '<title>ACME (@acme) / Twitter</title>', ''],
    ['og:site_name', '<title>ACME</title><meta property="og:site_name" content="X (formerly Twitter)">', ''],
    ['the canonical link', '<title>ACME</title><link rel="canonical" href="https://twitter.com/acme">', ''],
    ['the #react-root mount', '<title>ACME</title>', 'react-root'],
    ['nothing at all (a copied fragment)', '', ''],
  ])('are detected by %s', (_name, head, mount) => {
    const body = mount ? `<div id="${mount}">${TWEET}</div>` : TWEET;
    expect(x.detect(page(head, body), OFF_HOST)).toBe(0.6);
  });

  it('a titled page that says nothing of X is not walked for tweets', () => {
    const doc = page('<meta charset="utf-8"><title>Alle Produkte – Testshop</title>', TWEET);
    const walk = vi.spyOn(doc, 'querySelector');
    expect(x.detect(doc, OFF_HOST)).toBe(0);
    expect(walk).not.toHaveBeenCalled();
  });

  it('the signs alone are not enough: a saved X page needs a tweet', () => {
    expect(x.detect(page('<title>Log in to X / X</title>', '<main>Anmelden</main>'), OFF_HOST)).toBe(0);
  });
});

describe('Bluesky saved copies', () => {
  it.each([
    ['its title', '<title>Kiez Café (@kiezcafe.bsky.social) — Bluesky</title>'],
    ['og:site_name', '<title>Kiez Café</title><meta property="og:site_name" content="Bluesky Social">'],
    ['the canonical link', '<title>Kiez Café</title><link rel="canonical" href="https://bsky.app/profile/kiezcafe.bsky.social">'],
    ['nothing at all (a copied fragment)', ''],
  ])('are detected by %s', (_name, head) => {
    expect(bluesky.detect(page(head, FEED_ITEM), OFF_HOST)).toBe(0.6);
  });

  it('a titled page that says nothing of Bluesky is not walked for feed items', () => {
    const doc = page('<title>Alle Produkte – Testshop</title>', FEED_ITEM);
    const walk = vi.spyOn(doc, 'querySelector');
    expect(bluesky.detect(doc, OFF_HOST)).toBe(0);
    expect(walk).not.toHaveBeenCalled();
  });
});

describe('Instagram saved copies', () => {
  it('are detected by the app-link meta in the head, and other pages are not walked for it', () => {
    expect(instagram.detect(page('<meta property="al:ios:app_name" content="Instagram">', ''), OFF_HOST)).toBe(0.9);
    const doc = page('<title>Testshop</title>', '<main><p>Produkte</p></main>');
    const walk = vi.spyOn(doc, 'querySelector');
    expect(instagram.detect(doc, OFF_HOST)).toBe(0);
    expect(walk).not.toHaveBeenCalled();
  });
});
