// Progress on stderr: a bar redrawn in place on a terminal, one plain line per page otherwise
// (CI logs, files), so a log never fills with carriage returns.
import type { BatchItem } from './batch.ts';

interface Out {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** One page's line: what it is and its score, or why it failed. */
export function itemLine(item: BatchItem, n: number, total: number): string {
  const r = item.record;
  const head = `[${n}/${total}] ${r.input}`;
  if (r.error) return `${head}: error: ${r.error}`;
  if (r.kind === 'other') return `${head}: neither an article nor a profile (no score) (${item.ms} ms)`;
  return `${head}: ${r.kind}/${r.platform} score ${r.score ?? '–'} (${r.band}) (${item.ms} ms)`;
}

export function bar(done: number, total: number, failed: number, perMinute: number | null, width = 24): string {
  const filled = total ? Math.round((width * done) / total) : width;
  const rate = perMinute === null ? '' : `  ${perMinute.toFixed(0)} pages/min`;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}${failed ? `  ${failed} failed` : ''}${rate}`;
}

export class Progress {
  private doneCount = 0;
  private failed = 0;
  private readonly started = Date.now();
  private drawn = false;

  constructor(
    private readonly out: Out,
    private readonly total: number,
  ) {}

  private get tty(): boolean {
    return this.out.isTTY === true;
  }

  private clear(): void {
    if (this.tty && this.drawn) this.out.write('\r\x1b[2K');
    this.drawn = false;
  }

  private draw(): void {
    if (!this.tty) return;
    const minutes = (Date.now() - this.started) / 60_000;
    const line = bar(this.doneCount, this.total, this.failed, this.doneCount && minutes > 0 ? this.doneCount / minutes : null);
    this.out.write(`\r\x1b[2K${line.slice(0, (this.out.columns ?? 80) - 1)}`);
    this.drawn = true;
  }

  /** A message (a warning, the build's log line) above the bar. */
  note(line: string): void {
    this.clear();
    this.out.write(`${line}\n`);
    this.draw();
  }

  done(item: BatchItem): void {
    this.doneCount++;
    if (item.record.error) this.failed++;
    if (this.tty) {
      // Failures stay visible above the bar; successes only move it.
      if (item.record.error) this.note(itemLine(item, this.doneCount, this.total));
      else this.draw();
    } else {
      this.out.write(`${itemLine(item, this.doneCount, this.total)}\n`);
    }
  }

  finish(): void {
    this.clear();
  }
}
