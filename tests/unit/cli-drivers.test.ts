// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFor, distLocation } from '../../scripts/lib/build.ts';
import { offlineFlags } from '../../scripts/lib/chromium.ts';
import { OFFLINE_CSP, routeFor, savedPageHeaders } from '../../scripts/lib/drivers.ts';
import { firefoxOfflinePrefs } from '../../scripts/lib/firefox.ts';

const saved = { url: 'https://blog.example/2024/05/post/', body: Buffer.from('<!doctype html><title>x</title>') };
const url = { url: 'https://blog.example/2024/05/post/', body: null };
const req = (over: Partial<Parameters<typeof routeFor>[1]> = {}) => ({
  url: 'https://blog.example/2024/05/post/',
  mainDocument: true,
  extension: false,
  inTab: true,
  ...over,
});

describe('what becomes of a request (both browsers)', () => {
  it('offline: the saved page’s own document is answered from its bytes (the fragment ignored), nothing else leaves', () => {
    expect(routeFor(saved, req(), false)).toBe('fulfill');
    expect(routeFor(saved, req({ url: `${saved.url}#comments` }), false)).toBe('fulfill');
    expect(routeFor(saved, req({ url: 'https://cdn.example/app.js', mainDocument: false }), false)).toBe('abort');
    expect(routeFor(saved, req({ url: 'https://evil.example/', mainDocument: true }), false)).toBe('abort');
    // a frame's document, a service worker's own request, a tab that audits nothing (between pages)
    expect(routeFor(saved, req({ mainDocument: false }), false)).toBe('abort');
    expect(routeFor(saved, req({ inTab: false }), false)).toBe('abort');
    expect(routeFor(null, req(), false)).toBe('abort');
  });

  it('the extension’s own files always load', () => {
    expect(routeFor(null, req({ url: 'chrome-extension://abc/content-blog.js', extension: true, inTab: false }), false)).toBe(
      'continue',
    );
  });

  it('a URL without --live: its document (and redirects) go through, nothing else', () => {
    expect(routeFor(url, req(), false)).toBe('continue');
    expect(routeFor(url, req({ url: 'https://blog.example/2024/05/post' }), false)).toBe('continue');
    expect(routeFor(url, req({ url: 'https://cdn.example/a.png', mainDocument: false }), false)).toBe('abort');
  });

  it('--live: a saved page’s document from its bytes, everything else from the network', () => {
    expect(routeFor(saved, req(), true)).toBe('fulfill');
    expect(routeFor(saved, req({ url: 'https://cdn.example/app.js', mainDocument: false }), true)).toBe('continue');
    expect(routeFor(url, req(), true)).toBe('continue');
  });
});

describe('offline saved pages', () => {
  it('run their inline scripts and styles and load nothing else (CSP), only when offline', () => {
    expect(OFFLINE_CSP).toContain("default-src 'none'");
    expect(OFFLINE_CSP).toContain("script-src 'unsafe-inline' 'unsafe-eval'");
    expect(OFFLINE_CSP).not.toMatch(/https?:|\*/);
    expect(savedPageHeaders(saved.body, true)).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': OFFLINE_CSP,
    });
    expect(savedPageHeaders(saved.body, false)).toEqual({ 'content-type': 'text/html; charset=utf-8' });
  });

  it('Firefox: every scheme goes to the dead proxy (loopback too, no direct fallback, no local DNS), no WebRTC, prefetch or speculative connection', () => {
    const prefs = firefoxOfflinePrefs('http://127.0.0.1:9');
    for (const scheme of ['http', 'ssl', 'socks']) {
      expect(prefs[`network.proxy.${scheme}`]).toBe('127.0.0.1');
      expect(prefs[`network.proxy.${scheme}_port`]).toBe(9);
    }
    expect(prefs).toMatchObject({
      'network.proxy.type': 1,
      'network.proxy.share_proxy_settings': false,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.failover_direct': false,
      'network.proxy.socks_remote_dns': true,
      'network.trr.mode': 5,
      'media.peerconnection.enabled': false,
      'network.http.http3.enable': false,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'network.predictor.enabled': false,
      'network.http.speculative-parallel-limit': 0,
    });
  });

  it('Chromium: page processes are shared only in offline batches, never with a sandbox flag', () => {
    expect(offlineFlags('http://127.0.0.1:9')).not.toContain('--disable-site-isolation-trials');
    const batch = offlineFlags('http://127.0.0.1:9', 4);
    expect(batch).toContain('--disable-site-isolation-trials');
    expect(batch).toContain('--renderer-process-limit=6');
    expect(batch.find((f) => f.startsWith('--disable-features='))).toContain('site-per-process');
    // offline, nothing reads a page's text for Translate (one --disable-features: the last one counts)
    expect(offlineFlags('http://127.0.0.1:9').filter((f) => f.startsWith('--disable-features='))).toHaveLength(1);
    const off = offlineFlags('http://127.0.0.1:9').find((f) => f.startsWith('--disable-features=')) ?? '';
    expect(off.slice('--disable-features='.length).split(',')).toEqual(expect.arrayContaining(['Translate', 'HttpsUpgrades']));
    expect(batch.join(' ')).not.toContain('sandbox');
  });
});

describe('--dist for either browser', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'howsocial-dist-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('a folder holding chrome/ and firefox/, or either build itself (named so, or by its manifest)', () => {
    expect(distLocation(tmp, {})).toEqual({ chrome: join(tmp, 'chrome'), firefox: join(tmp, 'firefox'), root: tmp });
    expect(distLocation(join(tmp, 'firefox'), {})).toEqual({
      chrome: join(tmp, 'chrome'),
      firefox: join(tmp, 'firefox'),
      root: tmp,
    });
    const gecko = join(tmp, 'my-ff-build');
    mkdirSync(gecko);
    writeFileSync(join(gecko, 'manifest.json'), JSON.stringify({ browser_specific_settings: { gecko: { id: 'x@y' } } }));
    const loc = distLocation(gecko, {});
    expect(buildFor(loc, 'firefox')).toBe(gecko);
    expect(buildFor(loc, 'chromium')).toBe(join(tmp, 'chrome'));
    const chrome = join(tmp, 'my-chrome-build');
    mkdirSync(chrome);
    writeFileSync(join(chrome, 'manifest.json'), JSON.stringify({ manifest_version: 3 }));
    expect(buildFor(distLocation(chrome, {}), 'chromium')).toBe(chrome);
  });
});
