import { t } from '../../src/i18n';
import { bandOf } from '../../src/score';

export interface Point {
  time: number;
  score: number | null;
}

const W = 84;
const H = 30;
const PAD = 3;

/** A small line of the score over time (0–100 on the y axis), drawn by hand: no chart library. */
export function Chart({ points }: { points: readonly Point[] }) {
  const scored = points.filter((p): p is { time: number; score: number } => p.score !== null);
  const label =
    scored.length === 0
      ? t('history_chart_empty')
      : t('history_chart_label', [scored.length, scored[0].score, scored[scored.length - 1].score]);
  if (scored.length === 0) return <span class="chart-empty">{label}</span>;
  const t0 = scored[0].time;
  const span = Math.max(1, scored[scored.length - 1].time - t0);
  const x = (time: number) => (scored.length === 1 ? W / 2 : PAD + ((time - t0) / span) * (W - 2 * PAD));
  const y = (score: number) => PAD + (1 - score / 100) * (H - 2 * PAD);
  const line = scored.map((p) => `${x(p.time).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ');
  const last = scored[scored.length - 1];
  return (
    <svg class="chart" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <line class="chart-mid" x1={PAD} x2={W - PAD} y1={y(50)} y2={y(50)} />
      {scored.length > 1 && <polyline class="chart-line" points={line} />}
      <circle class={`chart-dot band-${bandOf(last.score)}`} cx={x(last.time)} cy={y(last.score)} r="3" />
    </svg>
  );
}
