/**
 * The only thing HowSocial ever puts into a page (DESIGN.md, privacy): one overlay element that
 * outlines the finding's evidence. It is a sibling of nothing the page owns: appended to <html>
 * (not <body>, whose styles and layout the page controls), positioned over the element, and
 * removed on the next highlight.
 *
 * The worker runs `drawHighlight` in the tab's top frame with `scripting.executeScript` (in the
 * content script's isolated world), so the content script every page loads carries none of it.
 * The function is sent as its source: it must not use anything from outside its own body.
 */
export const HIGHLIGHT_ATTR = 'data-howsocial-highlight';

/** Scroll to the element and outline it; false when the selector finds nothing (page changed). */
export function drawHighlight(selector: string): boolean {
  const attr = 'data-howsocial-highlight';
  const doc = document;
  for (const el of doc.querySelectorAll(`[${attr}]`)) el.remove();
  let target: Element | null = null;
  try {
    target = doc.querySelector(selector);
  } catch {
    return false;
  }
  if (!target) return false;
  target.scrollIntoView?.({ block: 'center', behavior: 'instant' as ScrollBehavior });
  const rect = target.getBoundingClientRect();
  const view = doc.defaultView;
  const overlay = doc.createElement('div');
  overlay.setAttribute(attr, '');
  overlay.setAttribute('aria-hidden', 'true');
  // Absolute in document coordinates so it stays on the element while the user scrolls;
  // pointer-events none so the page keeps working under it.
  const pad = 4;
  Object.assign(overlay.style, {
    position: 'absolute',
    left: `${rect.left + (view?.scrollX ?? 0) - pad}px`,
    top: `${rect.top + (view?.scrollY ?? 0) - pad}px`,
    width: `${rect.width + 2 * pad}px`,
    height: `${rect.height + 2 * pad}px`,
    outline: '3px solid #C5221F',
    outlineOffset: '0',
    boxShadow: '0 0 0 9999px rgba(0,0,0,0.08)',
    borderRadius: '4px',
    pointerEvents: 'none',
    zIndex: '2147483647',
    margin: '0',
    padding: '0',
  });
  doc.documentElement.append(overlay);
  // The overlay is ours, not a change of the page: the content script's DOM watch (the Page of
  // src/content/run.ts, kept under this name in the same world) forgets it instead of re-reading.
  const content = (globalThis as { __howsocialContent?: { watch?: { ignorePending?: () => void } | null } }).__howsocialContent;
  content?.watch?.ignorePending?.();
  return true;
}

/** Remove the overlay (tests; the next highlight does it itself). */
export function clearHighlight(doc: Document): void {
  for (const el of doc.querySelectorAll(`[${HIGHLIGHT_ATTR}]`)) el.remove();
}

/** Outline `selector` in the tab's top frame; false when it finds nothing or the tab is out of reach. */
export async function highlightInTab(tabId: number, selector: string): Promise<boolean> {
  try {
    const [res] = await chrome.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      func: drawHighlight,
      args: [selector],
    });
    return res?.result === true;
  } catch {
    // no access to the tab (a browser page, a closed tab)
    return false;
  }
}
