/**
 * Ends the current task so the page can handle input and paint before we go on (DESIGN.md: an
 * audit is never one long task). `scheduler.yield()` (Chromium 129+) resumes ahead of other queued
 * tasks, so the audit does not fall behind a busy page's timers; elsewhere (Firefox ESR) a 0-ms
 * timer does the same job, at the cost of the 4-ms clamp only after five nested timers.
 *
 * Read from the content script's own global: in the isolated world (Chromium) or behind Xray
 * wrappers (Firefox) a page that overrides `scheduler` or `setTimeout` changes only its own copy.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
