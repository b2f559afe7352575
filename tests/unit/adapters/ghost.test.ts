import { describe, expect, it } from 'vitest';
import ghost from '../../../src/adapters/blog/ghost';
import { loadBlog, runBlog } from './blog-helpers';

describe('ghost adapter', () => {
  it('members-only comments-ui → login-required, thread not in the DOM', () => {
    const run = runBlog('ghost.html', 'https://notes.example/remote-work/');
    expect(run.adapter).toBe('ghost');
    expect(run.facts).toMatchObject({
      commentSystem: 'native',
      commentsState: 'login-required',
      comments: null,
      requiredFields: null,
    });
    expect(run.model?.article).toMatchObject({ title: 'Notes on remote work', published: '2024-02-01T10:00:00.000Z' });
    expect(run.model?.article?.links[0]).toMatchObject({ href: 'https://research.example/remote', internal: false });
  });

  it('needs the Ghost generator', () => {
    expect(ghost.detect(loadBlog('wp-classic-en.html'), new URL('https://devblog.example/x/'))).toBe(0);
  });
});
