/**
 * The review request: with REVIEW_URL set, the day after a job is completed, from 10:00 business time, one text with
 * the link. Never twice (`reviewRequestedAt` and the key), never to an opted-out number, never for a cancelled job,
 * and never when the dispatcher marked a complaint on the job.
 */
import type { ClockStepResult } from './clock-step';
import { withJobs } from './clock-step';
import type { ClockSettings } from './clock-settings';
import { clockWording } from './clock-wording';
import type { BusinessContext } from './context';
import type { Job, JobsDocument } from './jobs-document';
import { customerSms } from './notifications';
import type { NewOutboxItem } from './outbox';
import { isQuietTime } from './quiet-hours';
import { businessDay, daysBetween, wallClock } from './zoned-date';

/** 10:00 business time, the day after completion. */
export const REVIEW_AT_MINUTES = 10 * 60;

/**
 * @example queueReviewRequests(doc, ctx, { ...DEFAULT_CLOCK_SETTINGS, reviewUrl: 'https://g.page/r/x' }).notify[0]?.key // 'job_1:review:sms'
 */
export function queueReviewRequests(doc: JobsDocument, ctx: BusinessContext, settings: ClockSettings): ClockStepResult {
  const url = settings.reviewUrl;
  if (url === null || isQuietTime(ctx.now, ctx.tz)) return { doc, notify: [] };
  const { hour, minute } = wallClock(ctx.now.getTime(), ctx.tz);
  if (hour * 60 + minute < REVIEW_AT_MINUTES) return { doc, notify: [] };
  const today = businessDay(ctx.now, ctx.tz);
  const optedOut = new Set(doc.optOuts);
  const changed: Job[] = [];
  const notify: NewOutboxItem[] = [];
  for (const job of Object.values(doc.jobs)) {
    if (job.status !== 'completed' || job.complaint || job.reviewRequestedAt || optedOut.has(job.customer.phone)) continue;
    const done = completedAt(job);
    if (!done || daysBetween(businessDay(new Date(done), ctx.tz), today) !== 1) continue;
    notify.push(customerSms(job, 'review', clockWording.reviewRequest(job, url, ctx)));
    changed.push({ ...job, reviewRequestedAt: ctx.now.toISOString() });
  }
  return { doc: withJobs(doc, changed), notify };
}

function completedAt(job: Job): string | undefined {
  return [...job.history].reverse().find((entry) => entry.status === 'completed')?.at;
}
