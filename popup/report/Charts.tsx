import { t } from '../../src/i18n';
import { askedComments, timeOf } from '../../src/owner/analysis';
import type { OwnerReport } from '../../src/owner/types';
import { bandOf } from '../../src/score';

/**
 * The report's three charts as inline SVG (no chart library: three small drawings don't earn a
 * dependency): page score per post over time, author reply rate per month, posting rhythm
 * weekday × hour. Each has a text label for screen readers and a table-free caption.
 */

const W = 640;
const H = 200;
const PAD = { l: 36, r: 12, t: 12, b: 28 };

/** Horizontal grid lines with their labels at these values. */
function YGrid({ values, y, label }: { values: number[]; y: (v: number) => number; label: (v: number) => string }) {
  return (
    <>
      {values.map((v) => (
        <g key={v}>
          <line class="grid" x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} />
          <text class="axis" x={PAD.l - 6} y={y(v)} text-anchor="end" dominant-baseline="central">
            {label(v)}
          </text>
        </g>
      ))}
    </>
  );
}

function dateLabel(ms: number, lang: string, withYear = false): string {
  return new Date(ms).toLocaleDateString(lang, { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) });
}

export function ScoreChart({ report, lang }: { report: OwnerReport; lang: string }) {
  const points = report.rows
    .map((r) => ({ t: timeOf(r.time ?? undefined), score: r.score, title: r.title }))
    .filter((p): p is { t: number; score: number; title: string } => Number.isFinite(p.t) && p.score !== null)
    .sort((a, b) => a.t - b.t);
  if (points.length === 0) return <p class="chart-empty">{t('report_chart_scores_empty')}</p>;
  const t0 = points[0].t;
  const span = Math.max(1, points[points.length - 1].t - t0);
  const x = (ms: number) => (points.length === 1 ? (W + PAD.l - PAD.r) / 2 : PAD.l + ((ms - t0) / span) * (W - PAD.l - PAD.r));
  const y = (s: number) => PAD.t + (1 - s / 100) * (H - PAD.t - PAD.b);
  return (
    <svg
      class="owner-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={t('report_chart_scores')}
      data-testid="chart-scores"
    >
      <YGrid values={[0, 50, 90, 100]} y={y} label={String} />
      <polyline class="line" points={points.map((p) => `${x(p.t).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ')} />
      {points.map((p) => (
        <circle key={`${p.t}-${p.title}`} class={`dot band-${bandOf(p.score)}`} cx={x(p.t)} cy={y(p.score)} r="4">
          <title>{`${dateLabel(p.t, lang, true)}: ${p.score} — ${p.title}`}</title>
        </circle>
      ))}
      <text class="axis" x={PAD.l} y={H - 8}>
        {dateLabel(t0, lang, true)}
      </text>
      <text class="axis" x={W - PAD.r} y={H - 8} text-anchor="end">
        {dateLabel(points[points.length - 1].t, lang, true)}
      </text>
    </svg>
  );
}

/** Of the reader comments written in each month, the share the author answered. */
export function replyRateByMonth(report: OwnerReport): { month: string; asked: number; answered: number }[] {
  const months = new Map<string, { asked: number; answered: number }>();
  for (const a of askedComments(report.data)) {
    const ms = timeOf(a.comment.time ?? a.post.time);
    if (!Number.isFinite(ms)) continue;
    const d = new Date(ms);
    const key = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    const m = months.get(key) ?? { asked: 0, answered: 0 };
    m.asked++;
    if (a.answered) m.answered++;
    months.set(key, m);
  }
  return [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, m]) => ({ month, ...m }));
}

export function ReplyRateChart({ report, lang }: { report: OwnerReport; lang: string }) {
  const months = replyRateByMonth(report);
  if (months.length === 0) return <p class="chart-empty">{t('report_chart_reply_rate_empty')}</p>;
  const slot = (W - PAD.l - PAD.r) / months.length;
  const bar = Math.min(48, slot * 0.7);
  const y = (rate: number) => PAD.t + (1 - rate) * (H - PAD.t - PAD.b);
  return (
    <svg
      class="owner-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={t('report_chart_reply_rate')}
      data-testid="chart-reply-rate"
    >
      <YGrid values={[0, 0.5, 1]} y={y} label={(v) => `${v * 100}%`} />
      {months.map((m, i) => {
        const rate = m.answered / m.asked;
        const cx = PAD.l + slot * (i + 0.5);
        const label = new Date(`${m.month}-15T12:00:00`).toLocaleDateString(lang, { month: 'short', year: '2-digit' });
        return (
          <g key={m.month}>
            <rect
              class={`bar band-${bandOf(Math.round(rate * 100))}`}
              x={cx - bar / 2}
              y={y(rate)}
              width={bar}
              height={Math.max(1, y(0) - y(rate))}
            >
              <title>{`${label}: ${m.answered}/${m.asked}`}</title>
            </rect>
            <text class="axis" x={cx} y={H - 8} text-anchor="middle">
              {label}
            </text>
            <text class="axis small" x={cx} y={y(rate) - 4} text-anchor="middle">
              {`${m.answered}/${m.asked}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Posts per weekday (Monday first) × hour of the day, in the viewer's time zone. */
export function rhythm(report: OwnerReport): number[][] {
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const p of report.data.posts) {
    const ms = timeOf(p.time);
    if (!Number.isFinite(ms)) continue;
    const d = new Date(ms);
    grid[(d.getDay() + 6) % 7][d.getHours()]++;
  }
  return grid;
}

export function RhythmChart({ report, lang }: { report: OwnerReport; lang: string }) {
  const grid = rhythm(report);
  const max = Math.max(1, ...grid.flat());
  const cw = (W - 44) / 24;
  const ch = 22;
  // 5 Jan 2026 is a Monday.
  const day = (i: number) => new Date(2026, 0, 5 + i).toLocaleDateString(lang, { weekday: 'short' });
  return (
    <svg
      class="owner-chart"
      viewBox={`0 0 ${W} ${ch * 7 + 24}`}
      role="img"
      aria-label={t('report_chart_rhythm')}
      data-testid="chart-rhythm"
    >
      {grid.map((row, d) => (
        <g key={day(d)}>
          <text class="axis" x={38} y={d * ch + ch / 2} text-anchor="end" dominant-baseline="central">
            {day(d)}
          </text>
          {row.map((n, h) => (
            <rect
              key={`${d}-${h}`}
              class={n ? 'cell filled' : 'cell'}
              x={44 + h * cw}
              y={d * ch + 1}
              width={cw - 2}
              height={ch - 2}
              rx="3"
              style={n ? { fillOpacity: 0.25 + (0.75 * n) / max } : undefined}
              data-count={n}
            >
              <title>{t('report_chart_rhythm_cell', [day(d), h, n])}</title>
            </rect>
          ))}
        </g>
      ))}
      {[0, 6, 12, 18, 23].map((h) => (
        <text key={h} class="axis" x={44 + h * cw + cw / 2} y={ch * 7 + 16} text-anchor="middle">
          {h}
        </text>
      ))}
    </svg>
  );
}
