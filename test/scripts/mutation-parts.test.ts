import { describe, expect, it } from 'vitest';
import { mergeReports, splitIntoParts } from '../../scripts/mutation/parts';
import type { ReportMutant } from '../../scripts/mutation/score';

const file = (path: string, bytes: number) => ({ path, bytes });
const mutant = (status: string): ReportMutant => ({ id: '1', status, mutatorName: 'BooleanLiteral', location: { start: { line: 1, column: 1 } } });

describe('npm run mutation runs the domain in parts that survive a stopped run', () => {
  it('puts every file in exactly one part, the parts about equal in size', () => {
    const files = [file('a.ts', 900), file('b.ts', 500), file('c.ts', 400), file('d.ts', 300), file('e.ts', 200), file('f.ts', 100)];
    const parts = splitIntoParts(files, 3);
    expect(parts.flat().sort()).toEqual(['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts', 'f.ts']);
    const sizes = parts.map((part) => part.reduce((sum, path) => sum + files.find((f) => f.path === path)!.bytes, 0));
    expect(sizes).toEqual([900, 800, 700]);
  });

  it('gives the same parts whatever order the files are listed in, so each part meets its own incremental file', () => {
    const files = [file('x.ts', 10), file('y.ts', 10), file('z.ts', 30), file('w.ts', 20)];
    expect(splitIntoParts([...files].reverse(), 2)).toEqual(splitIntoParts(files, 2));
    expect(splitIntoParts(files, 2)).toEqual([['y.ts', 'z.ts'], ['w.ts', 'x.ts']]);
  });

  it('never makes an empty part when there are fewer files than parts', () => {
    expect(splitIntoParts([file('a.ts', 1)], 8)).toEqual([['a.ts']]);
  });

  it('scores the finished parts together, each file once', () => {
    const merged = mergeReports([
      { files: { 'domain/a.ts': { mutants: [mutant('Killed')] } } },
      { files: { 'domain/b.ts': { mutants: [mutant('Survived')] }, 'domain/a.ts': { mutants: [mutant('Survived')] } } },
    ]);
    expect(Object.keys(merged.files).sort()).toEqual(['domain/a.ts', 'domain/b.ts']);
    expect(merged.files['domain/a.ts']?.mutants[0]?.status).toBe('Survived');
  });
});
