import { describe, expect, it } from 'vitest';
import { emptyJobsDocument, type JobsDocument } from '../../domain/jobs-document';
import { claimDue, enqueue, failedFor, LEASE_MS, MAX_ATTEMPTS, recordDeliveries, type NewOutboxItem } from '../../domain/outbox';

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

  it('delivers only the items a write asked for when given their keys, leaving the rest to the sweep', () => {
    const result = claimDue(withItems(sms('a'), sms('b'), sms('c')), now, { keys: ['b'] });
    expect(result.claimed.map((item) => item.key)).toEqual(['b']);
    expect(result.doc.outbox.map((item) => [item.key, item.status])).toEqual([
      ['a', 'pending'],
      ['b', 'sending'],
      ['c', 'pending'],
    ]);
  });

  it('claims at most 25 items a sweep by default (or the limit given); the next sweep takes the rest', () => {
    const doc = withItems(...Array.from({ length: 30 }, (_, i) => sms(`k${i}`)));
    const first = claimDue(doc, now);
    expect(first.claimed).toHaveLength(25);
    expect(claimDue(first.doc, now).claimed.map((item) => item.key)).toEqual(['k25', 'k26', 'k27', 'k28', 'k29']);
    expect(claimDue(doc, now, { limit: 2 }).claimed.map((item) => item.key)).toEqual(['k0', 'k1']);
  });

  it('skips opted-out texts even when the sweep is full', () => {
    const doc = { ...withItems(sms('a'), sms('b', '+15555550199')), optOuts: ['+15555550199'] };
    const result = claimDue(doc, now, { limit: 1 });
    expect(result.doc.outbox.map((item) => item.status)).toEqual(['sending', 'skipped']);
  });

  it('a lease lasts exactly LEASE_MS: a sweep a millisecond before gets nothing, at LEASE_MS it takes over', () => {
    const claimed = claimDue(withItems(sms('a')), now).doc;
    expect(claimDue(claimed, later(LEASE_MS - 1)).claimed).toEqual([]);
    expect(claimDue(claimed, later(LEASE_MS)).claimed.map((item) => item.key)).toEqual(['a']);
  });

  it('ignores a delivery report for an item it did not hand out', () => {
    const doc = withItems(sms('a'));
    const after = recordDeliveries(doc, [{ key: 'a', result: { ok: true, providerId: 'SM1' } }], now);
    expect(after.outbox[0]).toMatchObject({ status: 'pending', attempts: 0, sentAt: null });
  });

  it('keeps finished notifications for two weeks and never drops one still waiting to go out', () => {
    const KEEP_DONE_MS = 14 * 24 * 3600_000; // the dashboard shows two weeks of them
    const sent = (doc: JobsDocument, key: string, at: Date) => {
      const claim = claimDue(doc, at, { keys: [key] });
      return recordDeliveries(claim.doc, [{ key, result: { ok: true, providerId: `SM-${key}` } }], at);
    };
    let doc = withItems(sms('old-sent'), sms('old-held'), sms('old-sending'));
    doc = sent(doc, 'old-sent', now);
    doc = { ...doc, outbox: doc.outbox.map((item) => (item.key === 'old-held' ? { ...item, notBefore: later(KEEP_DONE_MS * 2).toISOString() } : item)) };
    doc = claimDue(doc, now, { keys: ['old-sending'] }).doc;
    doc = enqueue(doc, [sms('edge')], later(1)).doc;
    doc = sent(doc, 'edge', later(1));

    const keys = (at: Date) => enqueue(doc, [sms(`new-${at.getTime()}`)], at).doc.outbox.map((item) => item.key);
    expect(keys(later(KEEP_DONE_MS))).toEqual(['old-sent', 'old-held', 'old-sending', 'edge', `new-${later(KEEP_DONE_MS).getTime()}`]);
    expect(keys(later(KEEP_DONE_MS + 1))).toEqual(['old-held', 'old-sending', 'edge', `new-${later(KEEP_DONE_MS + 1).getTime()}`]);
    expect(keys(later(KEEP_DONE_MS + 2))).toEqual(['old-held', 'old-sending', `new-${later(KEEP_DONE_MS + 2).getTime()}`]);
  });

  it("shows a job's failed notifications, and only that job's", () => {
    let doc = withItems(sms('a'), { ...sms('b'), jobId: 'job_2' }, sms('c'));
    doc = claimDue(doc, now).doc;
    const permanent = { ok: false as const, retry: false, optedOut: false, error: 'invalid number' };
    doc = recordDeliveries(doc, [{ key: 'a', result: permanent }, { key: 'b', result: permanent }, { key: 'c', result: { ok: true, providerId: 'SM1' } }], now);
    expect(failedFor(doc, 'job_1').map((item) => item.key)).toEqual(['a']);
  });
});
