// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseAuditArgs, UsageError } from '../../scripts/lib/args.ts';

describe('npm run audit: argument parsing', () => {
  it('takes files and URLs, json by default, stdout by default', () => {
    const o = parseAuditArgs(['page.html', 'https://blog.example/post/']);
    expect(o.format).toBe('json');
    expect(o.out).toBeNull();
    expect(o.inputs).toEqual([
      { input: 'page.html', isUrl: false, url: null },
      { input: 'https://blog.example/post/', isUrl: true, url: 'https://blog.example/post/' },
    ]);
  });

  it('reads --format, --out, --timeout in both spellings', () => {
    const o = parseAuditArgs(['a.html', '--format=csv', '-o', 'out/x.csv', '--timeout', '5000']);
    expect(o).toMatchObject({ format: 'csv', out: 'out/x.csv', timeout: 5000 });
    expect(parseAuditArgs(['--format', 'JSON', 'a.html']).format).toBe('json');
  });

  it('takes CSV from an --out file name ending in .csv unless --format says otherwise', () => {
    expect(parseAuditArgs(['a.html', '--out', 'Audits.CSV']).format).toBe('csv');
    expect(parseAuditArgs(['a.html', '--out', 'a.csv', '--format', 'json']).format).toBe('json');
    expect(parseAuditArgs(['a.html', '--out', 'a.json']).format).toBe('json');
  });

  it('gives the k-th --url to the k-th file, never to URL inputs', () => {
    const o = parseAuditArgs([
      'a.html',
      '--url',
      'https://a.example/1',
      'https://live.example/',
      'b.html',
      '--url=https://b.example/2',
    ]);
    expect(o.inputs.map((i) => [i.input, i.url])).toEqual([
      ['a.html', 'https://a.example/1'],
      ['https://live.example/', 'https://live.example/'],
      ['b.html', 'https://b.example/2'],
    ]);
  });

  it('leaves files without a --url to canonical detection', () => {
    const o = parseAuditArgs(['a.html', 'b.html', '--url', 'https://a.example/']);
    expect(o.inputs[1].url).toBeNull();
  });

  it('treats everything after -- as inputs', () => {
    const o = parseAuditArgs(['--', '--odd-name.html']);
    expect(o.inputs[0].input).toBe('--odd-name.html');
  });

  it.each([
    [[], /no input/],
    [['a.html', '--format', 'xml'], /unknown format/],
    [['a.html', '--bogus'], /unknown option --bogus/],
    [['a.html', '--out'], /--out needs a value/],
    [['a.html', '--out', '--format'], /--out needs a value/],
    [['a.html', '--url', 'example.com/x'], /absolute http/],
    [['a.html', '--url', 'ftp://example.com/x'], /absolute http/],
    [['https://x.example/', '--url', 'https://y.example/'], /--url given for 0 file/],
    [['a.html', '--timeout', 'soon'], /--timeout/],
  ])('rejects %j with a usage error', (argv, message) => {
    expect(() => parseAuditArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseAuditArgs(argv as string[])).toThrow(message);
  });

  it('answers --help without needing inputs', () => {
    expect(parseAuditArgs(['--help']).help).toBe(true);
    expect(parseAuditArgs(['-h', '--bogus-after']).help).toBe(true);
  });
});
