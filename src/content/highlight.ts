/**
 * The only thing HowSocial ever puts into a page (DESIGN.md, privacy): one overlay element that
 * outlines the finding's evidence. It is a sibling of nothing the page owns: appended to <html>
 * (not <body>, whose styles and layout the page controls), positioned over the element, and
 * removed on the next highlight.
 */
export const HIGHLIGHT_ATTR = 'data-howsocial-highlight';

export function clearHighlight(doc: Document): void {
  for (const el of doc.querySelectorAll(`[${HIGHLIGHT_ATTR}]`)) el.remove();
}

/** Scroll to the element and outline it; false when the selector finds nothing (page changed). */
export function highlight(doc: Document, selector: string): boolean {
  clearHighlight(doc);
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
  overlay.setAttribute(HIGHLIGHT_ATTR, '');
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
  return true;
}
