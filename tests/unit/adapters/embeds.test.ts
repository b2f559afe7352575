import { describe, expect, it } from 'vitest';
import { detectEmbed } from '../../../src/adapters/_blog/embeds';
import { loadBlog, resolves, runBlog } from './blog-helpers';

const CASES: [file: string, system: string, name: string][] = [
  ['disqus.html', 'disqus', 'Disqus'],
  ['disqus-config-only.html', 'disqus', 'Disqus'],
  ['commento.html', 'commento', 'Commento'],
  ['facebook.html', 'facebook', 'Facebook'],
  ['facebook-xfbml.html', 'facebook', 'Facebook'],
  ['remark42.html', 'remark42', 'remark42'],
  ['giscus.html', 'other', 'giscus'],
  ['utterances.html', 'other', 'utterances'],
  ['hyvor.html', 'other', 'Hyvor Talk'],
  ['isso.html', 'other', 'Isso'],
  ['livefyre.html', 'other', 'Livefyre'],
  ['livefyre-loader-only.html', 'other', 'Livefyre'],
];

describe('comment embeds: the thread lives elsewhere, so comments are null, never guessed', () => {
  it.each(CASES)('%s → %s', (file, system, name) => {
    const run = runBlog(`embeds/${file}`, 'https://mag.example/2024/01/post/');
    expect(run.model?.kind).toBe('article');
    expect(run.facts).toMatchObject({
      commentSystem: system,
      commentsState: 'open',
      requiredFields: null,
      newsletterCheckbox: null,
      comments: null,
      pingbacks: 0,
      authorComments: null,
    });
    const ev = run.model?.comments?.evidence[0];
    expect(ev?.text).toBe(name);
    expect(ev && resolves(run.doc, ev.selector)).not.toBeNull();
  });

  it('works from any platform adapter: Disqus on WordPress stays platform wordpress', () => {
    expect(runBlog('embeds/disqus.html', 'https://mag.example/deals/').adapter).toBe('wordpress');
    expect(runBlog('embeds/remark42.html', 'https://blog.example/p/').adapter).toBe('generic');
  });

  it('finds nothing on a page without an embed', () => {
    expect(detectEmbed(loadBlog('wp-classic-en.html'))).toBeNull();
    expect(detectEmbed(loadBlog('news-jsonld.html'))).toBeNull();
  });
});
