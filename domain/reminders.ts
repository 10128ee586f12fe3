/**
 * The day-before reminder: at REMINDER_AT (business time) every customer with a pickup tomorrow gets one text asking
 * them to reply YES (customer-texts.ts marks `confirmedAt`) or text a new time. None for a job booked in the last few
 * hours before the reminder (they just got a confirmation), none in quiet hours, none to opted-out numbers, and one
 * per job and day: the key carries the window's date, so a job moved to another day is reminded again.
 */
import type { ClockStepResult } from './clock-step';
import { isWaiting, withJobs } from './clock-step';
import type { ClockSettings } from './clock-settings';
import { clockWording } from './clock-wording';
import type { BusinessContext } from './context';
import { businessDate } from './crew-wording';
import type { Job, JobsDocument } from './jobs-document';
import { customerSms } from './notifications';
import type { NewOutboxItem } from './outbox';
import { isQuietTime } from './quiet-hours';
import { addDays, businessDay, instantAt, wallClock } from './zoned-date';

/** A job booked this close before the reminder time gets no reminder: its confirmation is still fresh. */
export const RECENT_BOOKING_MS = 4 * 3600_000;

/**
 * Queues tomorrow's reminders when it is REMINDER_AT or later today (outside quiet hours).
 * @example queueReminders(doc, ctx, { ...DEFAULT_CLOCK_SETTINGS }).notify[0]?.key // 'job_1:reminder:2026-06-05:sms'
 */
export function queueReminders(doc: JobsDocument, ctx: BusinessContext, settings: ClockSettings): ClockStepResult {
  const at = settings.reminderAt;
  if (at === null || isQuietTime(ctx.now, ctx.tz)) return { doc, notify: [] };
  const { hour, minute } = wallClock(ctx.now.getTime(), ctx.tz);
  if (hour * 60 + minute < at) return { doc, notify: [] };
  const today = businessDay(ctx.now, ctx.tz);
  const bookedBy = instantAt(today, at, ctx.tz) - RECENT_BOOKING_MS;
  const tomorrow = businessDate(new Date(instantAt(addDays(today, 1), 12 * 60, ctx.tz)), ctx.tz);
  const optedOut = new Set(doc.optOuts);
  const todayText = businessDate(ctx.now, ctx.tz);
  const changed: Job[] = [];
  const notify: NewOutboxItem[] = [];
  for (const job of Object.values(doc.jobs)) {
    if (!isWaiting(job) || !job.window || optedOut.has(job.customer.phone)) continue;
    if (businessDate(new Date(job.window.start), ctx.tz) !== tomorrow) continue;
    if (Date.parse(job.createdAt) > bookedBy) continue;
    if (job.reminderSentAt && businessDate(new Date(job.reminderSentAt), ctx.tz) === todayText) continue;
    notify.push(customerSms(job, `reminder:${tomorrow}`, clockWording.reminder(job, ctx)));
    changed.push({ ...job, reminderSentAt: ctx.now.toISOString() });
  }
  return { doc: withJobs(doc, changed), notify };
}

/**
 * A reminder is waiting for its YES: sent, and not confirmed since.
 * @example awaitsReminderYes({ ...job, reminderSentAt: '2026-06-04T23:00:00Z', confirmedAt: null }) // true
 */
export function awaitsReminderYes(job: Job): boolean {
  if (!job.reminderSentAt || !isWaiting(job)) return false;
  return job.confirmedAt === null || Date.parse(job.confirmedAt) < Date.parse(job.reminderSentAt);
}

/**
 * The job with the visit confirmed now (YES after a reminder): the board and the track page show it.
 * @example confirmVisit(job, new Date('2026-06-04T23:05:00Z')).confirmedAt // '2026-06-04T23:05:00.000Z'
 */
export function confirmVisit(job: Job, now: Date): Job {
  const at = now.toISOString();
  return { ...job, confirmedAt: at, updatedAt: at };
}
