/**
 * A whole-domain mutation run takes about two hours on two cores, and Stryker writes its report only at the end, so
 * `npm run mutation` runs the domain in parts, each with its own report and incremental file: a run that is stopped
 * keeps every finished part, and the score is read from all of them together.
 */
import type { MutationReport } from './score';

export interface SourceFile {
  readonly path: string;
  readonly bytes: number;
}

/**
 * Splits the files into `count` parts of about equal size (largest first into the lightest part), each part sorted.
 * The same files always give the same parts, so a part's incremental file matches its next run.
 * @example splitIntoParts([{ path: 'a.ts', bytes: 5 }, { path: 'b.ts', bytes: 3 }, { path: 'c.ts', bytes: 2 }], 2)
 * // [['a.ts'], ['b.ts', 'c.ts']]
 */
export function splitIntoParts(files: readonly SourceFile[], count: number): string[][] {
  const parts = Array.from({ length: Math.min(count, files.length) }, () => ({ bytes: 0, paths: [] as string[] }));
  const bySize = [...files].sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));
  for (const file of bySize) {
    const lightest = parts.reduce((min, part) => (part.bytes < min.bytes ? part : min));
    lightest.bytes += file.bytes;
    lightest.paths.push(file.path);
  }
  return parts.map((part) => part.paths.sort());
}

/** One report from the parts' reports; a file in two of them keeps the later one. */
export function mergeReports(reports: readonly MutationReport[]): MutationReport {
  return { files: Object.assign({}, ...reports.map((report) => report.files)) as MutationReport['files'] };
}
