/**
 * The archive beside jobs.json: one object per month of closing (`archive/2026-06.json`) holding the closed jobs
 * with their whole history and the unmatched texts of that month, and one small index (`archive/index.json`) that
 * maps a tracking token to its month, so an old tracking link is found with two reads, never a scan.
 * Merging is idempotent: the sweep may archive the same job twice (a crash between "archive" and "remove from
 * jobs.json") and the archive still holds it once.
 */
import * as z from 'zod';
import { JobSchema, MessageSchema, type Job, type Message } from './jobs-document';
import { businessDay } from './zoned-date';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const monthId = z.string().regex(MONTH, 'a month like 2026-06');

export const ArchiveMonthSchema = z.object({
  schema: z.literal(1),
  month: monthId,
  /** Closed jobs by id, as they were when archived. */
  jobs: z.record(z.string(), JobSchema),
  /** Texts that matched no job (and our replies), oldest first. */
  unmatched: z.array(MessageSchema).default([]),
});
export type ArchiveMonth = z.infer<typeof ArchiveMonthSchema>;

export const ArchiveIndexSchema = z.object({
  schema: z.literal(1),
  /** Every month that has an archive object, with its job count. */
  months: z.record(monthId, z.number().int().nonnegative()),
  /** Tracking token → month, for jobs closed in the last TRACK_MONTHS months. */
  tokens: z.record(z.string(), monthId),
});
export type ArchiveIndex = z.infer<typeof ArchiveIndexSchema>;

/** Tracking links keep working this long after the job closed (the promise is 12 months; we keep a margin). */
export const TRACK_MONTHS = 18;
export const ARCHIVE_INDEX_KEY = 'archive/index.json';

/** @example archiveKey('2026-06') // 'archive/2026-06.json' */
export function archiveKey(month: string): string {
  return `archive/${month}.json`;
}

/** @example isMonthId('2026-06') // true */
export function isMonthId(value: string): boolean {
  return MONTH.test(value);
}

/** The month of an instant in the business time zone. @example monthOf('2026-07-01T03:00:00Z', 'America/Chicago') // '2026-06' */
export function monthOf(instant: string | Date, tz: string): string {
  const day = businessDay(typeof instant === 'string' ? new Date(instant) : instant, tz);
  return `${day.year}-${String(day.month).padStart(2, '0')}`;
}

/** @example addMonths('2026-01', -2) // '2025-11' */
export function addMonths(month: string, delta: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** @example emptyArchiveMonth('2026-06').jobs // {} */
export function emptyArchiveMonth(month: string): ArchiveMonth {
  return { schema: 1, month, jobs: {}, unmatched: [] };
}

/** @example emptyArchiveIndex().tokens // {} */
export function emptyArchiveIndex(): ArchiveIndex {
  return { schema: 1, months: {}, tokens: {} };
}

/**
 * What identifies an unmatched message across copies: its MessageSid, or (for our replies, which have none) when,
 * to whom and what. @example messageKey({ sid: 'SM1', … }) // 'SM1'
 */
export function messageKey(message: Message): string {
  return message.sid ?? `${message.at}|${message.to}|${message.body}`;
}

/**
 * The month's archive with `jobs` and `unmatched` added (a job already there is replaced by the newer copy, a
 * message already there is kept once). Returns the same object when nothing changes, so the caller skips the write.
 * @example mergeIntoMonth(emptyArchiveMonth('2026-06'), [job], []).jobs[job.id] === job // true
 */
export function mergeIntoMonth(month: ArchiveMonth, jobs: readonly Job[], unmatched: readonly Message[]): ArchiveMonth {
  const newJobs = jobs.filter((job) => month.jobs[job.id]?.updatedAt !== job.updatedAt);
  const known = new Set(month.unmatched.map(messageKey));
  const newMessages = unmatched.filter((message) => {
    const key = messageKey(message);
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
  if (newJobs.length === 0 && newMessages.length === 0) return month;
  const merged = newMessages.length === 0 ? month.unmatched : [...month.unmatched, ...newMessages].sort((a, b) => a.at.localeCompare(b.at));
  const byId = { ...month.jobs };
  for (const job of newJobs) byId[job.id] = job;
  return { ...month, jobs: byId, unmatched: merged };
}

/**
 * The index with a month's tokens added and its job count set; tokens of months older than TRACK_MONTHS before
 * `now` are dropped (those jobs stay in their month's archive and in the History view). Same object when unchanged.
 * @example indexMonth(emptyArchiveIndex(), '2026-06', ['tok…'], 1, '2026-07').tokens['tok…'] // '2026-06'
 */
export function indexMonth(index: ArchiveIndex, month: string, tokens: readonly string[], jobCount: number, nowMonth: string): ArchiveIndex {
  const oldest = addMonths(nowMonth, -TRACK_MONTHS);
  const fresh = month >= oldest ? tokens.filter((token) => index.tokens[token] !== month) : [];
  const stale = Object.entries(index.tokens).filter(([, m]) => m < oldest);
  if (fresh.length === 0 && stale.length === 0 && index.months[month] === jobCount) return index;
  const kept = stale.length === 0 ? { ...index.tokens } : Object.fromEntries(Object.entries(index.tokens).filter(([, m]) => m >= oldest));
  for (const token of fresh) kept[token] = month;
  return { ...index, months: { ...index.months, [month]: jobCount }, tokens: kept };
}
