/**
 * How long a Lambda bundle takes to load, in a fresh `node` process each time (scripts/bench/cold-start-child.cjs):
 * wall time and CPU time from process start. The build guard (scripts/build.ts) compares CPU time, which another
 * busy process on the machine disturbs far less than wall time, against the naive baseline handler loaded in the
 * same run, so the budget is a ratio that holds on any machine.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { percentile } from './bench/stats';
import { LAMBDA_MEMORY_MB } from './build-options';

const CHILD = fileURLToPath(new URL('./bench/cold-start-child.cjs', import.meta.url));
/**
 * Where a bundle's external modules resolve, as /var/runtime/node_modules does in Lambda: the project's own
 * node_modules stands in for the runtime's AWS SDK (scripts/build-options.ts, LAMBDA_BUILD.external).
 */
const RUNTIME_MODULES = fileURLToPath(new URL('../node_modules', import.meta.url));

/**
 * The V8 heap flags the Lambda Node.js runtime starts `node` with (its bootstrap script, /var/runtime/bootstrap,
 * sizes the heap from AWS_LAMBDA_FUNCTION_MEMORY_SIZE: a tenth for the young generation, split into two
 * semi-spaces, the rest for the old one). Cold starts here run with the same flags, so garbage collection while a
 * megabyte jobs.json is parsed costs what it costs in Lambda: with Node's default for this machine's heap the
 * young generation is a fraction of that, and the first request of either handler collects several times more.
 * @example lambdaHeapFlags(512) // ['--max-semi-space-size=25', '--max-old-space-size=461']
 */
export function lambdaHeapFlags(memoryMb: number): string[] {
  const newSpace = Math.floor(memoryMb / 10);
  return [`--max-semi-space-size=${Math.floor(newSpace / 2)}`, `--max-old-space-size=${memoryMb - newSpace}`];
}

/** One fresh process: ms since its start when the bundle was loaded and when the handler answered, wall and CPU. */
export interface ColdRun {
  readonly loaded: number;
  readonly replied: number;
  readonly loadedCpu: number;
  readonly repliedCpu: number;
  readonly status: number;
}

/** Runs one fresh `node` process on `bundle` (null: Node alone); with `eventFile`, invokes the handler once. */
export function coldRun(bundle: string | null, eventFile: string | null, env: NodeJS.ProcessEnv): Promise<ColdRun> {
  return new Promise((resolve, reject) => {
    const args = [...lambdaHeapFlags(LAMBDA_MEMORY_MB), CHILD, ...(bundle ? [bundle] : []), ...(bundle && eventFile ? [eventFile] : [])];
    const child = spawn(process.execPath, args, { env: { ...env, NODE_PATH: RUNTIME_MODULES }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`cold start of ${bundle ?? 'node'} exited ${code}: ${err.slice(0, 400)}`));
      try {
        resolve(JSON.parse(out) as ColdRun);
      } catch {
        reject(new Error(`cold start of ${bundle ?? 'node'} printed no result: ${out.slice(0, 200)} ${err.slice(0, 200)}`));
      }
    });
  });
}

export interface LoadTime {
  readonly name: string;
  /** Median CPU ms to load, Node's own start-up included. */
  readonly cpuMs: number;
  /** Median wall ms to load. */
  readonly wallMs: number;
}

/**
 * Loads each bundle `runs` times, interleaved (round by round, so load on the machine hits all alike), plus Node
 * alone; medians per bundle. `env` must let every bundle's module-level code run (configuration is read at load).
 * @example await measureLoadTimes([{ name: 'http', outfile: 'dist/lambda/http/index.js' }], 5, env) // [{ name: 'node', … }, { name: 'http', … }]
 */
export async function measureLoadTimes(bundles: readonly { name: string; outfile: string }[], runs: number, env: NodeJS.ProcessEnv): Promise<LoadTime[]> {
  const all = [{ name: 'node', outfile: null as string | null }, ...bundles];
  const samples = new Map<string, ColdRun[]>(all.map((bundle) => [bundle.name, []]));
  for (let round = 0; round < runs; round++) {
    for (const bundle of round % 2 === 0 ? all : [...all].reverse()) samples.get(bundle.name)!.push(await coldRun(bundle.outfile, null, env));
  }
  return all.map(({ name }) => {
    const runsOf = samples.get(name)!;
    return {
      name,
      cpuMs: percentile(runsOf.map((run) => run.loadedCpu).sort((a, b) => a - b), 50),
      wallMs: percentile(runsOf.map((run) => run.loaded).sort((a, b) => a - b), 50),
    };
  });
}

/**
 * Null when the bundle loads within budget, else the message the build fails with: its load CPU time, Node's own
 * start-up taken off both, over `ratio` of the naive handler's.
 * @example loadBudgetFailure({ name: 'http', cpuMs: 200, wallMs: 210 }, { name: 'naive', cpuMs: 400, wallMs: 420 }, { name: 'node', cpuMs: 50, wallMs: 55 }, 0.5) // null
 */
export function loadBudgetFailure(bundle: LoadTime, naive: LoadTime, node: LoadTime, ratio: number): string | null {
  const ours = Math.max(0, bundle.cpuMs - node.cpuMs);
  const baseline = Math.max(1, naive.cpuMs - node.cpuMs);
  if (ours <= ratio * baseline) return null;
  return (
    `${bundle.name} bundle takes ${ours.toFixed(0)} ms of CPU to load beyond Node's start-up, ${(ours / baseline).toFixed(2)}x the naive ` +
    `handler's ${baseline.toFixed(0)} ms, over the LOAD_BUDGET_RATIO of ${ratio} in scripts/build-options.ts. ` +
    'Something now loads at start that the first request does not need: `npm run build -- --analyze` shows what is in the bundle.'
  );
}
