import { describe, expect, it } from 'vitest';
import { archiveHistory, boundLogs, FINISHED_OUTBOX_KEPT, isOnBoard, planArchive, removeArchived, SIDS_KEPT, UNMATCHED_KEPT } from '../../domain/hot-document';
import { SEED_CREW, seedHistory } from '../../domain/seed-history';
import { emptyJobsDocument, JobSchema, type Job, type JobsDocument, type OutboxItem } from '../../domain/jobs-document';

const now = new Date('2026-06-04T15:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const rules = { now, tz: 'America/Chicago', archiveAfterDays: 14 };

function job(id: string, status: Job['status'], closedAt: string | null): Job {
  return JobSchema.parse({
    id, code: 'K7Q2', token: `tok_${id}_${'x'.repeat(20)}`, customer: { phone: '+15555550123' }, location: '12 Oak St', window: null,
    status, priceCents: null, closedAt, createdAt: daysAgo(40), updatedAt: closedAt ?? daysAgo(1),
  });
}

function docWith(...jobs: Job[]): JobsDocument {
  return { ...emptyJobsDocument(), jobs: Object.fromEntries(jobs.map((j) => [j.id, j])) };
}

describe('what stays on the board and in jobs.json', () => {
  it.each([
    ['an open job booked long ago', job('a', 'en_route', null), true],
    ['a job completed 13 days ago', job('b', 'completed', daysAgo(13)), true],
    ['a job completed 15 days ago', job('c', 'completed', daysAgo(15)), false],
    ['a job cancelled 200 days ago', job('d', 'cancelled', daysAgo(200)), false],
  ])('%s: on the board = %s', (_name, j, expected) => {
    expect(isOnBoard(j, rules)).toBe(expected);
  });

  it('plans old closed jobs by month of closing, and removes only the copies it archived', () => {
    const doc = docWith(job('open', 'booking_confirmed', null), job('recent', 'completed', daysAgo(3)), job('old', 'completed', '2026-04-30T12:00:00.000Z'));
    const plan = planArchive(doc, rules);
    expect(plan.batches.map((b) => [b.month, b.jobs.map((j) => j.id)])).toEqual([['2026-04', ['old']]]);
    expect(Object.keys(removeArchived(doc, plan).jobs).sort()).toEqual(['open', 'recent']);
    const changedSince = { ...doc, jobs: { ...doc.jobs, old: { ...doc.jobs.old!, notes: 'paid', updatedAt: daysAgo(0) } } };
    expect(Object.keys(removeArchived(changedSince, plan).jobs)).toContain('old');
    expect(planArchive(removeArchived(doc, plan), rules).batches).toEqual([]);
  });

  it('archives unmatched texts past the age or beyond the newest UNMATCHED_KEPT', () => {
    const unmatched = Array.from({ length: UNMATCHED_KEPT + 5 }, (_, i) => ({
      at: daysAgo(i === 0 ? 20 : 1), direction: 'in' as const, from: '+15555550199', to: '+15555550100', body: `hi ${i}`, sid: `SM${i}`, intent: null, media: 0,
    }));
    const plan = planArchive({ ...emptyJobsDocument(), unmatched }, rules);
    expect(plan.batches.flatMap((b) => b.unmatched).map((m) => m.sid)).toEqual(['SM0', 'SM1', 'SM2', 'SM3', 'SM4']);
  });
});

describe('bounded logs', () => {
  const item = (i: number, status: OutboxItem['status'], createdAt: string): OutboxItem => ({
    key: `k${i}`, channel: 'sms', to: '+15555550123', subject: null, body: 'x', jobId: null, createdAt, notBefore: createdAt,
    attempts: 1, status, leaseUntil: null, lastError: null, sentAt: null, providerId: null, delivery: null,
  });

  it('forgets MessageSids after a week or beyond SIDS_KEPT, newest kept', () => {
    const inbound = Object.fromEntries(Array.from({ length: SIDS_KEPT + 10 }, (_, i) => [`SM${i}`, { at: new Date(now.getTime() - i * 1000).toISOString(), reply: null, jobId: null }]));
    inbound.old = { at: daysAgo(8), reply: null, jobId: null };
    const bounded = boundLogs({ ...emptyJobsDocument(), inbound }, now);
    expect(Object.keys(bounded.inbound)).toHaveLength(SIDS_KEPT);
    expect(bounded.inbound.SM0).toBeDefined();
    expect(bounded.inbound.old).toBeUndefined();
  });

  it('drops old or surplus finished notifications but never a pending or sending one', () => {
    const outbox = [
      item(0, 'pending', daysAgo(30)),
      item(1, 'sending', daysAgo(30)),
      item(2, 'failed', daysAgo(20)),
      ...Array.from({ length: FINISHED_OUTBOX_KEPT + 3 }, (_, i) => item(10 + i, 'sent', new Date(now.getTime() - i * 1000).toISOString())),
    ];
    const bounded = boundLogs({ ...emptyJobsDocument(), outbox }, now);
    expect(bounded.outbox.map((o) => o.key)).toEqual(expect.arrayContaining(['k0', 'k1', 'k10']));
    expect(bounded.outbox.map((o) => o.key)).not.toContain('k2');
    expect(bounded.outbox).toHaveLength(FINISHED_OUTBOX_KEPT + 2);
  });

  it('leaves a small document as it is (no write)', () => {
    const doc = docWith(job('a', 'en_route', null));
    expect(boundLogs(doc, now)).toBe(doc);
  });
});

describe('a whole history split as the sweep would leave it (the seed and the benchmark)', () => {
  it('moves jobs closed before the archive age to their month, keeps the rest, and indexes every month', () => {
    const history = seedHistory({ jobs: 90, open: 10, days: 60, now, businessNumber: '+15555550100', publicBaseUrl: 'https://dispatch.example.com', businessName: 'QuickDumpNow', crew: SEED_CREW });

    const { hot, months, index } = archiveHistory(history, rules);

    const archived = months.flatMap((month) => Object.values(month.jobs));
    expect(archived.length + Object.keys(hot.jobs).length).toBe(90);
    expect(archived.length).toBeGreaterThan(40);
    expect(archived.every((j) => !isOnBoard(j, rules))).toBe(true);
    expect(Object.values(hot.jobs).every((j) => isOnBoard(j, rules))).toBe(true);
    expect(months.map((month) => month.month)).toEqual(Object.keys(index.months).sort());
    for (const month of months) {
      expect(index.months[month.month]).toBe(Object.keys(month.jobs).length);
      for (const j of Object.values(month.jobs)) expect(index.tokens[j.token]).toBe(month.month);
    }
    expect(hot).toEqual(boundLogs(hot, now));
  });
});

