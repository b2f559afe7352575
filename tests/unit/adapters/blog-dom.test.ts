import { describe, expect, it } from 'vitest';
import { commentThreads, queryAllOutside } from '../../../src/adapters/_blog/dom';

describe('queryAllOutside', () => {
  it('finds matches around the comment thread in document order, never inside it', () => {
    document.body.innerHTML = `
      <div class="shariff" id="top"><span class="shariff" id="nested"></span></div>
      <main><p class="shariff" id="in-main"></p>
        <ol class="comment-list"><li class="comment"><div class="shariff" id="reader"></div></li></ol>
        <p class="shariff" id="after-thread"></p></main>
      <footer class="shariff" id="footer"></footer>`;
    const threads = commentThreads(document);
    expect(threads).toHaveLength(1);
    const ids = queryAllOutside(document.documentElement, '.shariff', threads).map((e) => e.id);
    expect(ids).toEqual(['top', 'nested', 'in-main', 'after-thread', 'footer']);
  });

  it('is the plain query where there is no thread', () => {
    document.body.innerHTML = '<p class="a" id="one"></p><div><b class="a" id="two"></b></div>';
    expect(queryAllOutside(document.documentElement, '.a', []).map((e) => e.id)).toEqual(['one', 'two']);
  });
});
