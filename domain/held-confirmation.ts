/**
 * A booking-form confirmation text held back by the hourly cap (booking-limits.ts), sent when the dispatcher says so.
 */
import type { BusinessContext } from './context';
import type { JobChange, JobNotFound } from './dispatch';
import { putJob } from './job';
import type { Job, JobsDocument } from './jobs-document';
import { customerSmsOutsideQuietHours } from './notifications';
import { wording } from './wording';

/**
 * The dispatcher sends a held confirmation text (after checking the booking looks real). Quiet hours still apply.
 * A job with nothing held changes nothing.
 * @example sendHeldConfirmation(doc, 'job_1', ctx).ok // true
 */
export function sendHeldConfirmation(doc: JobsDocument, jobId: string, ctx: BusinessContext): JobChange | JobNotFound {
  const current = doc.jobs[jobId];
  if (!current) return { ok: false, problem: 'not_found' };
  if (!current.confirmationHeld) return { ok: true, doc, notify: [], job: current };
  const job: Job = { ...current, confirmationHeld: false, updatedAt: ctx.now.toISOString() };
  return { ok: true, doc: putJob(doc, job), notify: [customerSmsOutsideQuietHours(job, 'booked', wording.booked(job, ctx), ctx)], job };
}
