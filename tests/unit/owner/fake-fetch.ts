/**
 * A fetch that answers from recorded responses, by path and query, and logs every request with
 * its init (credentials, signal). Unknown URLs get 404, as a server without the route would.
 */
export type Route = (url: URL, init: RequestInit) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: typeof fetch;
  log: { url: string; init: RequestInit }[];
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function xml(body: string, status = 200): Response {
  return new Response(body, { status, headers: { 'content-type': 'application/rss+xml; charset=UTF-8' } });
}

export function fakeFetch(routes: Record<string, Route>): FakeFetch {
  const log: FakeFetch['log'] = [];
  const fetchFn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    log.push({ url: url.href, init });
    const key = Object.keys(routes).find((k) =>
      k.includes('?') ? `${url.pathname}${url.search}`.startsWith(k) : url.pathname === k,
    );
    if (!key) return json({ code: 'rest_no_route', message: 'No route', data: { status: 404 } }, 404);
    return routes[key](url, init);
  }) as typeof fetch;
  return { fetch: fetchFn, log };
}

/** No waiting in unit tests: the rate limit's waits are recorded, not slept. */
export function noSleep(waits: number[] = []) {
  return async (ms: number) => {
    waits.push(ms);
  };
}
