/** Lambda entry for the every-minute schedule: one sweep pass (handlers/sweep.ts) at the real time. */
import { parseConfig } from './config';
import { settled } from './state';
import { runSweep, type SweepSummary } from './sweep';
import { depsFromConfig } from './wiring';

const deps = depsFromConfig(parseConfig(process.env, { local: false }));

export async function handler(): Promise<SweepSummary> {
  const summary = await runSweep(deps);
  await settled(deps.store);
  deps.log('info', 'sweep', { ...summary });
  return summary;
}
