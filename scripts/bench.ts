/**
 * `npm run bench`: the project's performance numbers, printed. Performance claims come from here, never from timed
 * tests. Eight sections: the parser, the conversation engine at 0 / 200 / 2,000 jobs (and what reading and writing
 * jobs.json that size costs), the webhook end to end on the file store, the S3 store over the wire (s3rver behind
 * the conditional-write proxy), bursts of texts on both stores, the Lambda bundle sizes, the Lambda cold start
 * against a naive handler, and a text's cost at 1,000 / 10,000 / 50,000 jobs of history.
 *
 * Bounded: every loop stops at a count and at a time budget; a watchdog ends the run at HARD_LIMIT_MS. All traffic
 * stays on 127.0.0.1. Exit 0 when everything ran and nothing was found broken (a lost update, a wrong HTTP status,
 * a bundle over budget, a section that threw); else exit 1 with the reasons.
 *
 * Numbers are wall-clock on a shared machine: compare runs on the same machine, and read the load average printed
 * at the top before trusting a difference.
 */
import os from 'node:os';
import { benchBundles } from './bench/bundle';
import { benchColdStart } from './bench/cold-start';
import { benchHistorySize } from './bench/history-size';
import { benchDocumentCosts, benchEngine, benchParser, buildDocuments, sinkValue, type Documents, type SectionResult } from './bench/engine';
import { benchBursts } from './bench/burst';
import { benchS3 } from './bench/s3';
import { benchSegments } from './bench/segments';
import { formatTable, msSince } from './bench/stats';
import { benchWebhook } from './bench/webhook';

const HARD_LIMIT_MS = 360_000;

const problems: string[] = [];
const started = process.hrtime.bigint();

const watchdog = setTimeout(() => {
  console.log(`\nbench FAILED: still running after ${HARD_LIMIT_MS / 1000} s (load average ${loadAverage()}); stopped.`);
  process.exit(1);
}, HARD_LIMIT_MS);
watchdog.unref();

function loadAverage(): string {
  return os.loadavg().map((load) => load.toFixed(2)).join(' ');
}

function printHeader(): void {
  const cpus = os.cpus();
  console.log('sms-dispatcher bench');
  console.log(`machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB`);
  console.log(`node ${process.version} (${process.platform} ${process.arch}), load average ${loadAverage()}`);
  if (os.loadavg()[0]! > cpus.length) {
    console.log(`note: the 1-minute load (${os.loadavg()[0]!.toFixed(1)}) is above the core count: other work shares the CPU, numbers are pessimistic`);
  }
  console.log('times in ms; ops/s = n / wall time (for concurrent rows that is throughput)');
}

function printSection(title: string, result: SectionResult, ms: number): void {
  console.log(`\n== ${title} (${(ms / 1000).toFixed(1)} s)`);
  if (result.rows.length > 0) console.log(formatTable(result.rows));
  for (const line of result.lines) console.log(line);
}

/** Runs one section; a throw is reported as a problem and the next section still runs. */
async function section(title: string, body: () => SectionResult | Promise<SectionResult>): Promise<void> {
  const t0 = process.hrtime.bigint();
  try {
    printSection(title, await body(), msSince(t0));
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.log(`\n== ${title}: FAILED\n${message}`);
    problems.push(`${title}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * What a section may spend: its nominal budget, cut when the run is behind so the sections after it keep `reserve`
 * ms before the watchdog (on a busy machine every section shrinks instead of the last ones never running).
 */
function budget(nominal: number, reserve: number): number {
  const left = HARD_LIMIT_MS - msSince(started) - reserve;
  return Math.max(nominal * 0.1, Math.min(nominal, left));
}

/** Rough floors for what the later sections need: s3rver start + a few rounds, and two esbuild bundles. */
const RESERVE_S3 = 15_000;
const RESERVE_BUNDLES = 8_000;
const RESERVE_BURSTS = 25_000;
/** Section 8 with its histories cached (a first run generates 50,000 jobs: longer). */
const RESERVE_HISTORY = 25_000;

async function main(): Promise<number> {
  printHeader();
  await section('1. parser: domain/parse/parse-text.ts parseText', () => benchParser(budget(3_000, 60_000)));

  let docs: Documents | null = null;
  await section('2. conversation engine: domain/conversation.ts handleInboundText', async () => {
    docs = await buildDocuments();
    return benchEngine(docs, budget(1_500, 50_000));
  });
  const built = docs as Documents | null;
  if (built) await section('2b. jobs.json read/write cost per webhook write', () => benchDocumentCosts(built, budget(1_000, 45_000)));

  await section('2c. SMS segments per job, booking to completion (domain/gsm7.ts)', () => benchSegments(problems));

  const seeded = docs as Documents | null;
  await section('3. webhook end to end: createApp + file store (200-job history), signed POST /sms', () =>
    benchWebhook(budget(25_000, RESERVE_BURSTS + RESERVE_S3 + RESERVE_BUNDLES + RESERVE_HISTORY), problems, seeded?.d200.doc ?? null),
  );

  if (built) {
    await section('4. S3 store over the wire: s3rver + conditional proxy + updateJobs', () =>
      benchS3(built.d200.doc, budget(20_000, RESERVE_BURSTS + RESERVE_BUNDLES + RESERVE_HISTORY), problems),
    );
  } else problems.push('4. S3: skipped, the 200-job document from section 2 was not built');

  if (built) {
    await section('5. bursts: 200 texts at once (file store), 100 (s3rver + conditional proxy), on a 200-job history', () =>
      benchBursts(built.d200.doc, built.d200.endedAt, problems),
    );
  } else problems.push('5. bursts: skipped, the 200-job document from section 2 was not built');

  await section('6. Lambda bundles: scripts/build-lambda.ts bundleLambda', async () => ({ rows: [], lines: await benchBundles(problems) }));

  if (built) {
    await section('7. Lambda cold start: ours vs the naive handler, fresh processes, interleaved', async () => ({
      rows: [],
      lines: await benchColdStart(built.d200.doc, budget(60_000, RESERVE_HISTORY), problems),
    }));
  } else problems.push('7. cold start: skipped, the 200-job document from section 2 was not built');

  await section('8. history size: seeded 1,000 / 10,000 / 50,000 jobs, archived, texts end to end', () =>
    benchHistorySize(budget(50_000, 0), problems),
  );

  console.log(`\ntotal ${(msSince(started) / 1000).toFixed(1)} s, load average ${loadAverage()} (checksum ${sinkValue() % 1000})`);
  if (problems.length > 0) {
    console.log(`bench FAILED: ${problems.length} problem(s):`);
    for (const problem of problems) console.log(`  - ${problem}`);
    return 1;
  }
  console.log('bench OK: nothing broken');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.log(`bench FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
