/** Quiet time after the last DOM mutation before re-reading: SPAs render in bursts. */
export const DEBOUNCE_MS = 400;
/** Under a mutation flood the page never goes quiet: re-read at most this often anyway. */
export const MAX_WAIT_MS = 2000;

export interface Watch {
  /** forget the changes made so far (our own overlay: not a change of the page) */
  ignorePending(): void;
  stop(): void;
}

/**
 * Calls `settled` once the page's DOM has been quiet for DEBOUNCE_MS after a change (or a
 * history navigation), at the latest MAX_WAIT_MS after the first change of a burst. It never
 * looks at what changed: each node a mutation record names would get a wrapper in the content
 * script's world, which costs a cold page more than the whole schedule.
 */
export function watchPage(doc: Document, win: Window, settled: () => void): Watch {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPending = 0;
  const fire = () => {
    timer = null;
    firstPending = 0;
    settled();
  };
  const schedule = () => {
    const now = Date.now();
    if (!firstPending) firstPending = now;
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, Math.max(0, Math.min(DEBOUNCE_MS, firstPending + MAX_WAIT_MS - now)));
  };
  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  win.addEventListener('popstate', schedule);
  return {
    ignorePending: () => void observer.takeRecords(),
    stop() {
      observer.disconnect();
      win.removeEventListener('popstate', schedule);
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
