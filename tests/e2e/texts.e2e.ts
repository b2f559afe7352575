import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsers, type Ext, launch, waitFor } from './harness';
import { craftedAudit, setTabAudit } from './popup-helpers';

/** The audit shape, taken from the helper so this file does not name where the model lives. */
type Audit = Parameters<typeof setTabAudit>[2];

/**
 * Issue 15's words as a user reads them in the real browsers: chrome.i18n has no plurals, so the
 * popup picks `<key>_one` / `_zero` itself (src/lib/plural.js, in the messages file's language);
 * a closed thread says so; a check that did not apply is named neutrally; the explanation page
 * names its source.
 */
describe.each(browsers)('texts (%s)', (name) => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launch(name);
  });
  afterAll(() => ext?.close());

  it('a closed thread says "Comments are closed", with its earlier comments counted in the right form', async () => {
    const tab = await ext.openPage(ext.server.url('/wp-comments-closed.html'));
    const audit = await waitFor(
      () => ext.sessionAudit(tab.tabId),
      (a) => a !== null,
      { what: 'the passive audit' },
    );
    const closed = audit?.findings.find((f) => f.rule === 'comments-closed');
    expect(closed?.detail).toEqual([2, 'closed']);
    const popup = await ext.openPopup(tab.tabId);
    await popup.waitFor('[data-rule=comments-closed] .finding-detail');
    expect(await popup.text('.sample')).toBe('Comments are closed; based on 2 earlier comments');
    expect(await popup.text('[data-rule=comments-closed] .finding-detail')).toBe(
      ' · Comments are closed (2 earlier comments visible)',
    );
    expect(await popup.text('[data-rule=comments-closed] .finding-verdict span')).toBe('Failed');
    // rules that did not apply: neutral names, never a healthy-state title that reads as a pass
    const inapplicable = await popup.text('.inapplicable');
    expect(inapplicable).toMatch(/^Not applicable here: /);
    expect(inapplicable).not.toMatch(/No premium-rate hotline|No newsletter tied|Commenting is easy/);
    await popup.close();
  });

  it('shows one of a thing in the singular and none as "no"', async () => {
    await ext.setSettings({ passive: false }); // the crafted audit must not be replaced by a passive one
    const url = ext.server.page('/plural.html', '<!doctype html><title>Plural</title><p>Text.</p>');
    const tab = await ext.openPage(url);
    const base = craftedAudit(url, [{ selector: 'p', text: 'Text.' }]);
    const audit: Audit = {
      ...base,
      sample: 1,
      facts: { ...base.facts, commentsState: 'open', comments: 1 },
      findings: [
        { rule: 'share-without-dialogue', verdict: 'warn', score: 0.5, weight: 1, evidence: [], detail: [1] },
        { rule: 'newsletter-coupling', verdict: 'fail', score: 0.2, weight: 2, evidence: [], detail: [1, 'prechecked'] },
        { rule: 'paid-hotline', verdict: 'fail', score: 0, weight: 2, evidence: [], detail: [1, 1] },
        { rule: 'comment-form-friction', verdict: 'pass', score: 1, weight: 2, evidence: [], detail: [0] },
      ],
    };
    await setTabAudit(ext, tab.tabId, audit);
    const popup = await ext.openPopup(tab.tabId);
    await popup.waitFor('[data-rule=paid-hotline] .finding-detail');
    const detail = (rule: string) => popup.text(`[data-rule=${rule}] .finding-detail`);
    expect(await popup.text('.sample')).toBe('Based on 1 comment on this page');
    expect(await detail('share-without-dialogue')).toBe(' · 1 share button on the page');
    expect(await detail('newsletter-coupling')).toBe(' · A newsletter box in the comment form is ticked in advance');
    expect(await detail('paid-hotline')).toBe(' · The only phone number on the page is premium-rate or charged extra');
    expect(await detail('comment-form-friction')).toBe(' · No hurdle beyond name and e-mail address');
    expect(await popup.text('[data-rule=share-without-dialogue] .finding-verdict span')).toBe('Needs review');
    await popup.close();
    await ext.setSettings({ passive: true });
  });

  it('the explanation page names the checklist point it paraphrases', async () => {
    const learn = await ext.openPopup(0);
    await learn.evaluate((origin: string) => {
      location.href = `${origin}popup/learn.html?rule=newsletter-coupling`;
    }, ext.extensionOrigin);
    await waitFor(
      () => learn.evaluate(() => document.querySelector('[data-testid=sources]')?.textContent ?? ''),
      (t) => t.length > 0,
      { what: 'the sources of the explanation page' },
    );
    const sources = await learn.text('[data-testid=sources]');
    expect(sources).toContain(
      'Point 2 of “10 Dinge, an denen Sie merken, dass Ihr Social Media Marketing nicht sehr social ist”',
    );
    expect(await learn.text('h1')).toBe('No newsletter tied to commenting');
    await learn.close();
  });
});
