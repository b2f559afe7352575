import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/storage/canonical';

describe('canonicalUrl: what the history keeps of a URL', () => {
  it.each([
    // tracking and session parameters, search terms and fragments go
    ['https://blog.example/2024/03/post/?utm_source=newsletter&utm_medium=mail#comments', 'https://blog.example/2024/03/post/'],
    [
      'https://www.spiegel.de/netzwelt/artikel-a-123.html?sara_ref=re-so-app-sh',
      'https://www.spiegel.de/netzwelt/artikel-a-123.html',
    ],
    ['https://x.com/someone?s=20&t=abc', 'https://x.com/someone'],
    ['https://blog.example/?s=kündigung+hotline', 'https://blog.example/'],
    ['https://user:secret@blog.example/post/', 'https://blog.example/post/'],
    // a query that names the post stays: WordPress plain permalinks, Facebook numeric profiles and posts
    ['https://blog.example/?p=123&utm_source=x', 'https://blog.example/?p=123'],
    ['https://blog.example/index.php?page_id=45#respond', 'https://blog.example/index.php?page_id=45'],
    [
      'https://www.facebook.com/profile.php?id=100064123456789&sk=about',
      'https://www.facebook.com/profile.php?id=100064123456789',
    ],
    [
      'https://m.facebook.com/story.php?story_fbid=pfbid02abc&id=100064123456789&mibextid=Nif5oz',
      'https://m.facebook.com/story.php?story_fbid=pfbid02abc&id=100064123456789',
    ],
    // only on the paths that use it: ?p= elsewhere is not a post id
    ['https://shop.example/list?p=2', 'https://shop.example/list'],
    // a value that is no id (a long or free text) is not kept
    [`https://blog.example/?p=${'x'.repeat(60)}`, 'https://blog.example/'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it('an unparsable URL still loses everything after ? or #', () => {
    expect(canonicalUrl('not a url?token=1#x')).toBe('not a url');
  });
});
