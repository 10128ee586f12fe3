/**
 * One sweep pass: the product's clock. Lambda's schedule runs it every minute, `npm start` every 15 s, and
 * `npm run -s sweep -- --now ISO` once at any instant. A pass is a plain list of steps run in order; each step does
 * its own compare-and-swap writes (safe beside a running server or another sweep) and reports its own keys in the
 * pass's one summary object. A step that fails is logged and reported; the steps after it still run.
 */
import { archiveClosedJobs } from './archive';
import { deliverOutbox } from './deliver';
import type { Deps } from './deps';
import { applyParked } from './inbox';

export type SweepSummary = Record<string, unknown>;

export interface SweepStep {
  readonly name: string;
  readonly run: (deps: Deps) => Promise<SweepSummary>;
}

/** Applies what was parked (texts and bookings that missed their write, handlers/inbox.ts), oldest first. */
export const parkedStep: SweepStep = {
  name: 'parked',
  run: async (deps) => {
    const parked = await applyParked(deps);
    return { parkedApplied: parked.applied, parkedKept: parked.kept };
  },
};

/** Delivers everything due: replies to parked texts, retries, texts held for quiet hours, items whose deliverer died. */
export const deliverStep: SweepStep = {
  name: 'deliver',
  run: async (deps) => ({ ...(await deliverOutbox(deps)) }),
};

/** Moves closed jobs older than ARCHIVE_AFTER_DAYS into the monthly archive (handlers/archive.ts); safe to retry. */
export const archiveStep: SweepStep = {
  name: 'archive',
  run: async (deps) => ({ archived: await archiveClosedJobs(deps) }),
};

/** The pass's steps, in order: parked texts first (their replies go out in the same pass), archiving last. */
export const SWEEP_STEPS: readonly SweepStep[] = [parkedStep, deliverStep, archiveStep];

/**
 * Runs one pass at `deps.clock()` and returns its summary: `{ at, ...each step's keys }`, plus `errors` naming the
 * steps that failed.
 * @example await runSweep(deps) // { at: '2026-06-04T23:00:00.000Z', parkedApplied: 0, …, attempted: 2, sent: 2, failed: 0, archived: {…} }
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
