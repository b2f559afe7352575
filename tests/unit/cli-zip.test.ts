// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, dosDateTime, unzipBuffer, zipBuffer } from '../../scripts/lib/zip.ts';

const entries = [
  { name: 'manifest.json', data: Buffer.from(JSON.stringify({ manifest_version: 3, name: 'x' }).repeat(20)) },
  { name: '_locales/de/messages.json', data: Buffer.from('{"ext_name":{"message":"Wie sozial ist diese Seite? Äöü"}}') },
  { name: 'icons/icon-16.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
  { name: 'empty.txt', data: Buffer.alloc(0) },
];

describe('zip writer for npm run package', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('reads back every file byte for byte', () => {
    const back = unzipBuffer(zipBuffer(entries));
    expect(back.map((f) => f.name)).toEqual(entries.map((e) => e.name));
    back.forEach((f, i) => {
      expect(f.data.equals(entries[i].data)).toBe(true);
    });
  });

  it('is reproducible: same input, same bytes', () => {
    expect(zipBuffer(entries).equals(zipBuffer(entries))).toBe(true);
  });

  it('encodes DOS dates', () => {
    expect(dosDateTime(new Date(Date.UTC(2026, 10, 22, 10, 30, 14)))).toEqual({
      time: (10 << 11) | (30 << 5) | 7,
      date: ((2026 - 1980) << 9) | (11 << 5) | 22,
    });
  });

  it('refuses names that would escape the folder when unpacked', () => {
    expect(() => zipBuffer([{ name: '../evil', data: Buffer.from('x') }])).toThrow(/bad zip entry/);
    expect(() => zipBuffer([{ name: '/abs', data: Buffer.from('x') }])).toThrow(/bad zip entry/);
  });

  it.skipIf(!existsSync('/usr/bin/unzip'))('passes Info-ZIP unzip -t', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'howsocial-zip-')), 't.zip');
    writeFileSync(file, zipBuffer(entries));
    expect(execFileSync('/usr/bin/unzip', ['-t', file]).toString()).toMatch(/No errors detected/);
  });
});
