import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ext, launch } from './harness';
import { backupOf, importThroughPopup } from './popup-helpers';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/**
 * axe-core in the page. Passed as a string expression: the extension page's CSP forbids eval and
 * inline scripts, but the DevTools protocol evaluates outside the page's CSP.
 */
async function axe(page: { evaluate: Ext['evalInExtension'] }): Promise<Violation[]> {
  const run = `${axeSource}; axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) })))`;
  return (await page.evaluate(run as never)) as Violation[];
}

const serious = (vs: Violation[]) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');

describe('accessibility (chromium, axe-core)', () => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launch('chromium');
  });
  afterAll(() => ext?.close());

  it('popup views have no serious or critical violations', async () => {
    const tab = await ext.openPage(ext.server.url('/wp-comments-closed.html'));
    const popup = await ext.openPopup(tab.tabId);
    await importThroughPopup(
      popup,
      backupOf([
        { site: 'a.example', daysAgo: 3, score: 40 },
        { site: 'a.example', daysAgo: 1, score: 60 },
      ]),
    );
    for (const view of ['page', 'why', 'history', 'export', 'settings']) {
      await popup.click(`#tab-${view}`);
      await popup.waitFor(`#panel-${view}`);
      if (view === 'history') await popup.waitFor('[data-testid=history-list]');
      const found = serious(await axe(popup));
      expect(found, `${view}: ${JSON.stringify(found)}`).toEqual([]);
    }
    await popup.close();
  });

  it('options page and explanation page have no serious or critical violations', async () => {
    const tab = await ext.openPage(ext.server.url('/plain.html'));
    const popup = await ext.openPopup(tab.tabId);
    await popup.evaluate((origin: string) => {
      location.href = `${origin}popup/options.html`;
    }, ext.extensionOrigin);
    await popup.waitFor('.settings');
    expect(serious(await axe(popup))).toEqual([]);
    await popup.evaluate((origin: string) => {
      location.href = `${origin}popup/learn.html?rule=comments-closed`;
    }, ext.extensionOrigin);
    await popup.waitFor('main.learn h2');
    expect(serious(await axe(popup))).toEqual([]);
    await popup.close();
  });
});
