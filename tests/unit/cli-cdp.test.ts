// @vitest-environment node
// The offline batch's DevTools line to Chromium (scripts/lib/cdp.ts): the pipe's framing and the
// protocol's ids, answers, errors and events, against streams that play the browser's part. The
// message shapes are those of Chromium's --remote-debugging-pipe (NUL-terminated JSON; answers
// carry the command's id, events a method and, from a target, its sessionId).
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { nulSplitter, pipeConnection } from '../../scripts/lib/cdp.ts';

describe('the pipe’s framing', () => {
  it('splits at NUL bytes, across chunks and with several messages in one chunk', () => {
    const got: string[] = [];
    const feed = nulSplitter((m) => got.push(m));
    feed(Buffer.from('{"id":1}\0{"id"'));
    feed(Buffer.from(':2}\0'));
    feed(Buffer.from('{"id":3,'));
    feed(Buffer.from('"x":1}\0{"id":4}\0'));
    expect(got).toEqual(['{"id":1}', '{"id":2}', '{"id":3,"x":1}', '{"id":4}']);
  });

  it('keeps a character whose bytes arrive in two chunks (a German page’s “ü” in an evaluation’s answer)', () => {
    const got: string[] = [];
    const feed = nulSplitter((m) => got.push(m));
    const bytes = Buffer.from('{"value":"Grüße"}\0');
    const cut = bytes.indexOf(0xc3) + 1; // inside the two bytes of "ü"
    feed(bytes.subarray(0, cut));
    feed(bytes.subarray(cut));
    expect(got).toEqual(['{"value":"Grüße"}']);
  });
});

/** A connection whose browser side is two streams the test reads and writes. */
function fakeBrowser() {
  const toBrowser = new PassThrough();
  const fromBrowser = new PassThrough();
  const sent: { id: number; method: string; params: unknown; sessionId?: string }[] = [];
  toBrowser.on(
    'data',
    nulSplitter((m) => sent.push(JSON.parse(m))),
  );
  const reply = (msg: object) => fromBrowser.write(`${JSON.stringify(msg)}\0`);
  return { cdp: pipeConnection(toBrowser, fromBrowser), sent, reply, fromBrowser };
}

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setImmediate(r));
};

describe('the protocol over the pipe', () => {
  it('answers each command by its id, to a target’s session where one is named', async () => {
    const { cdp, sent, reply } = fakeBrowser();
    const a = cdp.send('Target.createTarget', { url: 'about:blank' });
    const b = cdp.send('Page.navigate', { url: 'https://blog.example/' }, 'S1');
    await until(() => sent.length === 2);
    expect(sent[0]).toEqual({ id: 1, method: 'Target.createTarget', params: { url: 'about:blank' } });
    expect(sent[1]).toEqual({ id: 2, method: 'Page.navigate', params: { url: 'https://blog.example/' }, sessionId: 'S1' });
    // answers in another order than the commands
    reply({ id: 2, result: { frameId: 'F', loaderId: 'L' }, sessionId: 'S1' });
    reply({ id: 1, result: { targetId: 'T' } });
    expect(await a).toEqual({ targetId: 'T' });
    expect(await b).toEqual({ frameId: 'F', loaderId: 'L' });
  });

  it('rejects a command the browser refuses, with the method and the browser’s words', async () => {
    const { cdp, sent, reply } = fakeBrowser();
    const p = cdp.send('Fetch.fulfillRequest', { requestId: 'r' }, 'S1');
    await until(() => sent.length === 1);
    reply({ id: 1, error: { code: -32602, message: 'Invalid InterceptionId.' }, sessionId: 'S1' });
    await expect(p).rejects.toThrow('Fetch.fulfillRequest: Invalid InterceptionId.');
  });

  it('hands events to their listeners with the session they came from, until taken off', async () => {
    const { cdp, reply } = fakeBrowser();
    const seen: [string, string][] = [];
    const listener = (e: { name: string }, session: string) => seen.push([e.name, session]);
    cdp.on('Page.lifecycleEvent', listener);
    reply({ method: 'Page.lifecycleEvent', params: { name: 'DOMContentLoaded', loaderId: 'L' }, sessionId: 'S1' });
    reply({ method: 'Page.frameNavigated', params: { frame: {} }, sessionId: 'S1' });
    reply({ method: 'Page.lifecycleEvent', params: { name: 'load', loaderId: 'L' } });
    await until(() => seen.length === 2);
    expect(seen).toEqual([
      ['DOMContentLoaded', 'S1'],
      ['load', ''],
    ]);
    cdp.off('Page.lifecycleEvent', listener);
    // an event after it, to know the one before was handed out (or not)
    let marker = false;
    cdp.on('Target.targetDestroyed', () => {
      marker = true;
    });
    reply({ method: 'Page.lifecycleEvent', params: { name: 'networkIdle', loaderId: 'L' }, sessionId: 'S1' });
    reply({ method: 'Target.targetDestroyed', params: { targetId: 'T' } });
    await until(() => marker);
    expect(seen).toHaveLength(2);
  });

  it('a browser that goes away fails the commands in flight and every later one, and says it closed', async () => {
    const { cdp, sent, fromBrowser } = fakeBrowser();
    const pending = cdp.send('Runtime.evaluate', { expression: '1' }, 'S1');
    await until(() => sent.length === 1);
    fromBrowser.destroy();
    await expect(pending).rejects.toThrow('Runtime.evaluate: the browser closed');
    await cdp.closed;
    await expect(cdp.send('Browser.close')).rejects.toThrow('Browser.close: the browser closed');
  });
});
