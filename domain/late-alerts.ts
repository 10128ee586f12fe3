/**
 * Late alerts: LATE_AFTER_MIN into a pickup window with nobody on the way, the dispatcher is emailed and the card is
 * marked late (`lateAlertAt`); when the window ends with still nobody on the way, the customer gets one apology that
 * says how to reschedule by text. Both are once per window (the keys carry the window's start), and neither is
 * sent for a window that ended long ago (a switch-on or an outage must not apologise for last week).
 */
import type { ClockStepResult } from './clock-step';
import { isWaiting, withJobs } from './clock-step';
import type { ClockSettings } from './clock-settings';
import { clockWording } from './clock-wording';
import type { BusinessContext } from './context';
import type { Job, JobsDocument } from './jobs-document';
import { customerSmsOutsideQuietHours } from './notifications';
import type { NewOutboxItem } from './outbox';

/** After this long past a window's end, nothing more is said about it. */
export const LATE_GIVE_UP_MS = 12 * 3600_000;

/**
 * @example queueLateAlerts(doc, ctx, { ...DEFAULT_CLOCK_SETTINGS }).notify.map((item) => item.key) // ['job_1:late:2026-06-04T12:00:00-05:00:email']
 */
export function queueLateAlerts(doc: JobsDocument, ctx: BusinessContext, settings: ClockSettings): ClockStepResult {
  const after = settings.lateAfterMin;
  if (after === null) return { doc, notify: [] };
  const now = ctx.now.getTime();
  const optedOut = new Set(doc.optOuts);
  const changed: Job[] = [];
  const notify: NewOutboxItem[] = [];
  for (const original of Object.values(doc.jobs)) {
    if (!isWaiting(original) || !original.window) continue;
    const start = Date.parse(original.window.start);
    const end = Date.parse(original.window.end);
    if (now < start + after * 60_000 || now >= end + LATE_GIVE_UP_MS) continue;
    let job = original;
    if (!sinceWindowStart(job.lateAlertAt, start)) {
      job = { ...job, lateAlertAt: ctx.now.toISOString() };
      if (ctx.dispatchEmail) {
        const { subject, body } = clockWording.lateAlert(job, Math.round((now - start) / 60_000), ctx);
        notify.push({ key: `${job.id}:late:${job.window!.start}:email`, channel: 'email', to: ctx.dispatchEmail, subject, body, jobId: job.id });
      }
    }
    if (now >= end && !sinceWindowStart(job.apologySentAt, start) && !optedOut.has(job.customer.phone)) {
      job = { ...job, apologySentAt: ctx.now.toISOString() };
      notify.push(customerSmsOutsideQuietHours(job, `apology:${job.window!.start}`, clockWording.apology(job, ctx), ctx));
    }
    if (job !== original) changed.push(job);
  }
  return { doc: withJobs(doc, changed), notify };
}

/**
 * The card's late mark: alerted for the current window and still nobody on the way.
 * @example isLate({ ...job, status: 'booking_confirmed', lateAlertAt: '2026-06-04T17:30:00Z' }) // true
 */
export function isLate(job: Job): boolean {
  return isWaiting(job) && job.window !== null && sinceWindowStart(job.lateAlertAt, Date.parse(job.window.start));
}

function sinceWindowStart(at: string | null, start: number): boolean {
  return at !== null && Date.parse(at) >= start;
}
