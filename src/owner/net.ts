import type { OwnerNoteCode } from './types';

/**
 * Every request of the owner audit goes through one Fetcher: without cookies
 * (`credentials: 'omit'`), at most a few a second, each with a timeout and a size cap read while
 * the body streams in, and all of it ended by the user's Stop (an AbortSignal).
 */

/** "At most a few requests a second" (issue 12): 4/s keeps a 20-post WordPress audit (≈ 22 requests) near 6 s. */
export const MIN_INTERVAL_MS = 250;
/** A slow answer: WordPress's REST API answers in well under a second; 15 s means it won't. */
export const TIMEOUT_MS = 15_000;
/** 100 posts of WordPress JSON with their content are ~1–2 MB; 8 MB is a generous cap, 50 MB is an attack or a mistake. */
export const MAX_BYTES = 8 * 1024 * 1024;
/** A 429 whose Retry-After asks for longer than this ends the read with a "rate-limited" note instead of waiting. */
export const MAX_RETRY_WAIT_MS = 10_000;

export class OwnerFetchError extends Error {
  constructor(
    readonly code: OwnerNoteCode,
    readonly url: string,
    readonly status = 0,
  ) {
    super(`${code}: ${url}${status ? ` (HTTP ${status})` : ''}`);
    this.name = 'OwnerFetchError';
  }
}

export interface FetchOptions {
  signal?: AbortSignal;
  fetch?: typeof fetch;
  minIntervalMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  /** waits (tests pass one that records instead of sleeping) */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  /** called once per request made (the report's progress, the tests' request log) */
  onRequest?: (url: string) => void;
}

export interface Answer<T> {
  status: number;
  headers: Headers;
  body: T;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After in ms: delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export class Fetcher {
  private last = Number.NEGATIVE_INFINITY;
  private readonly opts: Required<Omit<FetchOptions, 'signal' | 'onRequest'>> & Pick<FetchOptions, 'signal' | 'onRequest'>;
  /** how many requests were made */
  count = 0;

  constructor(opts: FetchOptions = {}) {
    this.opts = {
      fetch: opts.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      minIntervalMs: opts.minIntervalMs ?? MIN_INTERVAL_MS,
      timeoutMs: opts.timeoutMs ?? TIMEOUT_MS,
      maxBytes: opts.maxBytes ?? MAX_BYTES,
      sleep: opts.sleep ?? abortableSleep,
      now: opts.now ?? Date.now,
      signal: opts.signal,
      onRequest: opts.onRequest,
    };
  }

  get signal(): AbortSignal | undefined {
    return this.opts.signal;
  }

  /** Text of a 2xx answer; any other outcome throws an OwnerFetchError with its code. */
  async text(url: string, accept = '*/*'): Promise<Answer<string>> {
    for (let attempt = 0; ; attempt++) {
      const answer = await this.once(url, accept);
      if (answer.status === 429) {
        const wait = retryAfterMs(answer.headers.get('retry-after'), this.opts.now());
        // One polite retry when the site says how long to wait and it is short; else give up.
        if (attempt === 0 && wait !== null && wait <= MAX_RETRY_WAIT_MS) {
          await this.wait(wait);
          continue;
        }
        throw new OwnerFetchError('rate-limited', url, 429);
      }
      if (answer.status >= 200 && answer.status < 300) return answer;
      throw new OwnerFetchError(codeOfStatus(answer.status, answer.body), url, answer.status);
    }
  }

  /** Parsed JSON of a 2xx answer; malformed JSON is "garbage". */
  async json<T = unknown>(url: string): Promise<Answer<T>> {
    const answer = await this.text(url, 'application/json');
    try {
      return { ...answer, body: JSON.parse(answer.body) as T };
    } catch {
      throw new OwnerFetchError('garbage', url, answer.status);
    }
  }

  private async wait(ms: number): Promise<void> {
    try {
      await this.opts.sleep(ms, this.opts.signal);
    } catch {
      throw new OwnerFetchError('stopped', '');
    }
  }

  private async once(url: string, accept: string): Promise<Answer<string>> {
    const { signal } = this.opts;
    if (signal?.aborted) throw new OwnerFetchError('stopped', url);
    const gap = this.last + this.opts.minIntervalMs - this.opts.now();
    if (gap > 0) await this.wait(gap);
    this.last = this.opts.now();
    this.count++;
    this.opts.onRequest?.(url);
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new OwnerFetchError('slow', url)), this.opts.timeoutMs);
    const onStop = () => timeout.abort(new OwnerFetchError('stopped', url));
    signal?.addEventListener('abort', onStop, { once: true });
    try {
      const res = await this.opts.fetch(url, {
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'follow',
        referrerPolicy: 'no-referrer',
        headers: { accept },
        signal: timeout.signal,
      });
      const body = await readCapped(res, this.opts.maxBytes, url);
      return { status: res.status, headers: res.headers, body };
    } catch (err) {
      if (err instanceof OwnerFetchError) throw err;
      const reason = timeout.signal.reason;
      if (timeout.signal.aborted && reason instanceof OwnerFetchError) throw reason;
      throw new OwnerFetchError('network', url);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onStop);
    }
  }
}

/** The body as text, read in chunks and cut off (the stream cancelled) as soon as it passes maxBytes. */
async function readCapped(res: Response, maxBytes: number, url: string): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new OwnerFetchError('too-big', url, res.status);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new OwnerFetchError('too-big', url, res.status);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** 404/410 and WordPress's `rest_no_route`: the API is off; 401/403: private or login only. */
function codeOfStatus(status: number, body: string): OwnerNoteCode {
  if (status === 401 || status === 403) return /rest_no_route|rest_disabled/.test(body) ? 'api-off' : 'private';
  if (status === 404 || status === 410 || status === 501) return 'api-off';
  return 'network';
}
