/**
 * The seeded demo history (scripts/seed.ts, the benchmark): a document the dashboard and the engine accept, shaped
 * like a real business's past, and the same for the same seed.
 */
import { describe, expect, it } from 'vitest';
import { JobsDocumentSchema, type Job } from '../../domain/jobs-document';
import { isOpenStatus } from '../../domain/statuses';
import { SEED_CREW, seedHistory, seededRandom, type SeedOptions } from '../../domain/seed-history';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOW = new Date('2026-06-04T15:00:00Z');
const OPTIONS: SeedOptions = {
  jobs: 120,
  open: 12,
  days: 30,
  now: NOW,
  businessNumber: '+15555550100',
  publicBaseUrl: 'https://dispatch.example.com',
  businessName: 'QuickDumpNow',
  crew: SEED_CREW,
};

const doc = seedHistory(OPTIONS);
/** Oldest booking first: the order they were made in. */
const jobs = Object.values(doc.jobs).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
const at = (iso: string) => Date.parse(iso);

describe('the seeded history', () => {
  it('is a valid jobs document with the jobs asked for, the newest still open', () => {
    expect(JobsDocumentSchema.parse(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
    expect(doc.version).toBe(1);
    expect(jobs).toHaveLength(120);
    expect(jobs.slice(0, 108).every((job) => !isOpenStatus(job.status))).toBe(true);
    expect(jobs.slice(108).every((job) => isOpenStatus(job.status))).toBe(true);
    expect(jobs.slice(108).map((job) => job.status)).toEqual(
      [108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119].map((i) => ['booking_confirmed', 'ready_for_pickup', 'booking_confirmed', 'en_route', 'in_progress'][i % 5]),
    );
  });

  it('cancels about one closed job in fifteen and completes the rest', () => {
    const cancelled = jobs.flatMap((job, i) => (job.status === 'cancelled' ? [i] : []));
    expect(cancelled).toEqual([7, 22, 37, 52, 67, 82, 97]);
    for (const i of cancelled) {
      expect(jobs[i]!.messages.slice(-2).map((m) => [m.direction, m.at, m.body])).toEqual([
        ['in', jobs[i]!.closedAt, 'please cancel my pickup, we sold it'],
        ['out', jobs[i]!.closedAt, 'Your pickup is cancelled. Text us anytime to book again.'],
      ]);
      expect(jobs[i]!.history.at(-1)).toMatchObject({ by: jobs[i]!.customer.phone, via: 'sms' });
    }
    expect(jobs.filter((job) => job.status === 'completed')).toHaveLength(101);
  });

  it('books over the days asked for, in order, never in the last hour, each for the next day in a four-hour window', () => {
    expect(at(jobs[0]!.createdAt)).toBeGreaterThanOrEqual(NOW.getTime() - 30 * DAY);
    expect(at(jobs[0]!.createdAt)).toBeLessThan(NOW.getTime() - 29 * DAY);
    expect(at(jobs.at(-1)!.createdAt)).toBeLessThanOrEqual(NOW.getTime() - HOUR);
    expect(at(jobs.at(-1)!.createdAt)).toBeGreaterThan(NOW.getTime() - 7 * HOUR);
    for (const [i, job] of jobs.entries()) {
      const booked = at(job.createdAt);
      expect(booked).toBeGreaterThanOrEqual(NOW.getTime() - 30 * DAY + i * 6 * HOUR);
      const start = at(job.window!.start);
      expect(start % HOUR).toBe(0);
      expect(start - booked).toBeGreaterThanOrEqual(DAY);
      expect(start - booked).toBeLessThan(DAY + HOUR);
      expect(at(job.window!.end) - start).toBe(4 * HOUR);
    }
  });

  it('books at any minute of the day, and never in the last hour even over a short span', () => {
    expect(jobs.filter((job) => at(job.createdAt) % HOUR !== 0).length).toBeGreaterThan(100);
    const short = Object.values(seedHistory({ ...OPTIONS, jobs: 8, open: 8, days: 0.1 }).jobs);
    expect(short.every((job) => at(job.createdAt) <= NOW.getTime() - HOUR)).toBe(true);
    expect(short.some((job) => at(job.createdAt) === NOW.getTime() - HOUR)).toBe(true);
    // Booked an hour ago for tomorrow: the crew's steps still come after the booking, in order.
    for (const job of short) {
      const after = job.messages.slice(2).map((m) => at(m.at));
      expect(after.every((t) => t > at(job.createdAt))).toBe(true);
      expect(after).toEqual([...after].sort((a, b) => a - b));
    }
  });

  it('closes finished jobs after their window started and at least half an hour ago; open ones are not closed', () => {
    for (const job of jobs) {
      if (isOpenStatus(job.status)) {
        expect(job.closedAt).toBeNull();
        continue;
      }
      const closed = at(job.closedAt!);
      expect(closed).toBeLessThanOrEqual(NOW.getTime() - 30 * 60_000);
      expect(closed).toBeLessThanOrEqual(at(job.window!.start) + 3 * HOUR);
      expect(Math.min(closed, at(job.window!.start) + 2 * HOUR)).toBe(Math.min(NOW.getTime() - 30 * 60_000, at(job.window!.start) + 2 * HOUR));
      expect(job.history.at(-1)).toMatchObject({ status: job.status, at: job.closedAt });
      expect(at(job.updatedAt)).toBeGreaterThanOrEqual(closed);
    }
  });

  it('gives each job the texts and history of its path, in time order, none in the future or before the booking', () => {
    const steps: Record<string, string[]> = {
      booking_confirmed: ['booking_confirmed'],
      ready_for_pickup: ['booking_confirmed', 'ready_for_pickup'],
      en_route: ['booking_confirmed', 'en_route'],
      in_progress: ['booking_confirmed', 'en_route', 'in_progress'],
      completed: ['booking_confirmed', 'en_route', 'in_progress', 'completed'],
      cancelled: ['booking_confirmed', 'cancelled'],
    };
    for (const job of jobs) {
      expect(job.history.map((entry) => entry.status)).toEqual(steps[job.status]);
      const times = [...job.messages.map((m) => at(m.at)), ...job.history.map((h) => at(h.at))];
      expect(Math.min(...times)).toBe(at(job.createdAt));
      expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime() - 30 * 60_000);
      expect(job.messages.map((m) => m.at)).toEqual(job.messages.map((m) => m.at).sort());
      expect(job.updatedAt).toBe([job.messages.at(-1)!.at, job.closedAt ?? ''].sort().at(-1));
      expect(job.messages[0]).toMatchObject({ direction: 'in', from: job.customer.phone, to: '+15555550100', body: expect.stringContaining(job.location!) });
      expect(job.messages[1]).toMatchObject({
        direction: 'out',
        from: '+15555550100',
        to: job.customer.phone,
        body: `Thanks! QuickDumpNow has you down for tomorrow at ${job.location}. Track it: https://dispatch.example.com/track/${job.token}`,
      });
    }
  });

  it('times the crew around the window: claimed half a day before, on the way at its start, loading 45 minutes in', () => {
    const old = jobs.slice(0, 100).filter((job) => job.status === 'completed');
    for (const job of old) {
      const start = at(job.window!.start);
      const when = (status: string) => at(job.history.find((entry) => entry.status === status)!.at) - start;
      expect([when('en_route'), when('in_progress')]).toEqual([0, 45 * 60_000]);
      expect(at(job.messages.find((m) => m.body.startsWith('claim '))!.at) - start).toBe(-12 * HOUR);
    }
  });

  it('has every other customer, and every one whose job is ready, text that the items are out', () => {
    for (const [i, job] of jobs.entries()) {
      const ready = job.messages.findIndex((m) => m.body === 'stuff is on the curb');
      expect(ready >= 0).toBe(i % 2 === 0 || job.status === 'ready_for_pickup');
      if (ready >= 0) expect(job.messages[ready + 1]?.body).toBe(`Got it, your items are ready for pickup. Track it: https://dispatch.example.com/track/${job.token}`);
    }
  });

  it('puts a crew member from the roster on every job that went ahead, texting as that member', () => {
    const phones = SEED_CREW.crew.map((member) => member.phone);
    for (const [i, job] of jobs.entries()) {
      const member = SEED_CREW.crew[i % 4]!;
      if (job.status === 'booking_confirmed' || job.status === 'cancelled') {
        expect(job.crew.driver).toBeNull();
        expect(job.messages.some((m) => phones.includes(m.from))).toBe(job.quote !== null);
        continue;
      }
      expect(job.crew).toEqual({ driver: member.phone, first_mate: null, supervisor: null });
      expect(job.messages.find((m) => m.from === member.phone)?.body).toBe(`claim ${job.code}`);
      for (const entry of job.history.filter((h) => ['en_route', 'in_progress', 'completed'].includes(h.status))) expect(entry.by).toBe(member.name);
      if (job.status !== 'ready_for_pickup') expect(job.messages.find((m) => m.body === `omw ${job.code}`)?.from).toBe(member.phone);
    }
  });

  it('quotes every third job that was not cancelled, accepted, at $150 plus $25 steps', () => {
    for (const [i, job] of jobs.entries()) {
      const cents = 15_000 + (i % 20) * 2_500;
      if (i % 3 === 0 && job.status !== 'cancelled') {
        expect(job.priceCents).toBe(cents);
        expect(job.quote).toMatchObject({ amountCents: cents, state: 'accepted' });
        const bodies = job.messages.map((m) => m.body);
        const priced = bodies.indexOf(`price ${job.code} ${cents / 100}`);
        expect(bodies.slice(priced, priced + 4)).toEqual([`price ${job.code} ${cents / 100}`, `Quote sent to the customer: $${cents / 100}.`, 'yes', `Thanks! $${cents / 100} is confirmed.`]);
      } else {
        expect([job.priceCents, job.quote]).toEqual([null, null]);
      }
    }
  });

  it('has unique codes among open jobs, tidy ids, tokens and US phone numbers', () => {
    const open = jobs.filter((job) => isOpenStatus(job.status)).map((job) => job.code);
    expect(new Set(open).size).toBe(open.length);
    for (const job of jobs) {
      expect(job.code).toMatch(/^[2-9A-HJ-NP-Z]{4}$/);
      expect(job.id).toMatch(/^job_[A-Za-z0-9]{12}$/);
      expect(job.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(job.customer.phone).toMatch(/^\+1555\d{7}$/);
      expect(job.location).toMatch(/^\d{3,4} [A-Z]/);
      expect(Number(job.location!.split(' ')[0])).toBeGreaterThanOrEqual(100);
      expect(job).toMatchObject({ needsAttention: false, language: 'en', confirmedAt: null, eta: null, reminderSentAt: null, complaint: false });
    }
    expect(new Set(jobs.map((job) => job.customer.phone)).size).toBeGreaterThan(100);
    expect(jobs.map((job) => job.notes)).toEqual(jobs.map((_, i) => (i % 9 === 0 ? 'Gate code 4411, items by the garage' : '')));
    // Made-up but varied: many streets and items, and a name for most customers.
    expect(new Set(jobs.map((job) => job.location!.replace(/^\d+ /, ''))).size).toBe(10);
    expect(new Set(jobs.map((job) => job.items)).size).toBe(10);
    expect(jobs.filter((job) => job.customer.name !== null).length).toBeGreaterThan(60);
    expect(jobs.filter((job) => job.customer.name === null).length).toBeGreaterThan(10);
  });

  it('never gives two open jobs the same code, even with thousands open', () => {
    const many = Object.values(seedHistory({ ...OPTIONS, jobs: 3000, open: 3000 }).jobs).map((job) => job.code);
    expect(new Set(many).size).toBe(3000);
  });

  it('has photos now and then: a customer photo on some bookings, proof on some finished jobs', () => {
    const customer = jobs.filter((job) => job.photos.some((p) => p.kind === 'customer'));
    const proof = jobs.filter((job) => job.photos.some((p) => p.kind === 'proof'));
    expect(customer).toHaveLength(30);
    expect(proof.every((job) => job.status === 'completed')).toBe(true);
    expect(proof.length).toBeGreaterThan(15);
    for (const job of customer) expect(job.photos[0]).toMatchObject({ from: job.customer.phone, messageSid: job.messages[0]!.sid, at: job.createdAt, contentType: 'image/jpeg' });
  });

  it('keeps the last week of MessageSids and two weeks of sent notifications, oldest first', () => {
    const weekAgo = NOW.getTime() - 7 * DAY;
    const allIn = [...jobs.flatMap((job) => job.messages), ...doc.unmatched].filter((m) => m.direction === 'in' && m.sid?.startsWith('SM0'));
    expect(Object.keys(doc.inbound).sort()).toEqual(allIn.filter((m) => at(m.at) >= weekAgo).map((m) => m.sid!).sort());
    expect(Object.values(doc.inbound).every((entry) => at(entry.at) >= weekAgo)).toBe(true);
    expect(doc.outbox.length).toBeGreaterThan(0);
    expect(doc.outbox.map((item) => item.createdAt)).toEqual(doc.outbox.map((item) => item.createdAt).sort());
    expect(at(doc.outbox[0]!.createdAt)).toBeGreaterThanOrEqual(NOW.getTime() - 14 * DAY);
    for (const item of doc.outbox) {
      expect(item).toMatchObject({ status: 'sent', attempts: 1, sentAt: item.createdAt, notBefore: item.createdAt });
      expect(item.channel).toBe(item.key.endsWith(':sms') ? 'sms' : 'email');
      expect(item.to).toBe(item.channel === 'sms' ? doc.jobs[item.jobId!]!.customer.phone : 'dispatch@example.com');
    }
  });

  it('has a few texts that matched no job, one every forty bookings', () => {
    expect(doc.unmatched.map((m) => m.body)).toEqual(['hello? is this the junk guys', 'hello? is this the junk guys', 'hello? is this the junk guys']);
    expect(doc.unmatched.map((m) => at(m.at) - at(jobs[[20, 60, 100][doc.unmatched.indexOf(m)]!]!.createdAt))).toEqual([HOUR, HOUR, HOUR]);
  });

  it('gives seed 1 the very history it always has (benchmark runs compare across versions)', () => {
    const small = seedHistory({ ...OPTIONS, jobs: 4, open: 1, days: 2 });
    const pick = (job: Job) => [job.id, job.code, job.token, job.customer.phone, job.customer.name, job.location, job.items, job.status, job.createdAt, job.window!.start, job.closedAt, job.priceCents];
    expect(Object.values(small.jobs).map(pick)).toEqual([
      ['job_KtEY2C46YnAf', '2JZY', 'P1eKUhP9LNb1QEft3b27C32Q', '+15551000027', 'Dana', '6105 Cedar Lane', 'an old couch', 'completed', '2026-06-02T22:31:29.594Z', '2026-06-03T23:00:00.000Z', '2026-06-04T01:34:34.829Z', 15000],
      ['job_izFykzmeqXvM', 'V9ZQ', 'zG6Fr-c6JmA7LMNnhl06XwP2', '+15551007958', 'Luis', '3063 Ridge Ave', 'a fridge', 'completed', '2026-06-03T10:27:59.905Z', '2026-06-04T11:00:00.000Z', '2026-06-04T13:39:16.475Z', null],
      ['job_8h4tiqu1st5Q', '4BPN', 'qo4qgg8o2CNPvXyqWL3JX94z', '+15551015849', 'Luis', '5080 N Damen Ave', 'an old couch', 'completed', '2026-06-03T16:41:46.048Z', '2026-06-04T17:00:00.000Z', '2026-06-04T14:30:00.000Z', null],
      ['job_IKFp4Nfha9WO', 'TE96', 's7KqOppSuzNBOmnj2G0OPNzn', '+15551023836', null, '3117 W Elm Ave', 'yard waste', 'en_route', '2026-06-04T03:26:20.882Z', '2026-06-05T04:00:00.000Z', null, 22500],
    ]);
    const first = Object.values(small.jobs)[0]!;
    expect(first.messages.map((m) => `${m.direction} ${m.at.slice(11, 19)} ${m.body}`)).toEqual([
      'in 22:31:29 need a fridge picked up tomorrow, 6105 Cedar Lane',
      'out 22:31:29 Thanks! QuickDumpNow has you down for tomorrow at 6105 Cedar Lane. Track it: https://dispatch.example.com/track/P1eKUhP9LNb1QEft3b27C32Q',
      'in 11:00:00 claim 2JZY',
      'out 11:00:00 2JZY is yours (driver). 6105 Cedar Lane.',
      'in 21:00:00 stuff is on the curb',
      'out 21:00:00 Got it, your items are ready for pickup. Track it: https://dispatch.example.com/track/P1eKUhP9LNb1QEft3b27C32Q',
      'in 22:00:00 price 2JZY 150',
      'out 22:00:00 Quote sent to the customer: $150.',
      'in 22:30:00 yes',
      'out 22:30:00 Thanks! $150 is confirmed.',
      'in 23:00:00 omw 2JZY',
      'out 23:00:00 2JZY marked en route.',
      'in 23:45:00 here 2JZY',
      'out 23:45:00 2JZY marked in progress.',
      'in 01:34:34 done 2JZY',
      'out 01:34:34 2JZY marked completed.',
    ]);
    expect(first.history.map((h) => [h.status, h.by])).toEqual([
      ['booking_confirmed', '+15551000027'],
      ['en_route', 'Sam Rivera'],
      ['in_progress', 'Sam Rivera'],
      ['completed', 'Sam Rivera'],
    ]);
    expect(first).toMatchObject({ updatedAt: '2026-06-04T01:34:34.829Z', quote: { by: '+15555550101', at: '2026-06-03T22:00:00.000Z' } });
    expect(first.photos).toEqual([
      { url: 'https://api.twilio.com/2010-04-01/Accounts/ACseed/Messages/SMproof0/Media/ME0', contentType: 'image/jpeg', from: '+15555550101', at: '2026-06-04T01:34:34.829Z', messageSid: 'SMproof0', kind: 'proof' },
    ]);
    expect(small.outbox.slice(0, 6).map((item) => item.key)).toEqual([
      'job_KtEY2C46YnAf:booked:email',
      'job_izFykzmeqXvM:booked:email',
      'job_8h4tiqu1st5Q:booked:email',
      'job_KtEY2C46YnAf:en_route:sms',
      'job_KtEY2C46YnAf:in_progress:sms',
      'job_KtEY2C46YnAf:completed:sms',
    ]);
  });

  it('is the same for the same seed and different for another', () => {
    expect(seedHistory(OPTIONS)).toEqual(doc);
    expect(seedHistory({ ...OPTIONS, seed: 1 })).toEqual(doc);
    expect(Object.keys(seedHistory({ ...OPTIONS, seed: 2 }).jobs)).not.toEqual(Object.keys(doc.jobs));
    expect(seededRandom(1)()).toBe(0.6270739405881613);
  });

  it('asked for more open jobs than jobs, keeps them all open; with no crew, the customer texts the crew steps', () => {
    const small = seedHistory({ ...OPTIONS, jobs: 5, open: 9, crew: { crew: [] } });
    const all: Job[] = Object.values(small.jobs);
    expect(all.map((job) => job.status).sort()).toEqual(['booking_confirmed', 'booking_confirmed', 'en_route', 'in_progress', 'ready_for_pickup']);
    expect(all.every((job) => job.crew.driver === null)).toBe(true);
    const loading = all.find((job) => job.status === 'in_progress')!;
    expect(loading.messages.find((m) => m.body === `omw ${loading.code}`)?.from).toBe(loading.customer.phone);
    expect(loading.history.slice(1).map((h) => h.by)).toEqual(['dispatcher', 'dispatcher']);
  });
});
