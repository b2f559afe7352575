import { describe, expect, it } from 'vitest';
import rule, { READ_HEAD_CHARS, THIN_FLOOR } from '../../../src/rules/critical-unanswered';
import type { Comment } from '../../../src/contract';
import { article, comment, ctx, NOW, reply } from './_builders';

const withComments = (comments: Comment[]) => article({ comments: { comments } });

describe('critical-unanswered', () => {
  it('is n/a without critical comments or questions', () => {
    expect(rule.judge(withComments([comment('Schöner Beitrag, danke!'), comment('Great post.')]), ctx())).toBeNull();
    expect(rule.judge(article({ comments: { comments: null, form: null, system: 'disqus' } }), ctx())).toBeNull();
  });

  it('fails on two unanswered critical comments (German) and lists them as evidence', () => {
    const a = comment('Leider funktioniert der Link zum Download nicht.');
    const b = comment('Ich bin enttäuscht, die Zahlen im zweiten Absatz sind falsch.');
    const r = rule.judge(withComments([a, comment('Danke!'), b]), ctx());
    expect(r?.verdict).toBe('fail');
    expect(r?.detail).toEqual([2, 2]);
    expect(r?.evidence).toEqual([a.evidence, b.evidence]);
  });

  it('fails on unanswered English complaints and open questions', () => {
    const r = rule.judge(
      withComments([
        comment("Unfortunately the script doesn't work on Windows."),
        comment('Which version of Node did you use for this?'),
      ]),
      ctx(),
    );
    expect(r?.verdict).toBe('fail');
    expect(r?.detail).toEqual([2, 2]);
  });

  it('passes when the author answered the criticism', () => {
    const r = rule.judge(
      withComments([
        comment('Das stimmt so nicht, die Studie ist von 2019.'),
        reply('Danke, ist korrigiert.'),
        comment('Warum erwähnen Sie die Gegenposition nicht?'),
        reply('Gute Frage, ich ergänze das.'),
      ]),
      ctx(),
    );
    expect(r?.verdict).toBe('pass');
    expect(r?.detail).toEqual([0, 2]);
  });

  it('stops at a warn with a single unanswered one: one lexicon hit is thin evidence', () => {
    const r = rule.judge(withComments([comment('Leider klappt das bei mir nicht.')]), ctx());
    expect(r?.score).toBe(THIN_FLOOR);
    expect(r?.verdict).toBe('warn');
  });

  it('ignores rhetorical trivia and benign phrases', () => {
    const trivia = [
      comment('Tolles Rezept, oder?'),
      comment('Wer kennt das nicht?'),
      comment('Great recipe, right?'),
      comment('Kein Problem, ich probiere es morgen.'),
      comment('Not bad at all!'),
      comment('Who knew?'),
    ];
    expect(rule.judge(withComments(trivia), ctx())).toBeNull();
  });

  it('reads the start and the end of a long comment, not the middle', () => {
    const middle = 'Das ist falsch. ';
    const padding = 'bla '.repeat(READ_HEAD_CHARS);
    expect(rule.judge(withComments([comment(`${padding}${middle}${padding}`)]), ctx())).toBeNull();
    expect(rule.judge(withComments([comment(`${padding}${padding}Können Sie das genauer erklären?`)]), ctx())).not.toBeNull();
    expect(rule.judge(withComments([comment(`Das ist falsch. ${padding}${padding}`)]), ctx())).not.toBeNull();
  });

  it('ignores the author’s own questions and critical comments younger than the grace period', () => {
    const fresh = new Date(NOW - 3_600_000).toISOString();
    const r = rule.judge(
      withComments([
        reply('Was meinen Sie dazu, liebe Leser?', { depth: 0 }),
        comment('Das ist leider falsch.', { date: fresh }),
      ]),
      ctx(),
    );
    expect(r).toBeNull();
  });
});
