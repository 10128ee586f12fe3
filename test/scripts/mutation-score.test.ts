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

  it('prints a row per file and the whole', () => {
    const table = formatScores(scoreReport(report, []));
    expect(table).toMatch(/domain\/a\.ts\s+50\.0%\s+2\s+1\s+1\s+0/);
    expect(table).toMatch(/all of domain\/\s+50\.0%\s+3\s+2\s+1\s+0/);
  });
});
