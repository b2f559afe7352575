import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { extractPage, pickAdapter } from '../../../src/adapters';
import { factsOf } from '../../../src/judge/facts';
import type { Facts, PageModel } from '../../../src/contract';

/**
 * A blog fixture parsed into its own happy-dom window at the page's URL. Scripts, stylesheets and
 * iframes are not loaded: no test reaches the network, and a saved page's DOM is what we judge.
 */
export function loadBlog(name: string, url = 'https://blog.example/'): Document {
  const html = readFileSync(`tests/fixtures/blog/${name}`, 'utf8');
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export interface Run {
  doc: Document;
  adapter: string | null;
  model: PageModel | null;
  facts: Facts | null;
}

/** What the content script does: pick the adapter, extract, derive the audit's facts. */
export function runBlog(name: string, url: string): Run {
  const doc = loadBlog(name, url);
  const u = new URL(url);
  const adapter = pickAdapter(doc, u);
  const model = extractPage(doc, u);
  return { doc, adapter: adapter?.id ?? null, model, facts: model ? factsOf(model) : null };
}

/** Evidence must find its element again (highlight-on-click). */
export function resolves(doc: Document, selector: string): Element | null {
  const found = doc.querySelectorAll(selector);
  return found.length === 1 ? found[0] : null;
}
