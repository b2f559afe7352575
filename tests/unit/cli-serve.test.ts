// @vitest-environment node
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/lib/serve.ts';

let server: Awaited<ReturnType<typeof serve>>;
const root = mkdtempSync(join(tmpdir(), 'howsocial-serve-'));

beforeAll(async () => {
  mkdirSync(join(root, 'sub'));
  writeFileSync(join(root, 'sub', 'index.html'), '<p>Grüße</p>');
  writeFileSync(join(root, 'style.css'), 'p{}');
  writeFileSync(join(tmpdir(), 'howsocial-outside.txt'), 'secret');
  server = await serve(root);
});
afterAll(() => server.close());

/** Raw request so "../" reaches the server as written (fetch would normalise it away). */
function get(path: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => ok({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('static server for demo pages and e2e tests', () => {
  it('listens on 127.0.0.1 with a random port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves HTML as UTF-8 and directories as their index.html', async () => {
    const res = await get('/sub/');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html; charset=utf-8');
    expect(res.body).toBe('<p>Grüße</p>');
    expect((await get('/style.css')).type).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for missing files and refuses paths outside the root', async () => {
    expect((await get('/nope.html')).status).toBe(404);
    const outside = await get('/../howsocial-outside.txt');
    expect(outside.status).not.toBe(200);
    expect(outside.body).not.toContain('secret');
    // %2f survives URL parsing and only becomes "/" after decoding: the root check must catch it.
    expect((await get('/..%2fhowsocial-outside.txt')).status).toBe(403);
  });
});
