/**
 * One sweep pass: the product's clock. Lambda's schedule runs it every minute, `npm start` every 15 s, and
 * `npm run -s sweep -- --now ISO` once at any instant. A pass is a plain list of steps run in order; each step does
 * its own compare-and-swap writes (safe beside a running server or another sweep) and reports its own keys in the
 * pass's one summary object. A step that fails is logged and reported; the steps after it still run.
 */
import { clockTick } from '../domain/clock-tick';
import { deliverOutbox } from './deliver';
import { businessContext, type Deps } from './deps';
import { readCrew, updateJobs } from './state';

export type SweepSummary = Record<string, unknown>;

export interface SweepStep {
  readonly name: string;
  readonly run: (deps: Deps) => Promise<SweepSummary>;
}

/** Queues what the clock says is due now (held texts merged, reminders, crew digest, late alerts, reviews). */
export const clockStep: SweepStep = {
  name: 'clock',
  run: async (deps) => {
    const crew = await readCrew(deps.store);
    // A broken roster must not stop customers' reminders: the digest just has nobody to go to until it is fixed.
    if (!crew.ok) deps.log('warn', 'crew.json is invalid; no crew digest this pass', { errors: crew.errors });
    const ctx = businessContext(deps, crew.ok ? crew.roster : { crew: [] });
    const { queued } = await updateJobs(deps.store, (doc) => {
      const tick = clockTick(doc, ctx, deps.config.clock);
      return { doc: tick.doc, result: { queued: tick.queued } };
    });
    return queued;
  },
};

/** Delivers everything due: what the clock just queued, retries, texts held for quiet hours. */
export const deliverStep: SweepStep = {
  name: 'deliver',
  run: async (deps) => ({ ...(await deliverOutbox(deps)) }),
};

/** The pass's steps, in order. Queue before deliver, so what falls due goes out in the same pass. */
export const SWEEP_STEPS: readonly SweepStep[] = [clockStep, deliverStep];

/**
 * Runs one pass at `deps.clock()` and returns its summary: `{ at, ...each step's keys }`, plus `errors` naming the
 * steps that failed.
 * @example await runSweep(deps) // { at: '2026-06-04T23:00:00.000Z', merged: 0, reminders: 2, …, attempted: 2, sent: 2, failed: 0 }
 */
export async function runSweep(deps: Deps, steps: readonly SweepStep[] = SWEEP_STEPS): Promise<SweepSummary> {
  const summary: SweepSummary = { at: deps.clock().toISOString() };
  const errors: string[] = [];
  for (const step of steps) {
    try {
      Object.assign(summary, await step.run(deps));
    } catch (error) {
      errors.push(`${step.name}: ${String(error)}`);
      deps.log('error', 'sweep step failed', { step: step.name, error: String(error) });
    }
  }
  if (errors.length > 0) summary.errors = errors;
  return summary;
}
