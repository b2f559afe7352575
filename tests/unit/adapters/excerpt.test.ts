import { describe, expect, it } from 'vitest';
import { evidenceOf, excerpt, readableText } from '../../../src/adapters/dom';
import { runBlog } from './blog-helpers';

/** Evidence excerpts keep the word boundaries a reader sees: block and line breaks become spaces. */
describe('evidence excerpts', () => {
  it('reads a line break and the options of a select as spaces', () => {
    document.body.innerHTML =
      '<p id="q">Wie sind Sie auf uns aufmerksam geworden?<br><select><option>Bitte wählen</option><option>Suchmaschine</option><option>Instagram</option></select></p>';
    const p = document.getElementById('q')!;
    expect(evidenceOf(p).text).toBe('Wie sind Sie auf uns aufmerksam geworden? Bitte wählen Suchmaschine Instagram');
    document.body.innerHTML = '<p id="b">Bitte wählen<br>Suchmaschine</p>';
    expect(evidenceOf(document.getElementById('b')!).text).toBe('Bitte wählen Suchmaschine');
  });

  it('puts a space between paragraphs, keeps inline markup glued, skips scripts', () => {
    document.body.innerHTML =
      '<div id="c"><p>für Sie da:</p><p>0900 5 123 456</p><p>(1,99 €/Min.)</p><script>var x = 1;</script><p>Mo<b>ntag</b> bis Freitag</p></div>';
    expect(readableText(document.getElementById('c')!)).toBe('für Sie da: 0900 5 123 456 (1,99 €/Min.) Montag bis Freitag');
  });

  it('stops reading at the cap and still marks the cut', () => {
    const long = 'Wort '.repeat(400);
    document.body.innerHTML = `<div id="l">\n      <p>${long}</p>\n      <p>Ende</p></div>`;
    const text = evidenceOf(document.getElementById('l')!).text;
    expect(text).toHaveLength(200);
    expect(text.endsWith('…')).toBe(true);
    expect(excerpt('a\n\n b')).toBe('a b');
  });

  it('a premium hotline over three paragraphs is quoted with its spaces (German contact widget)', () => {
    const run = runBlog('wp-de-select-hotline.html', 'https://kanzlei.example/2026/11/drei-fragen/');
    const phones = run.model?.article?.phones ?? [];
    const hotline = phones.find((p) => p.normalized === '09005123456');
    expect(hotline).toBeDefined();
    expect(hotline?.context).toContain('für Sie da: 0900 5 123 456 (1,99 €/Min.');
    expect(hotline?.evidence.text).not.toMatch(/da:0900|456\(/);
  });

  it('the required select of a comment form is quoted with its spaces (German form plugin)', () => {
    const run = runBlog('wp-de-select-hotline.html', 'https://kanzlei.example/2026/11/drei-fragen/');
    const form = run.model?.comments?.form;
    const texts = [...(form?.fields.map((f) => f.evidence.text) ?? []), form?.evidence.text ?? ''];
    expect(texts.some((t) => t.includes('Bitte wählen Suchmaschine Instagram'))).toBe(true);
    expect(texts.join(' ')).not.toMatch(/wählenSuchmaschine|InstagramEmpfehlung|geworden\?\s*\*Bitte/);
  });
});
