/**
 * The notification outbox inside jobs.json. A change and the notifications it causes are written in the same
 * compare-and-swap write; delivery happens after, in three steps: claim (a write), send, record (a write).
 * Keys are stable (job + event), so a duplicate webhook or a retried change never enqueues a second copy, and a
 * claimed item is leased to one deliverer so two sweeps never send it together.
 */
import type { JobsDocument, OutboxItem } from './jobs-document';
import type { SendResult } from './ports';

/** Delivery attempts before an item is marked failed and shown to the dispatcher. */
export const MAX_ATTEMPTS = 5;
/** How long a claimed item belongs to its deliverer; after that a sweep may take it over. */
export const LEASE_MS = 60_000;
/** Sent, failed and skipped items are kept this long (the dashboard shows them; duplicates are caught by key). */
export const KEEP_DONE_MS = 14 * 24 * 3600_000;

export interface NewOutboxItem {
  readonly key: string;
  readonly channel: 'sms' | 'email';
  readonly to: string;
  readonly subject?: string | null;
  readonly body: string;
  readonly jobId: string | null;
  /** Defaults to now; later for quiet hours. */
  readonly notBefore?: Date;
}

/**
 * Adds items whose key is not in the outbox yet; returns the next document and the items actually added.
 * @example enqueue(doc, [{ key: 'j1:en_route:sms', channel: 'sms', to: '+1555…', body: '…', jobId: 'j1' }], now)
 */
export function enqueue(
  doc: JobsDocument,
  items: readonly NewOutboxItem[],
  now: Date,
): { doc: JobsDocument; added: OutboxItem[] } {
  const keys = new Set(doc.outbox.map((item) => item.key));
  const added: OutboxItem[] = [];
  for (const item of items) {
    if (keys.has(item.key)) continue;
    keys.add(item.key);
    added.push({
      key: item.key,
      channel: item.channel,
      to: item.to,
      subject: item.subject ?? null,
      body: item.body,
      jobId: item.jobId,
      createdAt: now.toISOString(),
      notBefore: (item.notBefore ?? now).toISOString(),
      attempts: 0,
      status: 'pending',
      leaseUntil: null,
      lastError: null,
      sentAt: null,
      providerId: null,
      delivery: null,
    });
  }
  if (added.length === 0) return { doc, added };
  return { doc: { ...doc, outbox: [...pruneOutbox(doc.outbox, now), ...added] }, added };
}

/** Drops finished items older than KEEP_DONE_MS so the document stays small. */
function pruneOutbox(outbox: readonly OutboxItem[], now: Date): OutboxItem[] {
  const cutoff = now.getTime() - KEEP_DONE_MS;
  return outbox.filter((item) => item.status === 'pending' || item.status === 'sending' || Date.parse(item.createdAt) >= cutoff);
}

/** @example isDue(item, now) // true when pending and notBefore has passed, or when a lease has run out */
export function isDue(item: OutboxItem, now: Date): boolean {
  if (item.status === 'pending') return Date.parse(item.notBefore) <= now.getTime();
  if (item.status === 'sending') return item.leaseUntil !== null && Date.parse(item.leaseUntil) <= now.getTime();
  return false;
}

/**
 * Claims due items (optionally only `keys`) for one deliverer: they become `sending` with a lease. Items to
 * opted-out numbers are marked `skipped` instead, never sent.
 * @example claimDue(doc, now, { limit: 20 }).claimed.length
 */
export function claimDue(
  doc: JobsDocument,
  now: Date,
  options: { keys?: readonly string[]; limit?: number } = {},
): { doc: JobsDocument; claimed: OutboxItem[] } {
  const wanted = options.keys ? new Set(options.keys) : null;
  const limit = options.limit ?? 25;
  const optedOut = new Set(doc.optOuts);
  const claimed: OutboxItem[] = [];
  let changed = false;
  const outbox = doc.outbox.map((item) => {
    if ((wanted && !wanted.has(item.key)) || !isDue(item, now)) return item;
    if (item.channel === 'sms' && optedOut.has(item.to)) {
      changed = true;
      return { ...item, status: 'skipped' as const, leaseUntil: null, lastError: 'recipient opted out' };
    }
    if (claimed.length >= limit) return item;
    changed = true;
    const lease = { ...item, status: 'sending' as const, leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString() };
    claimed.push(lease);
    return lease;
  });
  return { doc: changed ? { ...doc, outbox } : doc, claimed };
}

/** Backoff after the n-th failed attempt: 1, 2, 4, 8 minutes. @example retryDelayMs(1) // 60000 */
export function retryDelayMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, attempts - 1);
}

export interface DeliveryReport {
  readonly key: string;
  readonly result: SendResult;
}

/**
 * Records what happened to claimed items: sent; retried later with backoff; failed after MAX_ATTEMPTS or on a
 * permanent error; skipped with the number added to optOuts when the carrier says the recipient opted out (21610).
 */
export function recordDeliveries(doc: JobsDocument, reports: readonly DeliveryReport[], now: Date): JobsDocument {
  if (reports.length === 0) return doc;
  const byKey = new Map(reports.map((report) => [report.key, report.result]));
  const optOuts = new Set(doc.optOuts);
  const outbox = doc.outbox.map((item): OutboxItem => {
    const result = byKey.get(item.key);
    if (!result || item.status !== 'sending') return item;
    const attempts = item.attempts + 1;
    if (result.ok) {
      return { ...item, attempts, status: 'sent', leaseUntil: null, lastError: null, sentAt: now.toISOString(), providerId: result.providerId };
    }
    if (result.optedOut) {
      if (item.channel === 'sms') optOuts.add(item.to);
      return { ...item, attempts, status: 'skipped', leaseUntil: null, lastError: result.error };
    }
    if (!result.retry || attempts >= MAX_ATTEMPTS) {
      return { ...item, attempts, status: 'failed', leaseUntil: null, lastError: result.error };
    }
    const notBefore = new Date(now.getTime() + retryDelayMs(attempts)).toISOString();
    return { ...item, attempts, status: 'pending', leaseUntil: null, lastError: result.error, notBefore };
  });
  return { ...doc, outbox, optOuts: [...optOuts] };
}

/** Failed notifications for one job (the dashboard's warning mark). */
export function failedFor(doc: JobsDocument, jobId: string): OutboxItem[] {
  return doc.outbox.filter((item) => item.jobId === jobId && item.status === 'failed');
}
