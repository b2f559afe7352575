import { describe, expect, it } from 'vitest';
import { runBlog } from './blog-helpers';

describe('wordpress-com adapter: highlander form with identity chooser (German)', () => {
  const run = runBlog('wpcom-identity.html', 'https://wanderblog.wordpress.com/2016/07/09/herbst/');

  it('claims WordPress.com over self-hosted WordPress', () => {
    expect(run.adapter).toBe('wordpress-com');
    expect(run.model?.platform).toBe('wordpress-com');
  });

  it('counts "(erforderlich)" labels as required and Jetpack subscription boxes as newsletter', () => {
    expect(run.facts).toMatchObject({
      commentSystem: 'native',
      commentsState: 'open',
      requiredFields: 2,
      newsletterCheckbox: 'prechecked',
      comments: 1,
      pingbacks: 2,
      authorComments: 0,
    });
    const boxes = run.model?.comments?.form?.fields.filter((f) => f.kind === 'newsletter');
    expect(boxes?.map((b) => [b.name, b.checked])).toEqual([
      ['subscribe', true],
      ['subscribe_blog', false],
    ]);
  });

  it('reads pingbacks without id or depth, and the comment with its German date', () => {
    const [comment, ...pings] = run.model?.comments?.comments ?? [];
    expect(comment).toMatchObject({ author: 'Hawey', kind: 'comment', date: '2016-07-10T08:12:00.000Z' });
    expect(pings.map((p) => p.kind)).toEqual(['pingback', 'pingback']);
  });
});

describe('Jetpack comments on self-hosted WordPress', () => {
  it('form in the Jetpack iframe: system jetpack, form null, native list still counted', () => {
    const run = runBlog('jetpack-iframe.html', 'https://swim.example/einheit/');
    expect(run.adapter).toBe('wordpress');
    expect(run.facts).toMatchObject({
      commentSystem: 'jetpack',
      commentsState: 'open',
      requiredFields: null,
      newsletterCheckbox: null,
      comments: 1,
    });
    expect(run.model?.comments?.form).toBeNull();
    expect(run.model?.comments?.evidence[0].selector).toBe('#jetpack_remote_comment');
  });
});
