/**
 * The domain mutation score from Stryker's JSON report (mutation-testing-report-schema): per file and in all,
 * counting mutants no test reaches (NoCoverage) as survivors, and leaving out the mutants written down as
 * equivalent in scripts/mutation/equivalent.json — each with the reason no test could tell it apart.
 */

export interface ReportMutant {
  readonly id: string;
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly location: { readonly start: { readonly line: number; readonly column: number } };
}

export interface MutationReport {
  readonly files: Record<string, { readonly mutants: readonly ReportMutant[] }>;
}

/**
 * A mutant that behaves exactly as the original: its file, line, mutator (and replacement, and column, when the line
 * has several such mutants and only some are equivalent).
 */
export interface Equivalent {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  readonly mutator: string;
  readonly replacement?: string;
  readonly reason: string;
}

export interface FileScore {
  readonly file: string;
  readonly killed: number;
  readonly survived: number;
  readonly noCoverage: number;
  readonly equivalent: number;
  /** Killed (or timed out) / (killed + survived + no coverage), in percent; NaN with no mutants. */
  readonly score: number;
  readonly survivors: readonly string[];
}

const KILLED = new Set(['Killed', 'Timeout']);

function isEquivalent(file: string, mutant: ReportMutant, equivalents: readonly Equivalent[]): boolean {
  return equivalents.some(
    (e) =>
      e.file === file &&
      e.line === mutant.location.start.line &&
      (e.column === undefined || e.column === mutant.location.start.column) &&
      e.mutator === mutant.mutatorName &&
      (e.replacement === undefined || e.replacement === mutant.replacement),
  );
}

/**
 * @example scoreReport({ files: { 'domain/a.ts': { mutants: [killedMutant, survivedMutant] } } }, [])[0].score // 50
 */
export function scoreReport(report: MutationReport, equivalents: readonly Equivalent[]): FileScore[] {
  return Object.entries(report.files)
    .map(([file, { mutants }]) => {
      let killed = 0;
      let survived = 0;
      let noCoverage = 0;
      let equivalent = 0;
      const survivors: string[] = [];
      for (const mutant of mutants) {
        if (mutant.status !== 'Survived' && mutant.status !== 'NoCoverage' && !KILLED.has(mutant.status)) continue;
        // A killed mutant is not equivalent whatever the list says (an entry for its line only means another one).
        if (!KILLED.has(mutant.status) && isEquivalent(file, mutant, equivalents)) {
          equivalent++;
          continue;
        }
        if (KILLED.has(mutant.status)) killed++;
        else {
          if (mutant.status === 'Survived') survived++;
          else noCoverage++;
          survivors.push(`${file}:${mutant.location.start.line}:${mutant.location.start.column} ${mutant.mutatorName} ${mutant.status} → ${JSON.stringify(mutant.replacement ?? '')}`);
        }
      }
      const counted = killed + survived + noCoverage;
      return { file, killed, survived, noCoverage, equivalent, score: counted === 0 ? Number.NaN : (killed / counted) * 100, survivors };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** All files together. @example totalScore(scores).score // 91.2 */
export function totalScore(scores: readonly FileScore[]): Omit<FileScore, 'file' | 'survivors'> {
  const sum = (pick: (s: FileScore) => number) => scores.reduce((total, s) => total + pick(s), 0);
  const killed = sum((s) => s.killed);
  const survived = sum((s) => s.survived);
  const noCoverage = sum((s) => s.noCoverage);
  const counted = killed + survived + noCoverage;
  return { killed, survived, noCoverage, equivalent: sum((s) => s.equivalent), score: counted === 0 ? Number.NaN : (killed / counted) * 100 };
}

/** The table `npm run mutation` prints. */
export function formatScores(scores: readonly FileScore[]): string {
  const total = totalScore(scores);
  const rows = [
    ['file', 'score', 'killed', 'survived', 'no cover', 'equivalent'],
    ...scores.map((s) => [s.file, Number.isNaN(s.score) ? '-' : `${s.score.toFixed(1)}%`, ...[s.killed, s.survived, s.noCoverage, s.equivalent].map(String)]),
    ['all of domain/', `${total.score.toFixed(1)}%`, ...[total.killed, total.survived, total.noCoverage, total.equivalent].map(String)],
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows.map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ')).join('\n');
}
