/**
 * The sweep (every minute in Lambda, every 15 s locally): first apply what was parked (texts and bookings that
 * missed their write, handlers/inbox.ts), then deliver whatever the outbox has due (retries, texts held for quiet
 * hours, the replies to parked texts, items whose deliverer died).
 */
import { deliverOutbox, type DeliverySummary } from './deliver';
import type { Deps } from './deps';
import { applyParked } from './inbox';

export interface SweepSummary extends DeliverySummary {
  /** Parked texts and bookings applied this run, and those still parked (refused; logged). */
  readonly parkedApplied: number;
  readonly parkedKept: number;
}

/** One sweep. A failure to apply parked items is logged and does not stop delivery. */
export async function runSweep(deps: Deps): Promise<SweepSummary> {
  let parked = { applied: 0, kept: 0 };
  try {
    parked = await applyParked(deps);
  } catch (error) {
    deps.log('error', 'applying parked texts failed; the next sweep retries', { error: String(error) });
  }
  const delivered = await deliverOutbox(deps);
  return { ...delivered, parkedApplied: parked.applied, parkedKept: parked.kept };
}
