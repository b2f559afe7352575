import { describe, expect, it } from 'vitest';
import { wpComments } from '../../../src/adapters/_blog/comments-wp';

/**
 * A comment's roles (author, date, text) come from its own elements, never from inside what the
 * commenter wrote: a quote's <cite> is not the comment's author, a <time> in the text not its date.
 * Shape: WordPress's comment_class() item with a theme's own author line (no `fn`), the date link
 * in `.comment-meta` as twentytwenty prints it; German text.
 */
const THREAD = `
<ol class="comment-list">
  <li id="comment-41" class="comment even thread-even depth-1">
    <article id="div-comment-41" class="comment-body">
      <div class="comment-content">
        <p>Wie <cite>Goethe</cite> schon schrieb: „Es irrt der Mensch, solang er strebt.“
           Das galt auch <time datetime="1999-01-01T00:00:00+00:00">damals</time>.</p>
      </div>
      <footer class="comment-meta">
        <b>Anna Berger</b>
        <a href="https://blog.example/2024/05/post/#comment-41">2. Mai 2024 um 10:00 Uhr</a>
      </footer>
    </article>
  </li>
  <li id="comment-42" class="comment odd alt thread-odd depth-1">
    <article id="div-comment-42" class="comment-body">
      <footer class="comment-meta">
        <cite>Bernd</cite>
        <a href="https://blog.example/2024/05/post/#comment-42"><time datetime="2024-05-03T08:15:00+00:00">3. Mai 2024</time></a>
      </footer>
      <div class="comment-content"><p>Danke für den Beitrag!</p></div>
    </article>
  </li>
</ol>`;

describe('the roles of a WordPress comment', () => {
  it('takes no author or date from inside the comment text', () => {
    document.body.innerHTML = THREAD;
    const { comments } = wpComments(document);
    expect(comments).toHaveLength(2);
    const [anna, bernd] = comments;
    expect(anna.text).toContain('Goethe schon schrieb');
    // not "Goethe" (a <cite> in the text); the theme's <b> is no author role: no author rather than a wrong one
    expect(anna.author).toBe('');
    // the date link in the meta block, not the <time> in the text
    expect(anna.date?.slice(0, 10)).toBe('2024-05-02');
    expect(bernd.author).toBe('Bernd');
    expect(bernd.date?.slice(0, 10)).toBe('2024-05-03');
  });
});
