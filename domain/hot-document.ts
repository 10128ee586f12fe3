/**
 * Keeping jobs.json small: what the sweep moves out of it (closed jobs older than ARCHIVE_AFTER_DAYS, old unmatched
 * texts) and what it simply forgets (old MessageSids, old finished notifications). The size of the hot document
 * then depends on the business's pace (jobs a day), never on how long it has been running.
 *
 * The move is two steps with the archive first: `planArchive` picks what goes, the handler merges it into the
 * month objects (domain/archive.ts), and only then `removeArchived` takes it out of jobs.json. A crash in between
 * leaves a copy in both places; the next sweep plans the same items again and the merge is idempotent.
 */
import {
  emptyArchiveIndex,
  emptyArchiveMonth,
  indexMonth,
  mergeIntoMonth,
  messageKey,
  monthOf,
  type ArchiveIndex,
  type ArchiveMonth,
} from './archive';
import type { Job, JobsDocument, Message } from './jobs-document';
import { isOpenStatus } from './statuses';

const DAY_MS = 86_400_000;

/** Unmatched texts kept in jobs.json at most (the board lists the last 50); older ones go to their month's archive. */
export const UNMATCHED_KEPT = 200;
/** MessageSids remembered at most: enough for a week of a busy number (Twilio retries within minutes). */
export const SIDS_KEPT = 5_000;
/** MessageSids are only for answering Twilio's retries of the same webhook; a week is ample. */
export const SIDS_KEPT_MS = 7 * DAY_MS;
/** Finished (sent, failed, skipped) notifications kept at most, newest first; pending and sending ones always stay. */
export const FINISHED_OUTBOX_KEPT = 1_000;
/** Finished notifications are shown on the board this long (matches domain/outbox.ts's KEEP_DONE_MS). */
export const FINISHED_OUTBOX_KEPT_MS = 14 * DAY_MS;

export interface ArchiveBatch {
  readonly month: string;
  readonly jobs: readonly Job[];
  readonly unmatched: readonly Message[];
}

export interface ArchivePlan {
  /** By month of closing (jobs) or of arrival (unmatched texts), oldest month first. */
  readonly batches: readonly ArchiveBatch[];
}

export interface ArchiveRules {
  readonly now: Date;
  readonly tz: string;
  readonly archiveAfterDays: number;
}

/** When a closed job closed (schema 2 records it; updatedAt as a fallback). @example closedAtOf(job) // '2026-06-04T…' */
export function closedAtOf(job: Job): string | null {
  if (isOpenStatus(job.status)) return null;
  return job.closedAt ?? job.updatedAt;
}

/**
 * Whether the board still shows a job: open, or closed less than `archiveAfterDays` ago. A job left in jobs.json
 * by an interrupted move is past that age, so the board never shows it beside its archived copy.
 * @example isOnBoard(openJob, rules) // true
 */
export function isOnBoard(job: Job, rules: ArchiveRules): boolean {
  const closed = closedAtOf(job);
  return closed === null || Date.parse(closed) > rules.now.getTime() - rules.archiveAfterDays * DAY_MS;
}

/**
 * What the sweep moves to the archive now: closed jobs off the board, and unmatched texts older than
 * `archiveAfterDays` or beyond the newest UNMATCHED_KEPT.
 * @example planArchive(doc, { now, tz: 'America/Chicago', archiveAfterDays: 14 }).batches.length
 */
export function planArchive(doc: JobsDocument, rules: ArchiveRules): ArchivePlan {
  const byMonth = new Map<string, { jobs: Job[]; unmatched: Message[] }>();
  const batch = (month: string) => {
    let found = byMonth.get(month);
    if (!found) byMonth.set(month, (found = { jobs: [], unmatched: [] }));
    return found;
  };
  for (const job of Object.values(doc.jobs)) {
    const closed = closedAtOf(job);
    if (closed !== null && !isOnBoard(job, rules)) batch(monthOf(closed, rules.tz)).jobs.push(job);
  }
  for (const message of unmatchedToArchive(doc.unmatched, rules)) batch(monthOf(message.at, rules.tz)).unmatched.push(message);
  const batches = [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, found]) => ({ month, jobs: found.jobs, unmatched: found.unmatched }));
  return { batches };
}

