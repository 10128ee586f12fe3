/**
 * `npm run mutation [-- --part 3] [--mutate domain/outbox.ts,domain/job.ts] [--report-only] [--survivors]`: Stryker
 * (vitest runner) over domain/ with the domain tests, then the score per file, mutants no test reaches counted as
 * survivors and the equivalent ones listed in scripts/mutation/equivalent.json left out. Run by hand, not in CI.
 * The whole domain runs in PARTS parts (reports/mutation/parts/), so a stopped run keeps what it finished; --mutate
 * runs just those files into reports/mutation/mutation.json and scores that.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mergeReports, splitIntoParts } from './mutation/parts';
import { formatScores, scoreReport, totalScore, type Equivalent, type MutationReport } from './mutation/score';

const PARTS = 8;
const PARTS_DIR = 'reports/mutation/parts';
const BASE_CONFIG = 'scripts/mutation/stryker.config.mjs';

const { values } = parseArgs({
  options: {
    mutate: { type: 'string' },
    part: { type: 'string' },
    'report-only': { type: 'boolean', default: false },
    survivors: { type: 'boolean', default: false },
  },
});

function stryker(config: string, extra: string[] = []): void {
  const run = spawnSync('npx', ['stryker', 'run', config, ...extra], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`mutation: stryker exited ${run.status}`);
    process.exit(run.status ?? 1);
  }
}

function domainParts(): string[][] {
  const files = (readdirSync('domain', { recursive: true }) as string[])
    .map((name) => join('domain', name))
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts') && path !== join('domain', 'ports.ts'))
    .map((path) => ({ path, bytes: statSync(path).size }));
  return splitIntoParts(files, PARTS);
}

/** A config for one part: the project's, with that part's files and its own report and incremental file. */
function writePartConfig(index: number, files: readonly string[]): string {
  mkdirSync(PARTS_DIR, { recursive: true });
  const config = join(PARTS_DIR, `part-${index}.config.mjs`);
  const name = (suffix: string) => join(PARTS_DIR, `part-${index}${suffix}`);
  writeFileSync(
    config,
    `import base from ${JSON.stringify(resolve(BASE_CONFIG))};\n` +
      `export default { ...base, mutate: ${JSON.stringify(files)}, incrementalFile: ${JSON.stringify(name('.incremental.json'))},\n` +
      `  jsonReporter: { fileName: ${JSON.stringify(name('.json'))} }, htmlReporter: { fileName: ${JSON.stringify(name('.html'))} } };\n`,
  );
  return config;
}

const parts = domainParts();
if (!values['report-only']) {
  if (values.mutate) stryker(BASE_CONFIG, ['--mutate', values.mutate]);
  else {
    const chosen = values.part ? [Number(values.part)] : parts.map((_, i) => i + 1);
    for (const index of chosen) {
      const files = parts[index - 1];
      if (!files) throw new Error(`--part ${values.part}: there are parts 1 to ${parts.length}`);
      console.log(`\nmutation: part ${index} of ${parts.length} (${files.length} files)`);
      stryker(writePartConfig(index, files));
    }
  }
}

const readReport = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as MutationReport;
const partReports = parts.map((_, i) => join(PARTS_DIR, `part-${i + 1}.json`)).filter((path) => existsSync(path));
const report = values.mutate || partReports.length === 0 ? readReport('reports/mutation/mutation.json') : mergeReports(partReports.map(readReport));
const equivalents = JSON.parse(readFileSync('scripts/mutation/equivalent.json', 'utf8')) as Equivalent[];
const scores = scoreReport(report, equivalents);
console.log(`\n${formatScores(scores)}`);
if (values.survivors) for (const s of scores) for (const line of s.survivors) console.log(line);
const missing = parts.length - partReports.length;
const scope = values.mutate ? 'of the files given' : missing > 0 ? `of ${partReports.length} of ${parts.length} parts (${missing} not run yet)` : 'of the whole domain';
console.log(`\nmutation score ${scope}: ${totalScore(scores).score.toFixed(1)}% (target 90%); equivalent mutants left out: ${equivalents.length}`);
