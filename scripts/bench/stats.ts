/**
 * Measuring and printing for `npm run bench`: bounded timing loops (every loop stops at a count AND at a time
 * budget, so a slow machine prints fewer samples instead of hanging), percentiles and the result table.
 * Times come from process.hrtime.bigint (monotonic, nanoseconds) and are reported in milliseconds.
 */

/** One line of the result table. */
export interface Row {
  readonly name: string;
  readonly n: number;
  readonly opsPerSec: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly note: string;
}

/** Samples in ms plus the wall time the whole run took (for ops/s, which also counts concurrency). */
export interface Samples {
  readonly ms: number[];
  readonly wallMs: number;
  /** The loop stopped at its time budget before reaching its count. */
  readonly capped: boolean;
}

/** Milliseconds since `start` (a process.hrtime.bigint() reading). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Nearest-rank percentile of an ascending array: the smallest value with at least p% of the samples at or below it.
 * @example percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50) // 5
 * @example percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95) // 10
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile: p must be in (0, 100], got ${p}`);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * A table row from samples; ops/s is n over the wall time (so concurrent runs show throughput, not 1/latency).
 * @example summarize('x', { ms: [1, 2, 3], wallMs: 6, capped: false }).opsPerSec // 500
 */
export function summarize(name: string, samples: Samples, note = ''): Row {
  const sorted = [...samples.ms].sort((a, b) => a - b);
  const n = sorted.length;
  const notes = [note, samples.capped ? 'stopped at its time budget' : ''].filter(Boolean).join('; ');
  return {
    name,
    n,
    opsPerSec: samples.wallMs > 0 ? (n * 1000) / samples.wallMs : Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: n === 0 ? Number.NaN : sorted[n - 1]!,
    note: notes,
  };
}

export interface Bounds {
  /** Iterations wanted. */
  readonly count: number;
  /** Stop early (and say so) once this much wall time has gone by. */
  readonly maxMs: number;
}

/** Runs `fn` up to `count` times, timing each call; stops at `maxMs`. */
export function timeSync(fn: (i: number) => void, bounds: Bounds): Samples {
  const ms: number[] = [];
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(bounds.maxMs * 1e6));
  let capped = false;
  for (let i = 0; i < bounds.count; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    const t1 = process.hrtime.bigint();
    ms.push(Number(t1 - t0) / 1e6);
    if (t1 > deadline && i + 1 < bounds.count) {
      capped = true;
      break;
    }
  }
  return { ms, wallMs: msSince(start), capped };
}

/** The same, one awaited call after another. */
export async function timeSequential(fn: (i: number) => Promise<void>, bounds: Bounds): Promise<Samples> {
  const ms: number[] = [];
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(bounds.maxMs * 1e6));
  let capped = false;
  for (let i = 0; i < bounds.count; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i);
    const t1 = process.hrtime.bigint();
    ms.push(Number(t1 - t0) / 1e6);
    if (t1 > deadline && i + 1 < bounds.count) {
      capped = true;
      break;
    }
  }
  return { ms, wallMs: msSince(start), capped };
}

/** `width` calls at once, timing each; the wall time is from the first start to the last end. */
export async function timeConcurrent(fn: (i: number) => Promise<void>, width: number): Promise<Samples> {
  const start = process.hrtime.bigint();
  const ms = await Promise.all(
    Array.from({ length: width }, async (_, i) => {
      const t0 = process.hrtime.bigint();
      await fn(i);
      return msSince(t0);
    }),
  );
  return { ms, wallMs: msSince(start), capped: false };
}

/** Several runs as one (rounds of a concurrent test): samples joined, wall times added. */
export function combine(runs: readonly Samples[]): Samples {
  return {
    ms: runs.flatMap((run) => run.ms),
    wallMs: runs.reduce((sum, run) => sum + run.wallMs, 0),
    capped: runs.some((run) => run.capped),
  };
}

/** @example formatMs(0.01234) // '0.0123'; formatMs(12.345) // '12.3' */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toPrecision(3);
}

/** @example formatOps(23456.7) // '23,457' */
export function formatOps(ops: number): string {
  if (!Number.isFinite(ops)) return '-';
  return ops >= 100 ? Math.round(ops).toLocaleString('en-US') : ops.toFixed(1);
}

/** Columns padded to the widest cell; numbers right-aligned, name and note left-aligned. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['name', 'n', 'ops/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'notes'];
  const cells = [
    header,
    ...rows.map((r) => [
      r.name,
      String(r.n),
      formatOps(r.opsPerSec),
      formatMs(r.p50),
      formatMs(r.p95),
      formatMs(r.p99),
      formatMs(r.max),
      r.note,
    ]),
  ];
  const widths = header.map((_, col) => Math.max(...cells.map((row) => row[col]!.length)));
  const last = header.length - 1;
  return cells
    .map((row) =>
      row
        .map((cell, col) => (col === last ? cell : col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** @example kb(2048) // '2.0 KB' */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * The median over pairs of a / b, each pair measured back to back (interleaved fresh processes), so a burst of
 * load on the machine hits both sides of a pair alike; on a shared machine it moves less than the ratio of medians.
 * @example pairedRatio([{ ms: 100 }, { ms: 300 }], [{ ms: 200 }, { ms: 600 }], (run) => run.ms) // 0.5
 */
export function pairedRatio<T>(a: readonly T[], b: readonly T[], of: (run: T) => number): number {
  const ratios = a.slice(0, b.length).map((run, i) => of(run) / of(b[i]!)).sort((x, y) => x - y);
  return percentile(ratios, 50);
}
