import { describe, expect, it } from 'vitest';
import substack from '../../../src/adapters/blog/substack';
import { loadBlog, runBlog } from './blog-helpers';

describe('substack adapter', () => {
  it('custom domain detected by substackcdn assets; comments need a subscriber account', () => {
    const run = runBlog('substack.html', 'https://quiet.example/p/issue-42');
    expect(run.adapter).toBe('substack');
    expect(run.facts).toMatchObject({ commentSystem: 'native', commentsState: 'login-required', comments: null });
    expect(run.model?.article?.text).toBe('This week: small websites.');
  });

  it('does not claim other articles', () => {
    expect(substack.detect(loadBlog('ghost.html'), new URL('https://notes.example/remote-work/'))).toBe(0);
  });
});
