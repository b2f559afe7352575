import { t } from '../../src/i18n';
import type { Band } from '../../src/contract';
import { bandLabel } from '../lib/labels';

const R = 42;
const CIRCUMFERENCE = 2 * Math.PI * R;

/** Lighthouse-style ring: the arc is the score, the colour its band, "–" when there is no score. */
export function Gauge({ score, band, size = 96 }: { score: number | null; band: Band; size?: number }) {
  const fraction = score === null ? 0 : Math.max(0, Math.min(100, score)) / 100;
  const label = score === null ? t('popup_gauge_none') : t('popup_gauge_label', [score, bandLabel(band)]);
  return (
    <svg class={`gauge band-${band}`} width={size} height={size} viewBox="0 0 100 100" role="img" aria-label={label}>
      <circle class="gauge-track" cx="50" cy="50" r={R} />
      <circle
        class="gauge-arc"
        cx="50"
        cy="50"
        r={R}
        stroke-dasharray={`${fraction * CIRCUMFERENCE} ${CIRCUMFERENCE}`}
        transform="rotate(-90 50 50)"
      />
      <text class="gauge-number" x="50" y="50" dominant-baseline="central" text-anchor="middle" data-testid="score">
        {score === null ? '–' : score}
      </text>
    </svg>
  );
}
