/**
 * One tick of the product's clock: what is due at `ctx.now` is queued in the outbox, in one pure change. The sweep
 * (handlers/sweep.ts) runs it every minute in Lambda and `npm run sweep -- --now ISO` runs it at any instant.
 * The steps are a plain list; each queues its own kind of text, and the tick counts what each one added.
 */
import type { ClockStep } from './clock-step';
import type { ClockSettings } from './clock-settings';
import type { BusinessContext } from './context';
import { queueCrewDigests } from './crew-digest';
import { mergeHeldTexts } from './held-texts';
import type { JobsDocument } from './jobs-document';
import { queueLateAlerts } from './late-alerts';
import { enqueue } from './outbox';
import { queueReminders } from './reminders';
import { queueReviewRequests } from './review-requests';

/** The steps in order: held texts first, so what quiet hours held goes out merged in this same sweep. */
export const CLOCK_STEPS: Readonly<Record<string, ClockStep>> = {
  merged: (doc, ctx) => mergeHeldTexts(doc, ctx),
  reminders: queueReminders,
  digests: queueCrewDigests,
  late: queueLateAlerts,
  reviews: queueReviewRequests,
};

export interface ClockTick {
  readonly doc: JobsDocument;
  /** Outbox items each step added (0 when nothing was due or it was already queued). */
  readonly queued: Readonly<Record<string, number>>;
}

/**
 * @example clockTick(doc, ctx, DEFAULT_CLOCK_SETTINGS).queued // { merged: 0, reminders: 2, digests: 0, late: 0, reviews: 0 }
 */
export function clockTick(doc: JobsDocument, ctx: BusinessContext, settings: ClockSettings): ClockTick {
  let next = doc;
  const queued: Record<string, number> = {};
  for (const [name, step] of Object.entries(CLOCK_STEPS)) {
    const result = step(next, ctx, settings);
    const { doc: withOutbox, added } = enqueue(result.doc, result.notify, ctx.now);
    queued[name] = added.length;
    next = withOutbox;
  }
  return { doc: next, queued };
}
