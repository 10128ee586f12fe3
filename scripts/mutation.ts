/**
 * `npm run mutation [-- --mutate domain/outbox.ts,domain/job.ts] [--report-only]`: Stryker (vitest runner) over
 * domain/ with the domain tests, then the score per file, mutants no test reaches counted as survivors and the
 * equivalent ones listed in scripts/mutation/equivalent.json left out. Run by hand, not in CI: it takes minutes.
 * The HTML report is reports/mutation/index.html.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatScores, scoreReport, totalScore, type Equivalent, type MutationReport } from './mutation/score';

const { values } = parseArgs({
  options: { mutate: { type: 'string' }, 'report-only': { type: 'boolean', default: false }, survivors: { type: 'boolean', default: false } },
});

if (!values['report-only']) {
  const args = ['stryker', 'run', 'scripts/mutation/stryker.config.mjs', ...(values.mutate ? ['--mutate', values.mutate] : [])];
  const run = spawnSync('npx', args, { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`mutation: stryker exited ${run.status}`);
    process.exit(run.status ?? 1);
  }
}

const report = JSON.parse(readFileSync('reports/mutation/mutation.json', 'utf8')) as MutationReport;
const equivalents = JSON.parse(readFileSync('scripts/mutation/equivalent.json', 'utf8')) as Equivalent[];
const scores = scoreReport(report, equivalents);
console.log(`\n${formatScores(scores)}`);
if (values.survivors) for (const s of scores) for (const line of s.survivors) console.log(line);
console.log(`\nmutation score ${totalScore(scores).score.toFixed(1)}% (target 90%); equivalent mutants left out: ${equivalents.length}`);
