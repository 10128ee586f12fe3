/**
 * `npm run -s sweep -- [--now ISO]`
 * Runs one sweep pass (handlers/sweep.ts) against the configured store (DATA_DIR locally, or S3), as if it were
 * `--now`: queues what is due then (held texts merged, reminders, the crew digest, late alerts, review requests),
 * delivers it (local outbox files, or Twilio/SES when configured) and prints one JSON summary line, e.g.
 *   {"at":"2026-06-04T23:00:00.000Z","merged":0,"reminders":2,"digests":0,"late":0,"reviews":0,"attempted":2,"sent":2,"failed":0}
 *   --now ISO   the instant to sweep at; default: the current time. Without an offset ("2026-06-04T18:00") it is
 *               wall-clock time in BUSINESS_TZ.
 * Safe while `npm start` runs: both write jobs.json by compare-and-swap. Exit 1 when a step failed (the summary
 * names it), 2 for a bad flag or configuration.
 */
import { parseArgs } from 'node:util';
import { ConfigError } from '../domain/errors';
import { parseConfig } from '../handlers/config';
import { runSweep } from '../handlers/sweep';
import { depsFromConfig } from '../handlers/wiring';
import { readNow } from './parse';

const USAGE = 'Usage: npm run -s sweep -- [--now 2026-06-04T18:00]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { now: { type: 'string' }, help: { type: 'boolean' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let config;
  try {
    config = parseConfig(process.env, { local: true });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      return 2;
    }
    throw error;
  }
  let now: Date;
  try {
    now = values.now ? readNow(values.now, config.businessTz) : new Date();
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  // Operational logs go to stderr: stdout is the one summary line.
  const deps = depsFromConfig(config, {
    clock: () => now,
    log: (level, message, extra) => console.error(JSON.stringify({ level, message, ...extra })),
  });
  const summary = await runSweep(deps);
  console.log(JSON.stringify(summary));
  return summary.errors ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(String(error));
    process.exit(1);
  },
);
