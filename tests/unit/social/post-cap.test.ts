import { describe, expect, it } from 'vitest';
import { MAX_POSTS } from '../../../src/adapters/_social/common';
import bluesky from '../../../src/adapters/bluesky';
import facebook from '../../../src/adapters/facebook';
import instagram from '../../../src/adapters/instagram';
import linkedin from '../../../src/adapters/linkedin';
import mastodon from '../../../src/adapters/mastodon';
import x from '../../../src/adapters/x';
import type { Adapter } from '../../../src/adapters/adapter';
import { factsOf } from '../../../src/judge/facts';
import type { PageModel } from '../../../src/contract';
import { fixture } from './load';

/**
 * Long timelines: the timeline adapters parse the newest MAX_POSTS posts in full and only count
 * the rest. Each case grows a fixture's timeline by cloning one of its posts under new ids (the
 * clone keeps the fixture's markup, so the adapter reads it like the real one).
 */
interface Case {
  adapter: Adapter;
  file: string;
  url: string;
  /** the post cloned (the first match holding templateId), and the id it carries wherever it names it */
  template: string;
  templateId: string;
  /** where the timeline appends posts */
  list: string;
  idAt: (i: number) => string;
}

const CASES: Record<string, Case> = {
  x: {
    adapter: x,
    file: 'x-profile.html',
    url: 'https://x.com/acme',
    template: '[data-testid="cellInnerDiv"]',
    templateId: '1000000000000000001',
    list: 'section[role="region"] > div',
    idAt: (i) => `30000000000${String(i).padStart(8, '0')}`,
  },
  mastodon: {
    adapter: mastodon,
    file: 'mastodon-profile.html',
    url: 'https://social.example/@verlag',
    template: 'article[data-id="333"]',
    templateId: '333',
    list: '.item-list',
    idAt: (i) => `9${String(i).padStart(6, '0')}`,
  },
  bluesky: {
    adapter: bluesky,
    file: 'bluesky-profile.html',
    url: 'https://bsky.app/profile/kiezcafe.bsky.social',
    template: '[data-testid="feedItem-by-kiezcafe.bsky.social"]',
    templateId: '3kghi333',
    list: 'main',
    idAt: (i) => `3gen${i}`,
  },
  facebook: {
    adapter: facebook,
    file: 'facebook-page.html',
    url: 'https://www.facebook.com/baeckerei.beispiel',
    template: 'div[aria-posinset="1"]',
    templateId: 'pfbid02AbCdEf123',
    list: '[role="feed"]',
    idAt: (i) => `pfbid0gen${i}`,
  },
};

/** Appends clones of the case's template post with the ids idAt(from) … idAt(from + n - 1). */
function grow(doc: Document, c: Case, from: number, n: number): string[] {
  const html = [...doc.querySelectorAll(c.template)].find((el) => el.outerHTML.includes(c.templateId))!.outerHTML;
  const ids = Array.from({ length: n }, (_, k) => c.idAt(from + k));
  doc.querySelector(c.list)!.insertAdjacentHTML('beforeend', ids.map((id) => html.replaceAll(c.templateId, id)).join(''));
  return ids;
}

function ids(model: PageModel): string[] {
  return model.social!.posts.map((p) => p.id);
}

