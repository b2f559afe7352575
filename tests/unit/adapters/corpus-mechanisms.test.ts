import { describe, expect, it } from 'vitest';
import { runBlog } from './blog-helpers';

// General mechanisms found missing on the development corpus (corpus/, issue 11); each fixture
// follows the markup of the real page named in its header comment.
describe('comment lists: the thread of this post, whatever its classes', () => {
  it('counts `li#comment-N` items of `ol.commentlist` that carry no comment class, never the widget', () => {
    const run = runBlog('corpus/wp-kubrick-unclassed-de.html', 'https://blog.example/2012/12/30/mobil-1998/');
    expect(run.adapter).toBe('wordpress');
    expect(run.facts).toMatchObject({ commentSystem: 'native', commentsState: 'open', comments: 2, pingbacks: 0, requiredFields: 2 });
    expect(run.model?.comments?.comments?.map((c) => c.author)).toEqual(['Michael H.', 'Andrew']);
  });
});
