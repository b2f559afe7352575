import { describe, expect, it } from 'vitest';
import { auditOf } from '../../../src/judge/audit';
import { article, comment, ctx, daysAgo, field, form, reply } from './_builders';

/**
 * The weights are chosen so the page score means something (Lighthouse bands: red < 50,
 * orange < 90, green ≥ 90). These pages are the seed's own examples, judged by the whole catalogue.
 */
describe('blog page scores', () => {
  it('a post where the author talks with readers is green', () => {
    const m = article({
      article: { published: daysAgo(20) },
      comments: {
        comments: [
          comment('Tolle Idee!', { date: daysAgo(10) }),
          reply('Danke!', { date: daysAgo(9) }),
          comment('Leider klappt der zweite Schritt bei mir nicht.', { date: daysAgo(8) }),
          reply('Probieren Sie es mit weniger Wasser.', { date: daysAgo(8) }),
          comment('Gibt es das auch auf Englisch?', { date: daysAgo(5) }),
          reply('Ja, hier entlang.', { date: daysAgo(4) }),
        ],
      },
    });
    const audit = auditOf(m, ctx());
    expect(audit.band).toBe('green');
  });

  it('seed 000 #1–#3: closed comments nobody answered are red', () => {
    const m = article({
      article: { published: daysAgo(20), shareButtons: [{ selector: '.share', text: 'Teilen' }] },
      comments: {
        state: 'closed',
        form: null,
        comments: [comment('Das ist leider falsch.'), comment('Warum gehen Sie nicht auf die Kritik ein?'), comment('Hallo?')],
      },
    });
    expect(auditOf(m, ctx()).band).toBe('red');
  });

  it('seed 000 #2: an open form with many required fields and a forced newsletter is not green', () => {
    const m = article({
      article: { published: daysAgo(20) },
      comments: {
        form: form([
          field('other', { required: true, label: 'Firma' }),
          field('other', { required: true, label: 'Telefon' }),
          field('newsletter', { required: true, label: 'Newsletter abonnieren' }),
        ]),
      },
    });
    const audit = auditOf(m, ctx());
    expect(audit.score).not.toBeNull();
    expect(audit.band).not.toBe('green');
  });

  it('a news article without any comment section is orange: a warn, not a red alarm', () => {
    // nytimes/correctiv pattern: no comments, no form, no notice; comments-closed alone applies
    const audit = auditOf(article({ comments: null }), ctx());
    expect(audit.band).toBe('orange');
  });
});
