import { describe, expect, it } from 'vitest';
import { emptyJobsDocument, type JobsDocument } from '../../domain/jobs-document';
import { claimDue, enqueue, LEASE_MS, MAX_ATTEMPTS, recordDeliveries, type NewOutboxItem } from '../../domain/outbox';

const now = new Date('2026-06-04T15:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const sms = (key: string, to = '+15555550123'): NewOutboxItem => ({ key, channel: 'sms', to, body: `text ${key}`, jobId: 'job_1' });

function withItems(...items: NewOutboxItem[]): JobsDocument {
  return enqueue(emptyJobsDocument(), items, now).doc;
}

describe('the outbox', () => {
  it('enqueues a notification once per key, however often the same change is applied', () => {
    const first = enqueue(emptyJobsDocument(), [sms('job_1:en_route:sms')], now);
    const second = enqueue(first.doc, [sms('job_1:en_route:sms')], later(1000));
    expect(first.added).toHaveLength(1);
    expect(second.added).toHaveLength(0);
    expect(second.doc).toBe(first.doc);
    expect(second.doc.outbox).toHaveLength(1);
  });

  it('hands a due item to one deliverer only: a second claim inside the lease gets nothing', () => {
    const doc = withItems(sms('a'));
    const first = claimDue(doc, now);
    const second = claimDue(first.doc, later(1000));
    expect(first.claimed.map((item) => item.key)).toEqual(['a']);
    expect(second.claimed).toEqual([]);
  });

  it('lets a sweep take over an item whose deliverer died (lease ran out)', () => {
    const claimed = claimDue(withItems(sms('a')), now).doc;
    expect(claimDue(claimed, later(LEASE_MS + 1)).claimed.map((item) => item.key)).toEqual(['a']);
  });

  it('holds an item until its notBefore time (quiet hours)', () => {
    const doc = enqueue(emptyJobsDocument(), [{ ...sms('held'), notBefore: later(3600_000) }], now).doc;
    expect(claimDue(doc, now).claimed).toEqual([]);
    expect(claimDue(doc, later(3600_000)).claimed).toHaveLength(1);
  });

  it('never texts an opted-out number: the item is skipped, not sent', () => {
    const doc = { ...withItems(sms('a', '+15555550199')), optOuts: ['+15555550199'] };
    const result = claimDue(doc, now);
    expect(result.claimed).toEqual([]);
    expect(result.doc.outbox[0]).toMatchObject({ status: 'skipped', lastError: 'recipient opted out' });
  });

  it('marks a delivered item sent and never offers it again', () => {
    const claimed = claimDue(withItems(sms('a')), now).doc;
    const done = recordDeliveries(claimed, [{ key: 'a', result: { ok: true, providerId: 'SM1' } }], now);
    expect(done.outbox[0]).toMatchObject({ status: 'sent', attempts: 1, sentAt: now.toISOString() });
    expect(claimDue(done, later(10 * LEASE_MS)).claimed).toEqual([]);
  });

  it('retries a failed delivery with growing backoff, then marks it failed after the last attempt', () => {
    let doc = withItems(sms('a'));
    let at = now;
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const claim = claimDue(doc, at);
      expect(claim.claimed).toHaveLength(1);
      doc = recordDeliveries(claim.doc, [{ key: 'a', result: { ok: false, retry: true, optedOut: false, error: 'HTTP 503' } }], at);
      const item = doc.outbox[0]!;
      if (item.status === 'pending') {
        delays.push(Date.parse(item.notBefore) - at.getTime());
        at = new Date(item.notBefore);
      }
    }
    expect(delays).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(doc.outbox[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'HTTP 503' });
  });

  it('stops at once on a permanent error', () => {
    const claimed = claimDue(withItems(sms('a')), now).doc;
    const doc = recordDeliveries(claimed, [{ key: 'a', result: { ok: false, retry: false, optedOut: false, error: 'invalid number' } }], now);
    expect(doc.outbox[0]).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('records the opt-out when the carrier reports the recipient unsubscribed (Twilio 21610) and does not retry', () => {
    const claimed = claimDue(withItems(sms('a', '+15555550177'), sms('b', '+15555550177')), now);
    const doc = recordDeliveries(
      claimed.doc,
      [{ key: 'a', result: { ok: false, retry: false, optedOut: true, error: '21610' } }],
      now,
    );
    expect(doc.optOuts).toEqual(['+15555550177']);
    expect(doc.outbox[0]).toMatchObject({ status: 'skipped' });
  });
});