function unmatchedToArchive(unmatched: readonly Message[], rules: ArchiveRules): Message[] {
  const cutoff = rules.now.getTime() - rules.archiveAfterDays * DAY_MS;
  const beyondCount = Math.max(0, unmatched.length - UNMATCHED_KEPT);
  return unmatched.filter((message, i) => i < beyondCount || Date.parse(message.at) < cutoff);
}

/**
 * jobs.json without what `plan` archived: a job only while it is still the archived copy (a job changed since is
 * kept, and the next sweep archives the newer copy), an unmatched text by its key. Same object when nothing goes.
 * @example removeArchived(doc, plan).jobs[archivedJob.id] // undefined
 */
export function removeArchived(doc: JobsDocument, plan: ArchivePlan): JobsDocument {
  const jobs = new Map<string, Job>();
  const messages = new Set<string>();
  for (const batch of plan.batches) {
    for (const job of batch.jobs) jobs.set(job.id, job);
    for (const message of batch.unmatched) messages.add(messageKey(message));
  }
  const gone = Object.keys(doc.jobs).filter((id) => jobs.get(id)?.updatedAt === doc.jobs[id]!.updatedAt);
  const unmatched = messages.size === 0 ? doc.unmatched : doc.unmatched.filter((message) => !messages.has(messageKey(message)));
  if (gone.length === 0 && unmatched.length === doc.unmatched.length) return doc;
  const kept = { ...doc.jobs };
  for (const id of gone) delete kept[id];
  return { ...doc, jobs: kept, unmatched };
}

/**
 * The logs bounded by age and count. MessageSids older than a week (or beyond SIDS_KEPT) are forgotten: they only
 * answer Twilio's retries, and the text itself stays on its job or in the unmatched log. Finished notifications
 * older than 14 days (or beyond FINISHED_OUTBOX_KEPT) are dropped: the message they sent is on the job, and their
 * key can no longer be enqueued again (the job's events are over). Pending and sending items always stay: a
 * dispatcher or the sweep still needs them. Same object when nothing goes.
 * @example boundLogs(doc, now).outbox.length <= doc.outbox.length // true
 */
export function boundLogs(doc: JobsDocument, now: Date): JobsDocument {
  const sidCutoff = now.getTime() - SIDS_KEPT_MS;
  const sids = Object.entries(doc.inbound)
    .filter(([, record]) => Date.parse(record.at) >= sidCutoff)
    .sort(([, a], [, b]) => b.at.localeCompare(a.at))
    .slice(0, SIDS_KEPT);
  const outboxCutoff = now.getTime() - FINISHED_OUTBOX_KEPT_MS;
  const finishedKept = new Set(
    doc.outbox
      .filter((item) => item.status !== 'pending' && item.status !== 'sending' && Date.parse(item.createdAt) >= outboxCutoff)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, FINISHED_OUTBOX_KEPT),
  );
  const outbox = doc.outbox.filter((item) => item.status === 'pending' || item.status === 'sending' || finishedKept.has(item));
  const sidsChanged = sids.length !== Object.keys(doc.inbound).length;
  if (!sidsChanged && outbox.length === doc.outbox.length) return doc;
  return { ...doc, inbound: sidsChanged ? Object.fromEntries(sids) : doc.inbound, outbox };
}

export interface ArchivedHistory {
  readonly hot: JobsDocument;
  readonly months: readonly ArchiveMonth[];
  readonly index: ArchiveIndex;
}

/**
 * A whole history split the way the sweep leaves it, in memory: the same plan, merges, index and removal as
 * handlers/archive.ts, for a history that has no archive yet (scripts/seed.ts, the benchmark).
 * @example archiveHistory(seedHistory(options), rules).months.length
 */
export function archiveHistory(doc: JobsDocument, rules: ArchiveRules): ArchivedHistory {
  const plan = planArchive(doc, rules);
  const nowMonth = monthOf(rules.now, rules.tz);
  let index = emptyArchiveIndex();
  const months = plan.batches.map((batch) => {
    const month = mergeIntoMonth(emptyArchiveMonth(batch.month), batch.jobs, batch.unmatched);
    index = indexMonth(index, batch.month, batch.jobs.map((job) => job.token), Object.keys(month.jobs).length, nowMonth);
    return month;
  });
  return { hot: boundLogs(removeArchived(doc, plan), rules.now), months, index };
}
