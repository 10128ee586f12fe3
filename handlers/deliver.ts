/**
 * Delivers the outbox: claim items (a write), send them, record the results (a second write).
 * - After a change, `writeAndDeliver` claims the items the change queued in the change's own write, so a text that
 *   notifies someone costs two compare-and-swap writes, not three.
 * - Every minute the sweep (`deliverOutbox`) claims whatever is due: retries, texts held for quiet hours, items whose
 *   deliverer died.
 * A crash between send and record leaves the item claimed; after its lease a sweep sends it again — the one
 * window where a message can go twice, as with any provider that takes no idempotency key.
 */
import type { JobsDocument, OutboxItem } from '../domain/jobs-document';
import { claimDue, recordDeliveries, type DeliveryReport } from '../domain/outbox';
import type { SendResult } from '../domain/ports';
import type { Deps } from './deps';
import { updateJobs } from './state';

export interface DeliverySummary {
  readonly attempted: number;
  readonly sent: number;
  readonly failed: number;
}

/** A domain change's next document, its result, and the keys of the outbox items it queued. */
export interface QueuedChange<R> {
  readonly doc: JobsDocument;
  readonly result: R;
  readonly keys: readonly string[];
}

/**
 * Writes `change` in one compare-and-swap write that also claims the notifications it queued, then sends them.
 * A delivery failure after the write is logged and left to the sweep: the change itself is already safe.
 */
export async function writeAndDeliver<R>(deps: Deps, change: (doc: JobsDocument) => QueuedChange<R>): Promise<R & { readonly version: number }> {
  const written = await updateJobs(deps.store, (doc) => {
    const next = change(doc);
    if (next.keys.length === 0) return { doc: next.doc, result: { value: next.result, claimed: [] as OutboxItem[] } };
    const claim = claimDue(next.doc, deps.clock(), { keys: next.keys });
    return { doc: claim.doc, result: { value: next.result, claimed: claim.claimed } };
  });
  try {
    await sendAndRecord(deps, written.claimed);
  } catch (error) {
    deps.log('warn', 'delivery after a change failed; the sweep will retry', { error: String(error) });
  }
  return { ...written.value, version: written.version };
}

/** The sweep: claims everything due and delivers it. */
export async function deliverOutbox(deps: Deps): Promise<DeliverySummary> {
  const { claimed } = await updateJobs(deps.store, (doc) => {
    const result = claimDue(doc, deps.clock());
    return { doc: result.doc, result: { claimed: result.claimed } };
  });
  return sendAndRecord(deps, claimed);
}

async function sendAndRecord(deps: Deps, claimed: readonly OutboxItem[]): Promise<DeliverySummary> {
  if (claimed.length === 0) return { attempted: 0, sent: 0, failed: 0 };
  const reports: DeliveryReport[] = await Promise.all(
    claimed.map(async (item) => ({ key: item.key, result: await sendOne(deps, item) })),
  );
  await updateJobs(deps.store, (doc) => ({ doc: recordDeliveries(doc, reports, deps.clock()), result: {} }));
  const sent = reports.filter((report) => report.result.ok).length;
  for (const report of reports) {
    if (!report.result.ok) deps.log('warn', 'delivery failed', { key: report.key, error: report.result.error });
  }
  return { attempted: reports.length, sent, failed: reports.length - sent };
}

async function sendOne(deps: Deps, item: OutboxItem): Promise<SendResult> {
  try {
    if (item.channel === 'sms') return await deps.sms.send({ to: item.to, body: item.body, key: item.key });
    return await deps.mailer.send({ to: item.to, subject: item.subject ?? '', body: item.body, key: item.key });
  } catch (error) {
    // Adapters return failures as values; a throw here is a bug or an outage we have not classified: retry it.
    return { ok: false, retry: true, optedOut: false, error: (error as Error).message };
  }
}
