import { describe, expect, it } from 'vitest';
import { formatScores, scoreReport, totalScore, type ReportMutant } from '../../scripts/mutation/score';

const mutant = (id: string, status: string, line = 1, mutatorName = 'ConditionalExpression'): ReportMutant => ({
  id,
  status,
  mutatorName,
  replacement: 'true',
  location: { start: { line, column: 3 } },
});

describe('npm run mutation scores the domain as the issue counts it', () => {
  const report = {
    files: {
      'domain/a.ts': { mutants: [mutant('1', 'Killed'), mutant('2', 'Timeout'), mutant('3', 'Survived', 7), mutant('4', 'NoCoverage', 9)] },
      'domain/b.ts': { mutants: [mutant('5', 'Killed'), mutant('6', 'Survived', 4, 'EqualityOperator'), mutant('7', 'CompileError')] },
    },
  };

  it('counts mutants no test reaches as survivors, and compile errors not at all', () => {
    const [a, b] = scoreReport(report, []);
    expect(a).toMatchObject({ file: 'domain/a.ts', killed: 2, survived: 1, noCoverage: 1, score: 50 });
    expect(b).toMatchObject({ killed: 1, survived: 1, score: 50 });
    expect(totalScore([a!, b!]).score).toBeCloseTo(50);
  });

  it('leaves out a mutant written down as equivalent, matched by file, line and mutator', () => {
    const scores = scoreReport(report, [{ file: 'domain/b.ts', line: 4, mutator: 'EqualityOperator', reason: 'same result' }]);
    expect(scores[1]).toMatchObject({ killed: 1, survived: 0, equivalent: 1, score: 100 });
    expect(scores[0]?.survivors).toEqual(['domain/a.ts:7:3 ConditionalExpression Survived → "true"', 'domain/a.ts:9:3 ConditionalExpression NoCoverage → "true"']);
  });

  it('an equivalent entry never takes away a killed mutant, and with a column it names only the mutant there', () => {
    const line = (id: string, status: string, column: number): ReportMutant => ({ ...mutant(id, status, 5), location: { start: { line: 5, column } } });
    const c = { 'domain/c.ts': { mutants: [line('8', 'Killed', 3), line('9', 'Survived', 3), line('10', 'Survived', 20)] } };
    const entry = { file: 'domain/c.ts', line: 5, mutator: 'ConditionalExpression', reason: 'same result' };

    expect(scoreReport({ files: c }, [entry])[0]).toMatchObject({ killed: 1, survived: 0, equivalent: 2, score: 100 });
    expect(scoreReport({ files: c }, [{ ...entry, column: 20 }])[0]).toMatchObject({ killed: 1, survived: 1, equivalent: 1, score: 50 });
  });

  it('prints a row per file and the whole', () => {
    const table = formatScores(scoreReport(report, []));
    expect(table).toMatch(/domain\/a\.ts\s+50\.0%\s+2\s+1\s+1\s+0/);
    expect(table).toMatch(/all of domain\/\s+50\.0%\s+3\s+2\s+1\s+0/);
  });
});
