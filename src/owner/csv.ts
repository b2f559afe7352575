import Papa from 'papaparse';
import { messageKey as ruleKey } from '../contract/vocabulary';
import { BOM, evidenceCell, neutralize } from '../export/core';
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

type Column = (typeof OWNER_CSV_COLUMNS)[number];

export function ownerCsv(r: OwnerReport, msg: (key: string) => string, sep: ',' | ';' = ','): string {
  const head = { owner_url: r.url, platform: r.platform, source: r.source, owner_score: r.score, owner_band: r.band };
  const records: Partial<Record<Column, Cell>>[] = [
    ...r.rows.map((p) => ({
      row: 'post',
      ...head,
      post_date: p.time,
      post_url: p.url,
      post_title: p.title,
      comments: p.comments,
      author_replies: p.authorReplies,
      comments_open: p.commentsOpen === null ? '' : p.commentsOpen ? 'yes' : 'no',
      page_score: p.score,
    })),
    ...byImpact(r.findings).map((f) => ({
      row: 'finding',
      ...head,
      rule_id: f.rule,
      rule_title: msg(ruleKey(f.rule, 'title')) || f.rule,
      verdict: f.verdict,
      rule_score: f.score === null ? '' : Math.round(f.score * 100) / 100,
      weight: f.weight,
      evidence: evidenceCell(f.evidence),
      advice: f.verdict === 'warn' || f.verdict === 'fail' ? msg(ruleKey(f.rule, 'advice')) : '',
    })),
  ];
  const body = Papa.unparse(
    { fields: [...OWNER_CSV_COLUMNS], data: records.map((rec) => OWNER_CSV_COLUMNS.map((c) => cell(rec[c], sep))) },
    { delimiter: sep, newline: '\r\n', quotes: false, escapeFormulae: true },
  );
  return `${BOM}${body}\r\n`;
}

export function ownerJsonText(r: OwnerReport, version: string): string {
  return `${JSON.stringify({ tool: 'howsocial', version, owner: ownerJson(r), posts: r.rows }, null, 2)}\n`;
}
