import { describe, expect, it } from 'vitest';
import { invalidRecords, readJobsDocument } from '../../domain/document-records';
import { emptyJobsDocument, JobSchema, type Job } from '../../domain/jobs-document';

const AT = '2026-06-04T14:30:00.000Z';
const job = (id: string, phone = '+15555550123'): Job =>
  JobSchema.parse({
    id,
    code: 'K7Q2',
    token: 'tok_abcdefghijklmnopqrstuv',
    customer: { phone },
    location: '12 Oak St',
    window: null,
    status: 'booking_confirmed',
    priceCents: null,
    createdAt: AT,
    updatedAt: AT,
  });

describe('reading jobs.json record by record', () => {
  it('sets one invalid job aside with its reason and reads every other record', () => {
    const text = JSON.stringify({
      ...emptyJobsDocument(),
      version: 7,
      jobs: { good: job('good'), bad: { ...job('bad'), customer: { phone: 'whatsapp:+15555550123' } } },
      outbox: [{ key: 'x' }],
    });

    const doc = readJobsDocument(text);

    expect(Object.keys(doc.jobs)).toEqual(['good']);
    expect(doc.version).toBe(7);
    expect(doc.outbox).toEqual([]);
    expect(doc.quarantine.map((record) => [record.key, record.reason])).toEqual([
      ['jobs.bad', expect.stringContaining('customer.phone')],
      ['outbox.0', expect.any(String)],
    ]);
    expect(doc.quarantine[0]!.raw).toMatchObject({ id: 'bad', customer: { phone: 'whatsapp:+15555550123' } });
  });

  it('keeps what was quarantined before, ahead of anything new', () => {
    const earlier = { key: 'jobs.old', reason: 'was bad', raw: { id: 'old' } };
    const doc = readJobsDocument(JSON.stringify({ ...emptyJobsDocument(), quarantine: [earlier], optOuts: ['12345'] }));

    expect(doc.quarantine.map((record) => record.key)).toEqual(['jobs.old', 'optOuts.0']);
    expect(doc.optOuts).toEqual([]);
  });

  it.each(['constructor', '__proto__', 'toString'])('a remembered MessageSid "%s" reads back as an ordinary own key', (sid) => {
    const text = `{"schema":1,"version":1,"jobs":{},"optOuts":[],"inbound":{"${sid}":{"at":"${AT}","reply":"hi","jobId":null}}}`;

    const doc = readJobsDocument(text);

    expect(Object.hasOwn(doc.inbound, sid)).toBe(true);
    expect(doc.inbound[sid]?.reply).toBe('hi');
  });

  it.each([
    ['not JSON', '{"schema":1,'],
    ['an unknown schema', '{"schema":99,"version":1,"jobs":{},"optOuts":[]}'],
    ['no version', '{"schema":1,"jobs":{},"optOuts":[]}'],
  ])('only a body that is no jobs document at all is unreadable (%s)', (_, text) => {
    expect(() => readJobsDocument(text)).toThrow();
  });
});

describe('checking what a change wrote', () => {
  it('finds a bad record among the changed ones and ignores the rest', () => {
    const before = { ...emptyJobsDocument(), jobs: { a: job('a') } };
    const next = { ...before, jobs: { ...before.jobs, b: { ...job('b'), customer: { phone: '12345', name: null } } }, optOuts: ['ACME'] };

    expect(invalidRecords(before, next)).toEqual([
      expect.stringMatching(/^jobs\.b: customer\.phone: /),
      expect.stringMatching(/^optOuts\.0: /),
    ]);
    expect(invalidRecords(before, { ...before, jobs: { ...before.jobs, c: job('c') } })).toEqual([]);
  });
});
