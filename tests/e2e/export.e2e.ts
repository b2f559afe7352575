import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/export/csv';
import { browsers, type Ext, launch, type PopupPage, waitFor } from './harness';
import { backupOf, importThroughPopup } from './popup-helpers';

/** The exported file as the user would download it: bytes read back from the link's blob URL. */
async function exportedBytes(popup: PopupPage, previous = ''): Promise<{ url: string; bytes: number[] }> {
  const url = await waitFor(
    () => popup.evaluate(() => document.querySelector('[data-testid=export-link]')?.getAttribute('data-export-url') ?? ''),
    (u) => u !== '' && u !== previous,
    { what: 'a new export link' },
  );
  const bytes = await popup.evaluate(async (u: string) => [...new Uint8Array(await (await fetch(u)).arrayBuffer())], url);
  return { url, bytes };
}

describe.each(browsers)('CSV export (%s)', (name) => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launch(name);
  });
  afterAll(() => ext?.close());

  it('writes UTF-8 with BOM, the locale separator, umlauts intact and a =cmd comment neutralised', async () => {
    const tab = await ext.openPage(ext.server.url('/plain.html'));
    const popup = await ext.openPopup(tab.tabId);
    const report = await importThroughPopup(
      popup,
      backupOf([
        { site: 'blog.example.de', daysAgo: 2, score: 0, evidence: "=cmd|' /C calc'!A0" },
        { site: 'blog.example.de', daysAgo: 1, score: 0, evidence: 'Grüße aus Köln; „danke“' },
      ]),
    );
    expect(report).toContain('2');

    await popup.click('input[name=scope][value=all]');
    await popup.click('[data-testid=export-csv]');
    const { url, bytes } = await exportedBytes(popup);
    expect(bytes.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(new Uint8Array(bytes.slice(3)));
    const lines = text.split('\r\n');
    // the test browsers run in English: ',' (German UIs get ';')
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(4); // header, two rows, final CRLF
    // neutralised with a leading apostrophe: a spreadsheet shows it as text, never runs it
    expect(text).toContain(",'=cmd|' /C calc'!A0,");
    expect(text).not.toMatch(/(^|[,;"])=cmd/m);
    expect(text).toContain(',Grüße aus Köln; „danke“,');

    // the separator setting wins over the language
    await popup.evaluate(() => {
      const select = document.querySelector('#csv-sep') as HTMLSelectElement;
      select.value = ';';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await popup.click('[data-testid=export-csv]');
    const again = new TextDecoder().decode(new Uint8Array((await exportedBytes(popup, url)).bytes.slice(3)));
    expect(again.split('\r\n')[0]).toBe(CSV_COLUMNS.join(';'));
    await popup.close();
  });

  it('exports "this page" from a real audit: a =cmd comment on the page reaches the CSV neutralised', async () => {
    // The WordPress fixture with one reader comment turned into a formula-injection attempt.
    const html = readFileSync(new URL('./fixtures/wp-comments-closed.html', import.meta.url), 'utf8').replace(
      'Great list, but the second point is simply wrong.',
      "=cmd|' /C calc'!A0 Why is the second point wrong?",
    );
    const url = ext.server.page('/2024/03/cmd/', html);
    const tab = await ext.openPage(url);
    await waitFor(
      () => ext.dbAudits(),
      (rows) => rows.some((r) => r.url === url),
      { what: 'the stored audit' },
    );
    const popup = await ext.openPopup(tab.tabId);
    await popup.click('#tab-export');
    await popup.waitFor('input[name=scope][value=page]:checked');
    await popup.click('[data-testid=export-csv]');
    const { bytes } = await exportedBytes(popup);
    expect(bytes.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(new Uint8Array(bytes.slice(3)));
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows.slice(1)) {
      expect(row[0]).toMatch(/^\d{4}-\d\d-\d\dT/); // audited_at, ISO 8601
      expect(row[1]).toBe(url); // only this page
    }
    expect(text).toContain("'=cmd|' /C calc'!A0 Why is the second point wrong?");
    expect(text).not.toMatch(/(^|[,;"])=cmd/m);
    await popup.close();
  });
});
