/**
 * What one clock step returns: the document with its bookkeeping (e.g. `reminderSentAt`) and the notifications due
 * now. clock-tick.ts runs the steps in turn and enqueues what they return; the outbox's once-per-key rule makes a
 * re-run (the same minute, a second sweep, a retried write) queue nothing twice.
 */
import type { BusinessContext } from './context';
import type { ClockSettings } from './clock-settings';
import type { Job, JobsDocument } from './jobs-document';
import type { NewOutboxItem } from './outbox';

export interface ClockStepResult {
  readonly doc: JobsDocument;
  readonly notify: readonly NewOutboxItem[];
}

export type ClockStep = (doc: JobsDocument, ctx: BusinessContext, settings: ClockSettings) => ClockStepResult;

/** Nobody is on the way yet: the statuses a reminder, a late alert and an apology are about. */
export function isWaiting(job: Job): boolean {
  return job.status === 'booking_confirmed' || job.status === 'ready_for_pickup';
}

/** The document with some jobs replaced (the same object when none changed). */
export function withJobs(doc: JobsDocument, jobs: readonly Job[]): JobsDocument {
  if (jobs.length === 0) return doc;
  const next = { ...doc.jobs };
  for (const job of jobs) next[job.id] = job;
  return { ...doc, jobs: next };
}
