/**
 * Delivers the outbox: claim due items in one write, send them, record the results in a second write.
 * Called right after a change (for the items it added) and every minute by the sweep (for everything due).
 * A crash between send and record leaves the item claimed; after its lease a sweep sends it again — the one
 * window where a message can go twice, as with any provider that takes no idempotency key.
 */
import { claimDue, recordDeliveries, type DeliveryReport } from '../domain/outbox';
import type { OutboxItem } from '../domain/jobs-document';
import type { SendResult } from '../domain/ports';
import type { Deps } from './deps';
import { updateJobs } from './state';

export interface DeliverySummary {
  readonly attempted: number;
  readonly sent: number;
  readonly failed: number;
}

export async function deliverOutbox(deps: Deps, options: { keys?: readonly string[] } = {}): Promise<DeliverySummary> {
  if (options.keys && options.keys.length === 0) return { attempted: 0, sent: 0, failed: 0 };
  const { claimed } = await updateJobs(deps.store, (doc) => {
    const result = claimDue(doc, deps.clock(), options.keys ? { keys: options.keys } : {});
    return { doc: result.doc, result: { claimed: result.claimed } };
  });
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
