// Headless Chromium without the extension: the warm engine figures and the warm profile run the
// engine bundle in plain pages, where nothing else runs meanwhile.
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.ts';

export function launchPlain(): Promise<Browser> {
  // --headless=new ourselves: Playwright's own flag would pick its default mode.
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS, '--headless=new'], headless: false });
}
