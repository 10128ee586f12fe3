/**
 * The History view's search over archived jobs: by code, phone, address or name, within the months asked for. A
 * row carries what a result list shows; opening one returns the whole archived job (every message and status).
 */
import type { Job } from './jobs-document';
import { closedAtOf } from './hot-document';
import { STATUSES, type StatusId } from './statuses';

export interface HistoryRow {
  readonly month: string;
  readonly id: string;
  readonly code: string;
  readonly status: StatusId;
  readonly label: string;
  readonly customerPhone: string;
  readonly customerName: string | null;
  readonly location: string | null;
  readonly priceCents: number | null;
  readonly createdAt: string;
  readonly closedAt: string | null;
}

/** Results a search returns at most; the dispatcher narrows by month or a longer query beyond that. */
export const HISTORY_RESULTS = 100;

/**
 * Whether an archived job matches the dispatcher's query: the job code (case-insensitive, whole or a prefix), the
 * phone's digits (4 or more typed digits, in any format), or words found in the address or the customer's name.
 * An empty query matches everything (a month's whole list).
 * @example matchesQuery(job, 'k7q2') // true for job K7Q2
 */
export function matchesQuery(job: Job, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  if (/^[2-9a-hj-np-z]{2,4}$/.test(q) && job.code.toLowerCase().startsWith(q)) return true;
  const digits = q.replace(/\D/g, '');
  if (digits.length >= 4 && /^[\d\s()+.-]+$/.test(q) && job.customer.phone.replace(/\D/g, '').includes(digits)) return true;
  const haystack = `${job.location ?? ''} ${job.customer.name ?? ''}`.toLowerCase();
  return q.split(/\s+/).every((word) => haystack.includes(word));
}

/** @example historyRow(job, '2026-06').label // 'All done' */
export function historyRow(job: Job, month: string): HistoryRow {
  return {
    month,
    id: job.id,
    code: job.code,
    status: job.status,
    label: STATUSES[job.status].label,
    customerPhone: job.customer.phone,
    customerName: job.customer.name,
    location: job.location,
    priceCents: job.priceCents,
    createdAt: job.createdAt,
    closedAt: closedAtOf(job),
  };
}

/**
 * Matching rows of one month's jobs, most recently closed first.
 * @example searchMonth(archive.jobs, '2026-06', 'soderblom').length
 */
export function searchMonth(jobs: Readonly<Record<string, Job>>, month: string, query: string): HistoryRow[] {
  return Object.values(jobs)
    .filter((job) => matchesQuery(job, query))
    .map((job) => historyRow(job, month))
    .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? '') || a.code.localeCompare(b.code));
}
