import { describe, expect, it } from 'vitest';
import rule, { MIN_LINKS, MIN_LINKS_FOR_FAIL, ONE_WAY_SCORE, THIN_SCORE } from '../../../src/rules/one-way-links';
import type { Link } from '../../../src/contract';
import { article, ctx } from './_builders';

const own = (path: string): Link => ({ href: `https://blog.example.de/${path}`, internal: true, text: path });
const other = (host: string): Link => ({ href: `https://${host}/artikel`, internal: false, text: host });
const withLinks = (links: Link[]) => article({ article: { links } });
const owns = (n: number) => Array.from({ length: n }, (_, i) => own(`p${i}`));

describe('one-way-links', () => {
  it(`fails when ${MIN_LINKS_FOR_FAIL}+ distinct body links all stay on the own site`, () => {
    const r = rule.judge(withLinks(owns(MIN_LINKS_FOR_FAIL)), ctx());
    expect(r?.score).toBe(ONE_WAY_SCORE);
    expect(r?.verdict).toBe('fail');
    expect(r?.detail).toEqual([0, MIN_LINKS_FOR_FAIL]);
  });

  it('only warns with few links, all internal', () => {
    const r = rule.judge(withLinks(owns(MIN_LINKS_FOR_FAIL - 1)), ctx());
    expect(r?.score).toBe(THIN_SCORE);
    expect(r?.verdict).toBe('warn');
  });

  it('passes when one link in five points to someone else', () => {
    const r = rule.judge(withLinks([...owns(4), other('netzpolitik.org')]), ctx());
    expect(r?.verdict).toBe('pass');
    expect(r?.detail).toEqual([1, 5]);
  });

  it('warns, never fails, when some links go out but few', () => {
    const r = rule.judge(withLinks([...owns(19), other('example.org')]), ctx());
    expect(r?.verdict).toBe('warn');
  });

  it('counts distinct web links only: anchors, duplicates, mailto: and tel: are not links to anyone', () => {
    const links: Link[] = [
      own('a'),
      own('a#kommentare'),
      own('a'),
      own('b'),
      { href: 'mailto:info@example.de', internal: false, text: 'Mail' },
      { href: 'tel:+49301234567', internal: false, text: 'Anrufen' },
      { href: 'javascript:void(0)', internal: false, text: 'x' },
    ];
    expect(rule.judge(withLinks(links), ctx())).toBeNull();
  });

  it(`is n/a below ${MIN_LINKS} links`, () => {
    expect(rule.judge(withLinks(owns(MIN_LINKS - 1)), ctx())).toBeNull();
    expect(rule.judge(withLinks(owns(MIN_LINKS)), ctx())).not.toBeNull();
  });
});
