import { describe, expect, it } from 'vitest';
import { needsAnswer, openQuestions, readCritical } from '../../../src/rules/text/critical';

describe('critical wording (DE/EN)', () => {
  it.each([
    'Leider ist der Download-Link kaputt.',
    'Ich bin ziemlich enttäuscht von dem Beitrag.',
    'Das Rezept funktioniert nicht mit Dinkelmehl.',
    'Bei mir klappt das gar nicht.',
    'Die Zahlen sind falsch.',
    'Das stimmt so nicht.',
    'Ich habe eine Frage zum zweiten Schritt.',
    "Unfortunately the plugin doesn't work with PHP 8.",
    'I am disappointed, this is misleading.',
    'The second formula is wrong.',
    "I'm still waiting for an answer to my email.",
    'Da ist ein Fehler in der Zutatenliste.',
    'Der Link ist veraltet.',
    'I had a problem with the second step.',
  ])('flags %j', (text) => {
    expect(needsAnswer(text)).toBe(true);
  });

  it.each([
    'Vielen Dank für den tollen Beitrag!',
    'Kein Problem, ich warte gern.',
    'Gar nicht schlecht für den Anfang :-)',
    'Great post, thanks for sharing.',
    'Not bad at all.',
    'Nothing wrong with a bit of sugar.',
    'Keine Frage, das mache ich nach.',
    'Es geht nicht um Geld, sondern um Zeit.',
  ])('does not flag %j', (text) => {
    expect(needsAnswer(text)).toBe(false);
  });

  it('matches on word boundaries, umlauts included', () => {
    expect(readCritical('Das war unverschämt teuer').words).toEqual(['unverschämt']);
    // "Fehlerfrei" and "Wrongdoing" are not critical words of their own
    expect(readCritical('Alles fehlerfrei, keine wrongdoing').words).toEqual([]);
  });
});

describe('open questions', () => {
  it('keeps real questions and drops tag questions and short trivia', () => {
    expect(openQuestions('Tolles Rezept, oder? Wo bekomme ich das Mandelmus in Österreich?')).toEqual([
      'Wo bekomme ich das Mandelmus in Österreich?',
    ]);
    expect(openQuestions('Who knew? Right? Why not?')).toEqual([]);
    expect(openQuestions('Wie genial ist das denn?! Was soll ich da noch sagen? How cool is that?')).toEqual([]);
    expect(openQuestions('Can you share the source code for the benchmark?!')).toHaveLength(1);
  });

  it('ignores question marks inside URLs', () => {
    expect(readCritical('Siehe https://example.de/seite?id=3 und danke').questions).toEqual([]);
  });
});
