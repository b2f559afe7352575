import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsers, type Ext, launch, waitFor } from './harness';

/**
 * The welcome page after install (issue 14): opened once, in a tab that does not take the focus
 * from what the user was doing. The harness installs the extension fresh, as a user would.
 */
const welcomeTabs = async (url: string) => {
  const contexts = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.TAB] });
  const tabs = contexts.filter((c) => c.documentUrl?.split('?')[0] === url);
  return Promise.all(tabs.map(async (c) => ({ tabId: c.tabId, active: (await chrome.tabs.get(c.tabId)).active })));
};

describe.each(browsers)('welcome page (%s)', (name) => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launch(name);
  });
  afterAll(() => ext?.close());

  it('is opened once after install, in a background tab', async () => {
    const url = `${ext.extensionOrigin}popup/welcome.html`;
    const tabs = await waitFor(
      () => ext.evalInExtension(welcomeTabs, url),
      (list) => list.length > 0,
      { what: 'the welcome tab' },
    );
    expect(tabs).toHaveLength(1);
    expect(tabs[0].active).toBe(false);
  });

  it('both keyboard shortcuts are assigned (a suggested key the browser reserves stays empty)', async () => {
    const commands = await ext.evalInExtension(async () =>
      (await chrome.commands.getAll()).map((c) => ({ name: c.name, shortcut: c.shortcut })),
    );
    expect(commands).toEqual(
      expect.arrayContaining([
        { name: '_execute_action', shortcut: 'Alt+Shift+H' },
        { name: 'pause-site', shortcut: 'Alt+Shift+U' },
      ]),
    );
  });
});
