import { describe, expect, it } from 'vitest';
import { readJargon, wordCount } from '../../../src/rules/text/jargon';

describe('jargon lexicon', () => {
  it("finds the seed's own words, German compounds included", () => {
    const r = readJargon(
      'Sie betreiben Customer Relationship Management, Prozessoptimierung und managen Touchpoints. Prozessoptimierungen überall.',
    );
    expect(r.hits).toBe(5);
    // as written on the page, counted case-insensitively ("Prozessoptimierungen" is a second term)
    expect(r.terms).toContain('Prozessoptimierung');
    expect(r.terms).toContain('Touchpoints');
    expect(r.terms).toContain('Customer Relationship Management');
  });

  it('shows a term as the page first writes it, counting every spelling', () => {
    const r = readJargon('Unser CRM ist toll. Das crm hilft. CRM!');
    expect(r.hits).toBe(3);
    expect(r.terms).toEqual(['CRM']);
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
