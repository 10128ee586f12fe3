/**
 * Delivers the outbox: claim items (a write), send them, record the results (a second write).
 * - After a change, `writeAndDeliver` claims the items the change queued in the change's own write. The record of
 *   the sends is a lazy change (handlers/state.ts): it rides along with the next write (the next text's, under
 *   load) instead of costing an fsync'd write of its own on the text's path.
 * - Every minute the sweep (`deliverOutbox`) claims whatever is due: retries, texts held for quiet hours, items whose
 *   deliverer died.
 * Delivered once: a record write that is refused or fails is retried until it lands (RECORD_BUDGET_MS, far longer
 * than the lease), never given up after a few attempts — an item left `sending` would be sent again after its lease.
 * What remains is a crash (or a frozen, reclaimed Lambda container) between the send and the record write: the
 * item stays claimed and after its lease a sweep sends it again. Twilio and SES take no idempotency key, so that
 * window cannot be closed from our side; it is as short as one write.
 */
import type { JobsDocument, OutboxItem } from '../domain/jobs-document';
import { claimDue, recordDeliveries, type DeliveryReport } from '../domain/outbox';
import type { SendResult } from '../domain/ports';
import type { Deps } from './deps';
import { updateJobs, type UpdateOptions } from './state';

/** How long the record of a send keeps retrying: much longer than LEASE_MS, so a sweep never re-sends for lack of it. */
export const RECORD_BUDGET_MS = 10 * 60_000;

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
export async function writeAndDeliver<R>(
  deps: Deps,
  change: (doc: JobsDocument) => QueuedChange<R>,
  options: UpdateOptions = {},
): Promise<R & { readonly version: number }> {
  const written = await updateJobs(
    deps.store,
    (doc) => {
      const next = change(doc);
      if (next.keys.length === 0) return { doc: next.doc, result: { value: next.result, claimed: [] as OutboxItem[] } };
      const claim = claimDue(next.doc, deps.clock(), { keys: next.keys });
      return { doc: claim.doc, result: { value: next.result, claimed: claim.claimed } };
    },
    options,
  );
  try {
    // The record is written after we answer (it rides along with the next write); readJobs and the Lambda entry
    // wait for it (handlers/state.ts settled).
    const recorded = await sendAndRecord(deps, written.claimed);
    void recorded.written.catch((error: unknown) =>
      deps.log('error', 'could not record deliveries; they may be sent again after their lease', { error: String(error) }),
    );
  } catch (error) {
    deps.log('warn', 'delivery after a change failed; the sweep will retry', { error: String(error) });
  }
  return { ...written.value, version: written.version };
}

/** The sweep: claims everything due and delivers it. */
export async function deliverOutbox(deps: Deps): Promise<DeliverySummary> {
  // Not on Twilio's clock: a store having a bad moment is retried within the budget rather than failing the sweep.
  const { claimed } = await updateJobs(
    deps.store,
    (doc) => {
      const result = claimDue(doc, deps.clock());
      return { doc: result.doc, result: { claimed: result.claimed } };
    },
    { untilWritten: true },
  );
  const { summary, written } = await sendAndRecord(deps, claimed);
  await written;
  return summary;
}

/** Sends the claimed items, then queues the record of what happened; `written` settles once it is in jobs.json. */
async function sendAndRecord(
  deps: Deps,
  claimed: readonly OutboxItem[],
): Promise<{ summary: DeliverySummary; written: Promise<unknown> }> {
  if (claimed.length === 0) return { summary: { attempted: 0, sent: 0, failed: 0 }, written: Promise.resolve() };
  const reports: DeliveryReport[] = await Promise.all(
    claimed.map(async (item) => ({ key: item.key, result: await sendOne(deps, item) })),
  );
  const written = updateJobs(deps.store, (doc) => ({ doc: recordDeliveries(doc, reports, deps.clock()), result: {} }), {
    lazy: true,
    untilWritten: true,
    budgetMs: RECORD_BUDGET_MS,
  });
  const sent = reports.filter((report) => report.result.ok).length;
  for (const report of reports) {
    if (!report.result.ok) deps.log('warn', 'delivery failed', { key: report.key, error: report.result.error });
  }
  return { summary: { attempted: reports.length, sent, failed: reports.length - sent }, written };
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
