/** Lambda entry for the every-minute schedule: delivers whatever the outbox has due (retries, held texts). */
import { parseConfig } from './config';
import { deliverOutbox } from './deliver';
import { depsFromConfig } from './wiring';

const deps = depsFromConfig(parseConfig(process.env, { local: false }));

export async function handler(): Promise<{ attempted: number; sent: number; failed: number }> {
  const summary = await deliverOutbox(deps);
  deps.log('info', 'sweep', { ...summary });
  return summary;
}
