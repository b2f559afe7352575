import { describe, expect, it } from 'vitest';
import medium from '../../../src/adapters/blog/medium';
import { loadBlog, runBlog } from './blog-helpers';

describe('medium adapter', () => {
  it('detected by its app-link metas on a custom domain; responses need an account', () => {
    const run = runBlog('medium.html', 'https://blog.sam.example/what-i-learned-1a2b3c');
    expect(run.adapter).toBe('medium');
    expect(run.facts).toMatchObject({ commentSystem: 'native', commentsState: 'login-required', comments: null });
    expect(run.model?.article).toMatchObject({ author: 'Sam Writer', published: '2023-09-12T07:01:02.123Z' });
  });

  it('claims medium.com articles by host and nothing else without its metas', () => {
    expect(medium.detect(loadBlog('medium.html'), new URL('https://medium.com/@sam/what-i-learned-1a2b3c'))).toBeGreaterThan(0);
    expect(medium.detect(loadBlog('news-jsonld.html'), new URL('https://www.citytimes.example/x'))).toBe(0);
  });
});
