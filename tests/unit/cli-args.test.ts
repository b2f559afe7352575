// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { defaultConcurrency, parseAsOf, parseAuditArgs, parseInputList, shardOf, UsageError } from '../../scripts/lib/args.ts';

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
    [['https://x.example/', '--url', 'https://y.example/'], /--url given for 0 file inputs:/],
    [['a.html', '--url', 'https://y.example/', '--url', 'https://z.example/'], /2 --url given for 1 file input:/],
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

describe('howsocial audit: batch flags', () => {
  it('reads --input, --concurrency, --shard, --as-of, --live, --settle, --resume, --browser, --no-sandbox', () => {
    const o = parseAuditArgs([
      '--input',
      'list.txt',
      '--concurrency=3',
      '--shard',
      '2/4',
      '--as-of',
      '2024-05-31',
      '--live',
      '--settle',
      '0',
      '--out',
      'r.jsonl',
      '--resume',
      '--browser',
      '/opt/brave.com/brave/brave',
      '--no-sandbox',
    ]);
    expect(o).toMatchObject({
      inputFile: 'list.txt',
      inputs: [],
      concurrency: 3,
      shard: { index: 2, count: 4 },
      asOf: Date.UTC(2024, 4, 31),
      live: true,
      settle: 0,
      format: 'jsonl',
      resume: true,
      browser: '/opt/brave.com/brave/brave',
      noSandbox: true,
    });
  });

  it('defaults: one page per core up to 4, no shard, the page’s own date, offline', () => {
    expect(defaultConcurrency(1)).toBe(1);
    expect(defaultConcurrency(2)).toBe(2);
    expect(defaultConcurrency(16)).toBe(4);
    expect(parseAuditArgs(['a.html'])).toMatchObject({ shard: null, asOf: null, live: false, resume: false, noSandbox: false });
  });

  it('--as-of takes a day as 00:00 UTC or a full ISO time, and refuses anything else', () => {
    expect(parseAsOf('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseAsOf('2024-05-31T12:30:00Z')).toBe(Date.UTC(2024, 4, 31, 12, 30));
    for (const bad of ['2023-02-29', '31.05.2024', 'yesterday', '2024-13-01'])
      expect(() => parseAsOf(bad)).toThrow(/--as-of needs a date/);
  });

  it.each([
    [['a.html', '--shard', '0/2'], /--shard needs I\/N/],
    [['a.html', '--shard', '3/2'], /--shard needs I\/N/],
    [['a.html', '--shard', 'half'], /--shard needs I\/N/],
    [['a.html', '--concurrency', '0'], /--concurrency needs a whole number/],
    [['a.html', '--resume'], /--resume needs --out FILE in jsonl/],
    [['a.html', '--resume', '--out', 'r.json'], /--resume needs --out FILE in jsonl/],
    [['a.html', '--live=yes'], /--live takes no value/],
    [['--input', 'a', '--input', 'b'], /give --input once/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseAuditArgs(argv as string[])).toThrow(message);
  });

  it('an --input list alone is enough input', () => {
    expect(parseAuditArgs(['--input', '-']).inputFile).toBe('-');
  });

  it('shards interleave and together cover every input exactly once', () => {
    const items = Array.from({ length: 11 }, (_, i) => i);
    const shards = [1, 2, 3].map((index) => shardOf(items, { index, count: 3 }));
    expect(shards[0]).toEqual([0, 3, 6, 9]);
    expect(shards.flat().sort((a, b) => a - b)).toEqual(items);
    expect(shardOf(items, null)).toEqual(items);
  });

  it('reads an input list: one a line, a tab before a file’s original URL, # comments and blanks skipped', () => {
    const list = '# saved pages\n\nsaved/a.html\thttps://blog.example/a/\r\nhttps://live.example/x\n  saved/b.html  \n';
    expect(parseInputList(list)).toEqual([
      { input: 'saved/a.html', isUrl: false, url: 'https://blog.example/a/' },
      { input: 'https://live.example/x', isUrl: true, url: 'https://live.example/x' },
      { input: 'saved/b.html', isUrl: false, url: null },
    ]);
    expect(() => parseInputList('a.html\tnot-a-url', 'list.txt')).toThrow(
      'list.txt line 1: the original URL needs to be absolute http(s)',
    );
  });
});
