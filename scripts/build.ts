/**
 * `npm run build [-- --analyze]`: the Lambda bundles into dist/lambda/<name>/index.js and the pages into
 * dist/pages/. Prints a size table and exits 1 when the HTTP bundle is over its budget.
 * `--analyze` also prints the ten largest inputs and packages of each bundle and writes the esbuild metafiles to
 * dist/analyze/<name>.meta.json (open them in https://esbuild.github.io/analyze/).
 */
import { access, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HTTP_BUNDLE_BUDGET_BYTES, LAMBDA_ENTRIES, LOAD_BUDGET_RATIO } from './build-options';
import { NAIVE_HANDLER, LOAD_ENV } from './bench/naive';
import { loadBudgetFailure, measureLoadTimes } from './load-time';
import {
  budgetFailure,
  bundleLambda,
  formatInputSizes,
  formatSizeTable,
  topInputs,
  topPackages,
  type LambdaBundle,
} from './build-lambda';
import { buildPages } from '../handlers/build-pages';

const { values: flags } = parseArgs({ options: { analyze: { type: 'boolean', default: false } } });
const DIST = 'dist';

async function main(): Promise<number> {
  const missing: string[] = [];
  for (const entry of Object.values(LAMBDA_ENTRIES)) {
    await access(entry).catch(() => missing.push(entry));
  }
  if (missing.length > 0) {
    console.error(`build: Lambda entry file(s) missing: ${missing.join(', ')} (listed in scripts/build-options.ts LAMBDA_ENTRIES)`);
    return 1;
  }

  const bundles: LambdaBundle[] = [];
  for (const [name, entry] of Object.entries(LAMBDA_ENTRIES)) {
    try {
      bundles.push(await bundleLambda(name, entry, path.join(DIST, 'lambda')));
    } catch {
      console.error(`build FAILED: bundling the ${name} Lambda (${entry}); esbuild's errors are above.`);
      return 1;
    }
  }

  // Pages are regenerated from scratch so a page deleted from pages/ does not linger in what gets uploaded.
  await rm(path.join(DIST, 'pages'), { recursive: true, force: true });
  const pages = await buildPages(path.join(DIST, 'pages'), { exclude: ['dev'] });

  console.log(formatSizeTable(bundles));
  console.log(`pages: ${pages.length} file(s) in ${path.join(DIST, 'pages')}`);

  if (flags.analyze) {
    await mkdir(path.join(DIST, 'analyze'), { recursive: true });
    for (const bundle of bundles) {
      const metaPath = path.join(DIST, 'analyze', `${bundle.name}.meta.json`);
      await writeFile(metaPath, JSON.stringify(bundle.metafile));
      console.log(`\n${formatInputSizes(`${bundle.name}: 10 largest inputs (bytes in output)`, topInputs(bundle.metafile))}`);
      console.log(formatInputSizes(`${bundle.name}: 10 largest packages`, topPackages(bundle.metafile)));
      console.log(`  metafile: ${metaPath}`);
    }
  }

  const http = bundles.find((bundle) => bundle.name === 'http');
  const failure = http ? budgetFailure(http, HTTP_BUNDLE_BUDGET_BYTES) : null;
  if (failure) {
    console.error(`\nbuild FAILED: ${failure}`);
    return 1;
  }
  if (http) console.log(`http bundle within budget: ${http.bytes} of ${HTTP_BUNDLE_BUDGET_BYTES} bytes`);

  // Load time, measured: each bundle and the naive baseline in fresh processes, interleaved, 5 rounds.
  const scratch = await mkdtemp(path.join(tmpdir(), 'sms-dispatcher-naive-'));
  try {
    const naive = await bundleLambda('naive', NAIVE_HANDLER, scratch);
    // Loaded from the scratch folder, as in a Lambda zip: no package.json with "type": "module" above them.
    const copies = await Promise.all(
      bundles.map(async (bundle) => {
        const outfile = path.join(scratch, bundle.name, 'index.js');
        await mkdir(path.dirname(outfile), { recursive: true });
        await copyFile(bundle.outfile, outfile);
        return { name: bundle.name, outfile };
      }),
    );
    const times = await measureLoadTimes([...copies, naive], 5, { ...LOAD_ENV, PATH: process.env.PATH });
    const of = (name: string) => times.find((time) => time.name === name)!;
    console.log('\nload time (fresh process, median of 5; CPU ms beyond Node start-up, wall ms)');
    for (const time of times) {
      const beyond = time.name === 'node' ? time.cpuMs : time.cpuMs - of('node').cpuMs;
      console.log(`  ${time.name.padEnd(6)} ${beyond.toFixed(0).padStart(5)} ms CPU ${time.wallMs.toFixed(0).padStart(6)} ms wall${time.name === 'node' ? ' (Node alone)' : ''}`);
    }
    const slow = http ? loadBudgetFailure(of('http'), of('naive'), of('node'), LOAD_BUDGET_RATIO) : null;
    if (slow) {
      console.error(`\nbuild FAILED: ${slow}`);
      return 1;
    }
    console.log(`http bundle loads within budget: at most ${LOAD_BUDGET_RATIO}x the naive handler's load time`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // esbuild has already printed its diagnostics (file:line) above; this names the step.
    console.error(`build FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
