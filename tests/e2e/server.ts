import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

/**
 * A static server for end-to-end fixtures on 127.0.0.1 at a random port: files from
 * tests/e2e/fixtures, plus pages a test defines inline with `page(path, html)`. Nothing ever
 * leaves localhost.
 */
export interface FixtureServer {
  origin: string;
  url(path: string): string;
  /** serve this HTML at this path (overrides a file of the same name) */
  page(path: string, html: string): string;
  /** answer requests to this path (any query) from a function: an API or feed of the owner audit's fixture site */
  route(path: string, answer: RouteAnswer): string;
  /** every request's path and query, in order (what the audited origin was asked) */
  requests: string[];
  close(): Promise<void>;
}

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body: string;
}
export type RouteAnswer = (url: URL) => Answer | Promise<Answer>;

const FIXTURES = join(import.meta.dirname, 'fixtures');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export async function serveFixtures(): Promise<FixtureServer> {
  const inline = new Map<string, string>();
  const routes = new Map<string, RouteAnswer>();
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    requests.push(`${url.pathname}${url.search}`);
    const route = routes.get(path);
    if (route) {
      const a = await route(url);
      res.writeHead(a.status ?? 200, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        ...a.headers,
      });
      res.end(a.body);
      return;
    }
    const html = inline.get(path);
    if (html !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      res.end(html);
      return;
    }
    const file = normalize(join(FIXTURES, path));
    if (!file.startsWith(FIXTURES)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    requests,
    route(path, answer) {
      routes.set(path, answer);
      return new URL(path, origin).href;
    },
    page(path, html) {
      inline.set(path.startsWith('/') ? path : `/${path}`, html);
      return new URL(path, origin).href;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
