// The shape of bench/results/latest.json (`npm run bench`), written by bench/run.ts and read by
// the report (bench/report/) and the smoke test (tests/e2e/bench-smoke.e2e.ts).
import type { ContentBundle } from '../figures/bundle.ts';
import type { ColdFigure } from '../figures/cold.ts';
import type { CsvFigure } from '../figures/csv.ts';
import type { LongTaskFigure } from '../figures/longtasks.ts';
import type { PageFigures } from '../figures/audit.ts';
import type { PopupFigure } from '../figures/popup.ts';
import type { Budgets } from './budgets.ts';

export type { ColdFigure, ContentBundle, CsvFigure, LongTaskFigure, PageFigures, PopupFigure };

/** Every figure of one run; each part is there when it was measured (`--only`). */
export interface Figures {
  csv?: CsvFigure;
  longTasks?: LongTaskFigure[];
  cold?: ColdFigure[];
  popup?: PopupFigure;
  bundle?: ContentBundle;
}

export interface BenchResults {
  /** ISO time of the run */
  date: string;
  smoke: boolean;
  sizes: number[];
  budgets: Budgets;
  /** the warm engine figures, per page */
  pages: PageFigures[];
  figures: Figures;
  /** every figure against its budget (bench/report/rows.ts) */
  table: TableRow[];
}

/** ok / OVER against a budget; n/a when the figure could not be taken; – when it has no budget. */
export type Status = 'ok' | 'OVER' | 'n/a' | '–';

export interface TableRow {
  figure: string;
  page: string;
  median: number | null;
  p95: number | null;
  budget: number | null;
  unit: string;
  status: Status;
  note: string;
}
