/**
 * What the dispatcher's board shows: every job with everything about it (unlike the public track view), the
 * notifications queued for it, and the roster to assign from.
 */
import { boardDay, filterDays } from './board-day';
import type { BusinessContext } from './context';
import { trackingUrl } from './context';
import type { CrewMember } from './crew';
import { businessDate } from './crew-wording';
import { confirmationProblem } from './delivery-status';
import { describeWindow } from './describe-window';
import { isOnBoard } from './hot-document';
import { etaText } from './eta';
import { isLate } from './late-alerts';
import type { Job, JobsDocument, Message, OutboxItem } from './jobs-document';
import { STATUSES, type StatusId } from './statuses';

export interface DashboardJob extends Job {
  /** The status table's label, e.g. "Crew on the way". */
  readonly label: string;
  /** "Today, 12–5 PM" in the business time zone. */
  readonly windowText: string;
  readonly trackingUrl: string;
  /** Every outbox item about this job (pending, sent, failed, skipped), oldest first. */
  readonly outbox: readonly OutboxItem[];
  /** Notifications that gave up: the board's warning mark. */
  readonly failedNotifications: number;
  /** The customer texted STOP: they get no texts until they send START. */
  readonly customerOptedOut: boolean;
  /** The booking confirmation could not reach a mobile phone (Twilio's status callback), in words; else null. */
  readonly confirmationProblem: string | null;
  /** Photos on the job (customer's and proof of work), for the card's count. */
  readonly photoCount: number;
  /** LATE_AFTER_MIN into the window and nobody on the way (late-alerts.ts): the card's late mark. */
  readonly late: boolean;
  /** "arriving around 2:40 PM" while the crew is on the way with an ETA. */
  readonly etaText: string | null;
  /** The business day it is on for the board's Today / Tomorrow filter ('YYYY-MM-DD', board-day.ts). */
  readonly boardDay: string;
}

export interface DashboardView {
  readonly version: number;
  readonly businessName: string;
  readonly timeZone: string;
  /** Today and tomorrow in the business zone ('YYYY-MM-DD'), for the Today / Tomorrow filter. */
  readonly today: string;
  readonly tomorrow: string;
  readonly jobs: readonly DashboardJob[];
  readonly crew: readonly CrewMember[];
  /** The latest texts that matched no job (newest last), for the dispatcher to follow up. */
  readonly unmatched: readonly Message[];
  /** Records set aside as invalid when jobs.json was read (where, and why): someone should look at them. */
  readonly quarantine?: readonly { readonly key: string; readonly reason: string }[];
}

/** How many unmatched texts the board lists. */
export const UNMATCHED_SHOWN = 50;

/**
 * The board's data: jobs (optionally only some statuses; with `archiveAfterDays`, only open jobs and jobs closed
 * that recently) in the order a dispatcher works them — no time first (as
 * soon as possible), then by window start, then oldest booking first.
 * @example dashboardView(doc, ctx, { statuses: ['en_route'] }).jobs.every((job) => job.status === 'en_route') // true
 */
export function dashboardView(
  doc: JobsDocument,
  ctx: BusinessContext,
  filter: { statuses?: readonly StatusId[]; archiveAfterDays?: number } = {},
): DashboardView {
  const wanted = filter.statuses ? new Set(filter.statuses) : null;
  // A closed job past the archive age is the archive's, even while an interrupted move still leaves it here.
  const rules = filter.archiveAfterDays === undefined ? null : { now: ctx.now, tz: ctx.tz, archiveAfterDays: filter.archiveAfterDays };
  const outboxByJob = new Map<string, OutboxItem[]>();
  for (const item of doc.outbox) {
    if (item.jobId === null) continue;
    const list = outboxByJob.get(item.jobId);
    if (list) list.push(item);
    else outboxByJob.set(item.jobId, [item]);
  }
  const optedOut = new Set(doc.optOuts);
  const jobs = Object.values(doc.jobs)
    .filter((job) => (!wanted || wanted.has(job.status)) && (!rules || isOnBoard(job, rules)))
    .sort(boardOrder)
    .map((job) => boardJob(job, outboxByJob.get(job.id) ?? [], optedOut.has(job.customer.phone), ctx));
  return {
    version: doc.version,
    businessName: ctx.businessName,
    timeZone: ctx.tz,
    ...filterDays(ctx.now, ctx.tz),
    jobs,
    crew: ctx.crew.crew,
    unmatched: doc.unmatched.slice(-UNMATCHED_SHOWN),
    quarantine: doc.quarantine.map(({ key, reason }) => ({ key, reason })),
  };
}

/**
 * One job as the board shows it (the answer to a change made on the board); undefined when there is no such job.
 * @example dashboardJob(doc, 'job_1', ctx)?.windowText // 'Today, 12–5 PM'
 */
export function dashboardJob(doc: JobsDocument, jobId: string, ctx: BusinessContext): DashboardJob | undefined {
  const job = doc.jobs[jobId];
  if (!job) return undefined;
  const outbox = doc.outbox.filter((item) => item.jobId === job.id);
  return boardJob(job, outbox, doc.optOuts.includes(job.customer.phone), ctx);
}

function boardJob(job: Job, outbox: OutboxItem[], customerOptedOut: boolean, ctx: BusinessContext): DashboardJob {
  return {
    ...job,
    label: STATUSES[job.status].label,
    windowText: describeWindow(job.window, ctx.now, ctx.tz),
    trackingUrl: trackingUrl(ctx, job.token),
    outbox,
    failedNotifications: outbox.filter((item) => item.status === 'failed').length,
    customerOptedOut,
    confirmationProblem: confirmationProblem({ outbox }, job),
    photoCount: job.photos.length,
    late: isLate(job),
    etaText: etaText(job, ctx.tz),
    boardDay: boardDay(job, ctx.now, ctx.tz),
  };
}

function boardOrder(a: Job, b: Job): number {
  const start = (job: Job) => (job.window ? Date.parse(job.window.start) : Number.NEGATIVE_INFINITY);
  return start(a) - start(b) || a.createdAt.localeCompare(b.createdAt) || a.code.localeCompare(b.code);
}

/**
 * The board's version tag: changes whenever anything it shows can change — the jobs document, the roster, or the
 * business day (at midnight "Tomorrow" becomes "Today" in every window text with no write at all).
 * @example dashboardEtag(12, '"3f2a…"', now, 'America/Chicago') // '"v12-3f2a…-2026-06-04"'
 */
export function dashboardEtag(version: number, crewEtag: string | null, now: Date, tz: string): string {
  const crew = (crewEtag ?? 'none').replace(/[^A-Za-z0-9]/g, '').slice(0, 32) || 'none';
  return `"v${version}-${crew}-${businessDate(now, tz)}"`;
}
