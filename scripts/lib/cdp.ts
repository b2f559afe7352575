// The offline batch's own line to Chromium: the DevTools protocol over the pipe Chromium opens
// with --remote-debugging-pipe (fd 3: commands in, fd 4: answers and events out, each message
// JSON ended by a NUL byte), with nothing attached but what the batch asks for.
//
// Why not Playwright here: it attaches to every tab and follows every page with the Network,
// Runtime, Log and Page domains, an isolated world of its own per document and viewport, focus
// and media emulation — on a saved page, 60–120 refused requests and their console errors are
// each an event the page's renderer builds (with the initiator's stack), the browser process
// forwards, and Node parses. An offline batch needs three things of a tab: its document
// answered from the saved bytes (Fetch, documents only), a navigation, and DOMContentLoaded.
// Playwright still drives URLs, --live pages and `npm start` (chromium.ts).
import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

// biome-ignore lint/suspicious/noExplicitAny: a protocol answer's shape is the protocol's, per method
type Json = any;

export interface CdpConnection {
  /** send a command (to a target's session when `sessionId` is given); rejects with the protocol's error */
  send(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<Json>;
  /** every event of this name, with the session it came from ('' = the browser) */
  on(method: string, listener: (params: Json, sessionId: string) => void): void;
  off(method: string, listener: (params: Json, sessionId: string) => void): void;
  /** the pipe is gone (the browser exited) */
  readonly closed: Promise<void>;
}

/**
 * Messages from a byte stream split at NUL bytes: a message may arrive in pieces, and one chunk
 * may hold several messages. Returns the function that takes each chunk.
 */
export function nulSplitter(onMessage: (text: string) => void): (chunk: Buffer) => void {
  let pending: Buffer[] = [];
  return (chunk) => {
    let start = 0;
    for (let end = chunk.indexOf(0, start); end >= 0; end = chunk.indexOf(0, start)) {
      pending.push(chunk.subarray(start, end));
      onMessage(Buffer.concat(pending).toString('utf8'));
      pending = [];
      start = end + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  };
}

export class CdpError extends Error {}

/** A DevTools connection over a browser's pipe pair. */
export function pipeConnection(toBrowser: Writable, fromBrowser: Readable): CdpConnection {
  let nextId = 1;
  const waiting = new Map<number, { ok: (r: Json) => void; fail: (e: Error) => void; method: string }>();
  const listeners = new Map<string, Set<(params: Json, sessionId: string) => void>>();
  let gone = false;
  let markClosed: () => void = () => {};
  const closed = new Promise<void>((ok) => {
    markClosed = ok;
  });
  const end = () => {
    if (gone) return;
    gone = true;
    for (const w of waiting.values()) w.fail(new CdpError(`${w.method}: the browser closed`));
    waiting.clear();
    markClosed();
  };
  fromBrowser.on(
    'data',
    nulSplitter((text) => {
      const msg = JSON.parse(text) as {
        id?: number;
        method?: string;
        params?: Json;
        result?: Json;
        error?: { message: string };
        sessionId?: string;
      };
      if (msg.id !== undefined) {
        const w = waiting.get(msg.id);
        waiting.delete(msg.id);
        if (!w) return;
        if (msg.error) w.fail(new CdpError(`${w.method}: ${msg.error.message}`));
        else w.ok(msg.result);
        return;
      }
      if (msg.method) for (const l of listeners.get(msg.method) ?? []) l(msg.params, msg.sessionId ?? '');
    }),
  );
  fromBrowser.on('close', end);
  fromBrowser.on('error', end);
  toBrowser.on('error', end);
  return {
    send(method, params = {}, sessionId) {
      if (gone) return Promise.reject(new CdpError(`${method}: the browser closed`));
      const id = nextId++;
      return new Promise((ok, fail) => {
        waiting.set(id, { ok, fail, method });
        toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      });
    },
    on(method, listener) {
      if (!listeners.has(method)) listeners.set(method, new Set());
      listeners.get(method)?.add(listener);
    },
    off(method, listener) {
      listeners.get(method)?.delete(listener);
    },
    closed,
  };
}

export interface PipeBrowser {
  cdp: CdpConnection;
  process: ChildProcess;
  /** the last lines the browser wrote on stderr (for a start that fails) */
  stderr(): string;
}

/** Start a browser with a DevTools pipe; its own process group, killed when this process exits. */
export function spawnPipeBrowser(executablePath: string, args: readonly string[]): PipeBrowser {
  const child = spawn(executablePath, [...args, '--remote-debugging-pipe'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    // Its own group: a Ctrl+C at the terminal reaches this process, which closes the browser in
    // order (chromium.ts ownedProfile); the browser does not die under a page in flight.
    detached: process.platform !== 'win32',
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err = (err + d.toString('utf8')).slice(-2000);
  });
  const killGroup = () => {
    try {
      if (child.pid !== undefined && child.exitCode === null)
        process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
    } catch {}
  };
  process.once('exit', killGroup);
  child.once('exit', () => process.off('exit', killGroup));
  const [, , , toBrowser, fromBrowser] = child.stdio as unknown as [null, null, Readable, Writable, Readable];
  return { cdp: pipeConnection(toBrowser, fromBrowser), process: child, stderr: () => err };
}
