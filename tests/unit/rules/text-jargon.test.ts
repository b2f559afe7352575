import { describe, expect, it } from 'vitest';
import { readJargon, wordCount } from '../../../src/rules/text/jargon';

describe('jargon lexicon', () => {
  it("finds the seed's own words, German compounds included", () => {
    const r = readJargon(
      'Sie betreiben Customer Relationship Management, Prozessoptimierung und managen Touchpoints. Prozessoptimierungen überall.',
    );
    expect(r.hits).toBe(5);
    expect(r.terms).toContain('prozessoptimierung');
    expect(r.terms).toContain('touchpoints');
  });

  it('finds English business talk', () => {
    expect(readJargon('We leverage synergies along the customer journey to move the needle.').hits).toBe(4);
  });

  it('does not match inside ordinary words', () => {
    expect(readJargon('Der Kroi-Verlag, Troika, Synergetik? Nein: Hallo Leute.').hits).toBe(0);
  });

  it('counts words with umlauts and digits', () => {
    expect(wordCount('Größe 3 – über 2.000 Wörter!')).toBe(5);
  });
});
