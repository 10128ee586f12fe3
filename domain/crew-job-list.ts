/**
 * Which jobs a crew member's "jobs" text lists. During the day: today's remaining work. Once today's is done or its
 * last window has passed (an evening "jobs" is about tomorrow): whatever is still open plus the next day that has
 * jobs booked. "jobs all": every open job. "jobs tomorrow" / "jobs friday": that day's.
 */
import type { BusinessContext } from './context';
import type { CrewMember } from './crew';
import { businessDate } from './crew-wording';
import { CREW_ROLES, type Job, type JobsDocument, type PickupWindow } from './jobs-document';
import { isOpenStatus } from './statuses';

/** What the list shows and how its heading reads. */
export interface JobList {
  readonly scope: 'today' | 'next' | 'all' | 'day';
  /** The business date the list is about ('next' and 'day'), e.g. '2026-06-05'; null for today and all. */
  readonly date: string | null;
  readonly jobs: readonly Job[];
}

/**
 * The jobs a "jobs" text lists.
 * @example crewJobList(doc, sam, ctx, { all: false, window: null }).jobs.map((job) => job.code) // ['9RZ4', 'K7Q2']
 */
export function crewJobList(
  doc: JobsDocument,
  member: CrewMember,
  ctx: BusinessContext,
  ask: { readonly all: boolean; readonly window: PickupWindow | null },
): JobList {
  const open = Object.values(doc.jobs).filter((job) => isOpenStatus(job.status)).sort(byWindow);
  if (ask.all) return { scope: 'all', date: null, jobs: open };
  const today = businessDate(ctx.now, ctx.tz);
  if (ask.window) {
    const date = businessDate(new Date(ask.window.start), ctx.tz);
    if (date !== today) return { scope: 'day', date, jobs: open.filter((job) => dayOf(job, ctx) === date) };
  }
  const todays = todaysJobs(doc, member, ctx);
  if (!dayIsOver(todays, ctx.now)) return { scope: 'today', date: null, jobs: todays };
  const next = open.map((job) => dayOf(job, ctx)).filter((date): date is string => date !== null && date > today).sort()[0];
  if (!next) return { scope: 'today', date: null, jobs: todays };
  const nextDay = open.filter((job) => dayOf(job, ctx) === next && !todays.includes(job));
  return { scope: 'next', date: next, jobs: [...todays, ...nextDay] };
}

/**
 * Open jobs due today or earlier (an overdue job still needs doing), those with no window (as soon as possible), and
 * any the member holds; ASAP first, then by window start.
 * @example todaysJobs(doc, sam, ctx).map((job) => job.code) // ['9RZ4', 'K7Q2']
 */
export function todaysJobs(doc: JobsDocument, member: CrewMember, ctx: BusinessContext): Job[] {
  const today = businessDate(ctx.now, ctx.tz);
  return Object.values(doc.jobs)
    .filter((job) => isOpenStatus(job.status))
    .filter((job) => !job.window || (dayOf(job, ctx) ?? today) <= today || holds(job, member.phone))
    .sort(byWindow);
}

/** Today's work is done, or every window on it has closed: no job today ends after now. */
function dayIsOver(todays: readonly Job[], now: Date): boolean {
  return !todays.some((job) => job.window !== null && Date.parse(job.window.end) > now.getTime());
}

function dayOf(job: Job, ctx: BusinessContext): string | null {
  return job.window ? businessDate(new Date(job.window.start), ctx.tz) : null;
}

function byWindow(a: Job, b: Job): number {
  return windowStart(a) - windowStart(b) || a.code.localeCompare(b.code);
}

function windowStart(job: Job): number {
  return job.window ? Date.parse(job.window.start) : Number.NEGATIVE_INFINITY;
}

function holds(job: Job, phone: string): boolean {
  return CREW_ROLES.some((role) => job.crew[role] === phone);
}
