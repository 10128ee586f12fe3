/**
 * Which business day a job belongs to on the dispatcher's board, for its Today / Tomorrow / All filter. Work is
 * today's while it still has to be done today: a job with no window ("as soon as possible") and an open job whose
 * day has passed (overdue) are today's. Otherwise the day its window starts; a closed job with no window, the day
 * it closed. Days are 'YYYY-MM-DD' in the business time zone.
 */
import { businessDate } from './crew-wording';
import { closedAtOf } from './hot-document';
import type { Job } from './jobs-document';
import { isoDay } from './parse/pickup-window';
import { STATUSES } from './statuses';
import { addDays, businessDay } from './zoned-date';

/**
 * @example boardDay(asapJob, new Date('2026-06-05T03:30:00Z'), 'America/Chicago') // '2026-06-04' (10:30 PM: still today)
 * @example boardDay(tomorrowMorningJob, now, 'America/Chicago') // '2026-06-05'
 */
export function boardDay(job: Job, now: Date, tz: string): string {
  const today = businessDate(now, tz);
  const open = STATUSES[job.status].open;
  if (!job.window) return open ? today : businessDate(new Date(closedAtOf(job) ?? now.toISOString()), tz);
  const day = businessDate(new Date(job.window.start), tz);
  return open && day < today ? today : day;
}

/**
 * The filter's two named days, as the board compares them with boardDay.
 * @example filterDays(new Date('2026-06-05T03:30:00Z'), 'America/Chicago') // { today: '2026-06-04', tomorrow: '2026-06-05' }
 */
export function filterDays(now: Date, tz: string): { readonly today: string; readonly tomorrow: string } {
  return { today: businessDate(now, tz), tomorrow: isoDay(addDays(businessDay(now, tz), 1)) };
}
