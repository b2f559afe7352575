import { describe, expect, it } from 'vitest';
import { Fetcher, MAX_BYTES, MIN_INTERVAL_MS, OwnerFetchError, retryAfterMs } from '../../../src/owner/net';
import { fakeFetch, json } from './fake-fetch';

const URL1 = 'https://blog.example.de/wp-json/wp/v2/posts';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof OwnerFetchError ? err.code : `other: ${err}`;
  }
}

describe('the owner audit fetcher', () => {
  it('sends no cookies and no referrer', async () => {
    const f = fakeFetch({ '/wp-json/wp/v2/posts': () => json([]) });
    await new Fetcher({ fetch: f.fetch, sleep: async () => {} }).json(URL1);
    expect(f.log[0].init.credentials).toBe('omit');
    expect(f.log[0].init.referrerPolicy).toBe('no-referrer');
  });

  it('waits between requests: at most a few a second', async () => {
    let clock = 1000;
    const waits: number[] = [];
    const f = fakeFetch({ '/wp-json/wp/v2/posts': () => json([]) });
    const fetcher = new Fetcher({
      fetch: f.fetch,
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    for (let i = 0; i < 4; i++) await fetcher.json(URL1);
    expect(waits).toEqual([MIN_INTERVAL_MS, MIN_INTERVAL_MS, MIN_INTERVAL_MS]);
    expect(f.log).toHaveLength(4);
  });

  it('reads 404, rest_no_route and 401 as an API that is off or private', async () => {
    const f = fakeFetch({
      '/a': () => json({ code: 'rest_no_route' }, 404),
      '/b': () => json({ code: 'rest_cannot_access' }, 401),
      '/c': () => json({ code: 'rest_no_route' }, 403),
      '/d': () => json({ error: 'This method requires an authenticated user' }, 401),
    });
    const fetcher = new Fetcher({ fetch: f.fetch, sleep: async () => {} });
    expect(await codeOf(fetcher.json('https://x.example/a'))).toBe('api-off');
    expect(await codeOf(fetcher.json('https://x.example/b'))).toBe('private');
    expect(await codeOf(fetcher.json('https://x.example/c'))).toBe('api-off');
    expect(await codeOf(fetcher.json('https://x.example/d'))).toBe('private');
  });

  it('waits out a short Retry-After once, then reads; a long one ends as rate-limited', async () => {
    let calls = 0;
    const waits: number[] = [];
    const f = fakeFetch({
      '/short': () => (++calls === 1 ? json({}, 429, { 'retry-after': '2' }) : json([1])),
      '/long': () => json({}, 429, { 'retry-after': '3600' }),
    });
    const fetcher = new Fetcher({ fetch: f.fetch, minIntervalMs: 0, sleep: async (ms) => void waits.push(ms) });
    expect((await fetcher.json('https://x.example/short')).body).toEqual([1]);
    expect(waits).toContain(2000);
    expect(await codeOf(fetcher.json('https://x.example/long'))).toBe('rate-limited');
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).toBe(60_000);
  });

  it('calls malformed JSON garbage', async () => {
    const f = fakeFetch({ '/x': () => new Response('<html>Wartungsmodus</html>{"id":', { status: 200 }) });
    expect(await codeOf(new Fetcher({ fetch: f.fetch, sleep: async () => {} }).json('https://x.example/x'))).toBe('garbage');
  });

  it('cuts a 50 MB answer off while reading it, without reading it all', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 50) controller.close();
        else controller.enqueue(chunk);
      },
    });
    // No content-length: a streamed answer only shows its size while it is read.
    const f = fakeFetch({ '/big': () => new Response(body, { status: 200 }) });
    const fetcher = new Fetcher({ fetch: f.fetch, sleep: async () => {} });
    expect(await codeOf(fetcher.text('https://x.example/big'))).toBe('too-big');
    expect(pulled).toBeLessThanOrEqual(MAX_BYTES / chunk.length + 2);
  });

  it('refuses a declared 50 MB answer before reading its body', async () => {
    const f = fakeFetch({
      '/big': () => new Response('x', { status: 200, headers: { 'content-length': String(50 * 1024 * 1024) } }),
    });
    expect(await codeOf(new Fetcher({ fetch: f.fetch, sleep: async () => {} }).text('https://x.example/big'))).toBe('too-big');
  });

  it('gives up on a slow answer after its timeout', async () => {
    const f = fakeFetch({
      '/slow': (_u, init) =>
        new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    });
    expect(
      await codeOf(new Fetcher({ fetch: f.fetch, timeoutMs: 20, sleep: async () => {} }).text('https://x.example/slow')),
    ).toBe('slow');
  });

  it("stops at the user's Stop: the request in flight is aborted and no new one starts", async () => {
    const stop = new AbortController();
    const f = fakeFetch({
      '/hang': (_u, init) => {
        queueMicrotask(() => stop.abort());
        return new Promise<Response>((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        );
      },
    });
    const fetcher = new Fetcher({ fetch: f.fetch, signal: stop.signal, sleep: async () => {} });
    expect(await codeOf(fetcher.text('https://x.example/hang'))).toBe('stopped');
    expect(await codeOf(fetcher.text('https://x.example/hang'))).toBe('stopped');
    expect(f.log).toHaveLength(1);
  });

  it('calls a network failure a network failure', async () => {
    const fetcher = new Fetcher({
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
      sleep: async () => {},
    });
    expect(await codeOf(fetcher.text('https://x.example/'))).toBe('network');
  });
});
