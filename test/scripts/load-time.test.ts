import { describe, expect, it } from 'vitest';
import { lambdaHeapFlags, loadBudgetFailure, type LoadTime } from '../../scripts/load-time';

const time = (name: string, cpuMs: number): LoadTime => ({ name, cpuMs, wallMs: cpuMs * 1.1 });

describe('the build fails when the Lambda bundle loads too slowly next to the naive handler', () => {
  const node = time('node', 50);
  const naive = time('naive', 450);

  it('passes a bundle at or under the ratio, Node start-up taken off both', () => {
    expect(loadBudgetFailure(time('http', 250), naive, node, 0.5)).toBeNull();
  });

  it('fails a bundle over the ratio, saying by how much and where the budget lives', () => {
    const failure = loadBudgetFailure(time('http', 260), naive, node, 0.5);
    expect(failure).toMatch(/^http bundle takes 210 ms of CPU to load beyond Node's start-up, 0\.53x the naive handler's 400 ms/);
    expect(failure).toMatch(/LOAD_BUDGET_RATIO of 0\.5 in scripts\/build-options\.ts/);
  });
});

describe('cold starts are measured in a node started as the Lambda runtime starts it', () => {
  it.each([
    [128, ['--max-semi-space-size=6', '--max-old-space-size=116']],
    [512, ['--max-semi-space-size=25', '--max-old-space-size=461']],
    [1024, ['--max-semi-space-size=51', '--max-old-space-size=922']],
  ])('a %i MB function gets a tenth of its memory as young generation, the rest as old', (memory, flags) => {
    expect(lambdaHeapFlags(memory)).toEqual(flags);
  });
});