describe.each(Object.keys(CASES))('%s: a timeline longer than MAX_POSTS', (name) => {
  const c = CASES[name];
  const url = new URL(c.url);

  it('keeps exactly the newest MAX_POSTS posts and counts every distinct post it showed', () => {
    const doc = fixture(c.file);
    const own = ids(c.adapter.extract(doc, url));
    const added = grow(doc, c, 0, MAX_POSTS + 30);
    // A virtualised list can render a post twice: counted once.
    grow(doc, c, MAX_POSTS + 20, 3);
    const model = c.adapter.extract(doc, url);
    expect(ids(model)).toEqual([...own, ...added].slice(0, MAX_POSTS));
    expect(model.social!.postsSeen).toBe(own.length + MAX_POSTS + 30);
    expect(factsOf(model).visiblePosts).toBe(own.length + MAX_POSTS + 30);
  });

  it('extractMore at the cap adds nothing and keeps postsSeen right as posts are appended', () => {
    const doc = fixture(c.file);
    const own = ids(c.adapter.extract(doc, url));
    grow(doc, c, 0, MAX_POSTS);
    const first = c.adapter.extract(doc, url);
    expect(ids(first)).toHaveLength(MAX_POSTS);
    const seen = own.length + MAX_POSTS;
    expect(first.social!.postsSeen).toBe(seen);
    grow(doc, c, MAX_POSTS, 20);
    grow(doc, c, 5, 1);
    const more = c.adapter.extractMore!(doc, url, first);
    expect(ids(more)).toEqual(ids(first));
    expect(more.social!.postsSeen).toBe(seen + 20);
    // Nothing new: the count stays.
    const again = c.adapter.extractMore!(doc, url, more);
    expect(again.social!.postsSeen).toBe(seen + 20);
    // A virtualised list drops the last post read and renders new ones: all of them still count.
    const list = doc.querySelector(c.list)!;
    list.lastElementChild!.remove();
    grow(doc, c, MAX_POSTS + 20, 4);
    const recycled = c.adapter.extractMore!(doc, url, again);
    expect(ids(recycled)).toEqual(ids(first));
    expect(recycled.social!.postsSeen).toBe(seen + 24);
    // A model that went through a copy (storage, messaging) keeps at least its count.
    grow(doc, c, MAX_POSTS + 24, 4);
    const copied = c.adapter.extractMore!(doc, url, structuredClone(recycled));
    expect(ids(copied)).toEqual(ids(first));
    expect(copied.social!.postsSeen).toBeGreaterThanOrEqual(seen + 28);
  });

  it('fills up to the cap incrementally, then counts', () => {
    const doc = fixture(c.file);
    const own = ids(c.adapter.extract(doc, url));
    const early = grow(doc, c, 0, MAX_POSTS - own.length - 10);
    const first = c.adapter.extract(doc, url);
    expect(first.social!.postsSeen).toBeUndefined();
    const late = grow(doc, c, 1000, 30);
    const more = c.adapter.extractMore!(doc, url, first);
    expect(ids(more)).toEqual([...own, ...early, ...late.slice(0, 10)]);
    expect(more.social!.postsSeen).toBe(MAX_POSTS + 20);
  });

  it('extracts a timeline below the cap in full, without postsSeen', () => {
    const doc = fixture(c.file);
    const own = ids(c.adapter.extract(doc, url));
    const added = grow(doc, c, 0, 40);
    const model = c.adapter.extract(doc, url);
    expect(ids(model)).toEqual([...own, ...added]);
    expect('postsSeen' in model.social!).toBe(false);
    expect(factsOf(model).visiblePosts).toBe(own.length + 40);
  });
});

describe('posts beyond the cap', () => {
  /** A reply button without an exact count anywhere and an unreadable number: parsing reports it. */
  function unreadableReply(button: Element): void {
    button.closest('[role="group"]')!.removeAttribute('aria-label');
    button.setAttribute('aria-label', 'Reply');
    button.textContent = '1.2.3K';
  }

  it('are not parsed: an unreadable count there is never reported', () => {
    const c = CASES.x;
    const doc = fixture(c.file);
    grow(doc, c, 0, MAX_POSTS + 5);
    const buttons = doc.querySelectorAll('[data-testid="reply"]');
    unreadableReply(buttons[buttons.length - 1]);
    expect(x.extract(doc, new URL(c.url)).social!.unreadable).toEqual([]);
    // The same button inside the cap is parsed and reported.
    unreadableReply(buttons[1]);
    expect(x.extract(doc, new URL(c.url)).social!.unreadable).toEqual(['reply:1.2.3K']);
  });
});

describe('grids and feeds without extractMore', () => {
  it('Instagram keeps the first MAX_POSTS tiles and counts every distinct tile', () => {
    const doc = fixture('instagram-profile-de.html');
    const url = new URL('https://www.instagram.com/stadtbaeckerei/');
    const own = ids(instagram.extract(doc, url));
    const added = Array.from({ length: MAX_POSTS + 7 }, (_, i) => `Cgen${i}`);
    doc
      .querySelector('main')!
      .insertAdjacentHTML('beforeend', added.map((id) => `<a href="/p/${id}/"><img alt="Tile ${id}" src="data:,"></a>`).join(''));
    const model = instagram.extract(doc, url);
    expect(ids(model)).toEqual([...own, ...added].slice(0, MAX_POSTS));
    expect(model.social!.postsSeen).toBe(own.length + MAX_POSTS + 7);
    expect('postsSeen' in instagram.extract(fixture('instagram-profile-de.html'), url).social!).toBe(false);
  });

  it('LinkedIn keeps the first MAX_POSTS cards and counts every distinct card', () => {
    const doc = fixture('linkedin-company.html');
    const url = new URL('https://de.linkedin.com/company/muster');
    const own = ids(linkedin.extract(doc, url));
    const card = doc.querySelector('[data-activity-urn]')!.closest('li')!.outerHTML;
    const added = Array.from({ length: MAX_POSTS + 7 }, (_, i) => `72000000000${String(i).padStart(8, '0')}`);
    doc
      .querySelector('section.updates ul')!
      .insertAdjacentHTML(
        'beforeend',
        added.map((id) => card.replaceAll('7100000000000000001', id)).join('') +
          card.replaceAll('7100000000000000001', added[MAX_POSTS]),
      );
    const model = linkedin.extract(doc, url);
    expect(ids(model)).toEqual([...own, ...added].slice(0, MAX_POSTS));
    expect(model.social!.postsSeen).toBe(own.length + MAX_POSTS + 7);
    expect('postsSeen' in linkedin.extract(fixture('linkedin-company.html'), url).social!).toBe(false);
  });
});
