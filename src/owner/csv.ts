import Papa from 'papaparse';
import { BOM, evidenceCell, neutralize, ruleKey } from '../export/core.js';
import { byImpact } from '../score';
import { ownerJson } from './audit';
import type { OwnerReport } from './types';

/**
 * The owner report as CSV (a row per post, then a row per finding; fixed columns, a public
 * contract like the page export's) and as JSON. Same guards as the page export: formula cells
 * neutralised, papaparse's escapeFormulae on, UTF-8 BOM, ';' and decimal commas for German Excel.
 */
export const OWNER_CSV_COLUMNS = [
  'row',
  'owner_url',
  'platform',
  'source',
  'owner_score',
  'owner_band',
  'post_date',
  'post_url',
  'post_title',
  'comments',
  'author_replies',
  'comments_open',
  'page_score',
  'rule_id',
  'rule_title',
  'verdict',
  'rule_score',
  'weight',
  'evidence',
  'advice',
] as const;

type Cell = string | number | null | undefined;

function cell(v: Cell, sep: ',' | ';'): string {
  const text =
    v === null || v === undefined ? '' : typeof v === 'number' ? (sep === ';' ? String(v).replace('.', ',') : String(v)) : v;
  return neutralize(text);
}

export function ownerCsv(r: OwnerReport, msg: (key: string) => string, sep: ',' | ';' = ','): string {
  const head = [r.url, r.platform, r.source, r.score, r.band];
  const rows: Cell[][] = [
    ...r.rows.map((p) => [
      'post',
      ...head,
      p.time ?? '',
      p.url,
      p.title,
      p.comments,
      p.authorReplies,
      p.commentsOpen === null ? '' : p.commentsOpen ? 'yes' : 'no',
      p.score,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]),
    ...byImpact(r.findings).map((f) => [
      'finding',
      ...head,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      f.rule,
      msg(ruleKey(f.rule, 'title')) || f.rule,
      f.verdict,
      f.score === null ? '' : Math.round(f.score * 100) / 100,
      f.weight,
      evidenceCell(f.evidence),
      f.verdict === 'warn' || f.verdict === 'fail' ? msg(ruleKey(f.rule, 'advice')) : '',
    ]),
  ];
  const body = Papa.unparse(
    { fields: [...OWNER_CSV_COLUMNS], data: rows.map((row) => row.map((v) => cell(v, sep))) },
    { delimiter: sep, newline: '\r\n', quotes: false, escapeFormulae: true },
  );
  return `${BOM}${body}\r\n`;
}

export function ownerJsonText(r: OwnerReport, version: string): string {
  return `${JSON.stringify({ tool: 'howsocial', version, owner: ownerJson(r), posts: r.rows }, null, 2)}\n`;
}
