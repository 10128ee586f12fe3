/**
 * Job rules: creating a job, finding a customer's open job, moving a job along the status table, and keeping
 * every message on the job it affected.
 */
import type { BusinessContext } from './context';
import type { HistoryEntry, Job, JobsDocument, Message, PickupWindow } from './jobs-document';
import { newJobCode } from './job-code';
import { isOpenStatus, transitionRefusal, type StatusId } from './statuses';

export interface NewJob {
  readonly phone: string;
  readonly name?: string | null;
  readonly location: string | null;
  readonly window: PickupWindow | null;
  readonly status: Extract<StatusId, 'booking_confirmed' | 'ready_for_pickup'>;
  readonly items?: string | null;
  readonly by: string;
  readonly via: HistoryEntry['via'];
}

/** Codes in use by open jobs: a new code must differ from these. */
export function openJobCodes(doc: JobsDocument): Set<string> {
  return new Set(Object.values(doc.jobs).filter((job) => isOpenStatus(job.status)).map((job) => job.code));
}

/** A new job with a fresh id, code and token. @example createJob(doc, { phone, location: 'Soderblom Ave', … }, ctx) */
export function createJob(doc: JobsDocument, input: NewJob, ctx: BusinessContext): Job {
  const at = ctx.now.toISOString();
  return {
    id: ctx.newId(),
    code: newJobCode(ctx.random, openJobCodes(doc)),
    token: ctx.newToken(),
    customer: { phone: input.phone, name: input.name ?? null },
    location: input.location,
    window: input.window,
    status: input.status,
    priceCents: null,
    quote: null,
    notes: '',
    items: input.items ?? null,
    crew: { driver: null, first_mate: null, supervisor: null },
    photos: [],
    messages: [],
    history: [{ at, status: input.status, by: input.by, via: input.via }],
    needsAttention: false,
    language: 'en',
    confirmedAt: null,
    eta: null,
    confirmationHeld: false,
    closedAt: null,
    reminderSentAt: null,
    lateAlertAt: null,
    apologySentAt: null,
    reviewRequestedAt: null,
    complaint: false,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * The same pickup time, however the two windows are written (offsets differ when a text and the dashboard set it).
 * @example sameWindow({ start: '2026-06-05T08:00:00-05:00', end: '2026-06-05T12:00:00-05:00' }, { start: '2026-06-05T13:00:00Z', end: '2026-06-05T17:00:00Z' }) // true
 */
export function sameWindow(a: PickupWindow | null, b: PickupWindow | null): boolean {
  if (a === null || b === null) return a === b;
  return Date.parse(a.start) === Date.parse(b.start) && Date.parse(a.end) === Date.parse(b.end);
}

/** The customer's most recent open job, if any. @example findOpenJobForPhone(doc, '+15555550123')?.code */
export function findOpenJobForPhone(doc: JobsDocument, phone: string): Job | undefined {
  return Object.values(doc.jobs)
    .filter((job) => job.customer.phone === phone && isOpenStatus(job.status))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/** Open job by its code, case-insensitive. @example findOpenJobByCode(doc, 'k7q2')?.id */
export function findJobByCode(doc: JobsDocument, code: string): Job | undefined {
  const wanted = code.toUpperCase();
  const matches = Object.values(doc.jobs).filter((job) => job.code === wanted);
  // Codes are unique among open jobs; a closed job may share a code with a newer open one.
  return matches.find((job) => isOpenStatus(job.status)) ?? matches.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

export type TransitionResult = { ok: true; job: Job } | { ok: false; reason: string };

/**
 * Moves a job to `to` if the status table allows it, with a history entry; otherwise the reason in words.
 * @example transition(job, 'en_route', { by: 'Sam Rivera', via: 'sms' }, now) // { ok: true, job }
 */
export function transition(
  job: Job,
  to: StatusId,
  who: { by: string; via: HistoryEntry['via'] },
  now: Date,
): TransitionResult {
  const refusal = transitionRefusal(job.status, to, job.code);
  if (refusal) return { ok: false, reason: refusal };
  const at = now.toISOString();
  return {
    ok: true,
    job: {
      ...job,
      status: to,
      updatedAt: at,
      // Closing starts the archive clock (ARCHIVE_AFTER_DAYS); only closed jobs ever close, and none reopen.
      closedAt: isOpenStatus(to) ? null : at,
      history: [...job.history, { at, status: to, by: who.by, via: who.via }],
    },
  };
}

/** The document with `job` stored (added or replaced). */
export function putJob(doc: JobsDocument, job: Job): JobsDocument {
  return { ...doc, jobs: { ...doc.jobs, [job.id]: job } };
}

/** The job with a message appended. */
export function withMessage(job: Job, message: Message): Job {
  return { ...job, messages: [...job.messages, message], updatedAt: message.at };
}
