/**
 * What became of a text after Twilio took it, from its status callbacks (Twilio's "Track the Message Status of
 * Outbound Messages": MessageSid, MessageStatus queued | sent | delivered | undelivered | failed, and ErrorCode on a
 * failure). Callbacks may arrive out of order, so a later stage never goes back to an earlier one ('sent' after
 * 'delivered' changes nothing), and the dispatcher reads the error in plain words.
 */
import type { Job, JobsDocument, OutboxItem } from './jobs-document';

export type DeliveryStatus = NonNullable<OutboxItem['delivery']>['status'];

/** How far along a text is; a callback with a lower rank than the recorded one is stale. */
const RANK: Readonly<Record<DeliveryStatus, number>> = { queued: 0, sent: 1, delivered: 2, undelivered: 2, failed: 2 };

/** Twilio's error codes for texts that cannot reach the phone (Twilio error dictionary 30003–30007). */
const ERROR_WORDS: Readonly<Record<string, string>> = {
  '30003': "the phone is unreachable (off or out of coverage)",
  '30004': 'the number has blocked texts from us',
  '30005': 'the number is unknown or no longer in service',
  '30006': "it is a landline or can't receive texts",
  '30007': 'the carrier filtered it as spam',
};

export interface StatusCallback {
  readonly providerId: string;
  readonly status: string;
  readonly errorCode: string | null;
}

/** @example isDeliveryStatus('delivered') // true */
export function isDeliveryStatus(value: string): value is DeliveryStatus {
  return value in RANK;
}

/**
 * Records one status callback on the outbox item Twilio's MessageSid names; the same document when it names none
 * of ours, is not a status we track, or is older news than what we have.
 * @example recordDeliveryStatus(doc, { providerId: 'SM1', status: 'delivered', errorCode: null }, now)
 */
export function recordDeliveryStatus(doc: JobsDocument, callback: StatusCallback, now: Date): JobsDocument {
  const status = callback.status.toLowerCase();
  if (!isDeliveryStatus(status)) return doc;
  // Only texts: an email's provider id (SES MessageId) lives in another namespace.
  const index = doc.outbox.findIndex((item) => item.channel === 'sms' && item.providerId === callback.providerId);
  const item = doc.outbox[index];
  if (!item) return doc;
  const current = item.delivery;
  if (current && (RANK[current.status] > RANK[status] || current.status === status)) return doc;
  const delivery = { status, errorCode: callback.errorCode || null, at: now.toISOString() };
  const outbox = doc.outbox.map((entry, i) => (i === index ? { ...entry, delivery } : entry));
  return { ...doc, outbox };
}

/**
 * A delivery failure in words the dispatcher can act on; null when the text was not refused.
 * @example deliveryProblem({ status: 'undelivered', errorCode: '30006', at }) // "Not delivered: it is a landline or can't receive texts."
 */
export function deliveryProblem(delivery: OutboxItem['delivery']): string | null {
  if (!delivery || (delivery.status !== 'undelivered' && delivery.status !== 'failed')) return null;
  const why = delivery.errorCode ? ERROR_WORDS[delivery.errorCode] : undefined;
  return why ? `Not delivered: ${why}.` : `Not delivered${delivery.errorCode ? ` (Twilio error ${delivery.errorCode})` : ''}.`;
}

/**
 * The booking's confirmation text could not reach a mobile phone (unknown number, landline, or any other refusal):
 * the card says so, so the dispatcher calls instead.
 * @example confirmationProblem(doc, job) // "Confirmation not delivered: it is a landline or can't receive texts."
 */
export function confirmationProblem(doc: Pick<JobsDocument, 'outbox'>, job: Job): string | null {
  const confirmation = doc.outbox.find((item) => item.key === `${job.id}:booked:sms`);
  const problem = deliveryProblem(confirmation?.delivery ?? null);
  if (problem) return problem.replace(/^Not delivered/, 'Confirmation not delivered');
  return null;
}
