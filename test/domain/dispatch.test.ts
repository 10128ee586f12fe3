import { describe, expect, it } from 'vitest';
import type { BusinessContext } from '../../domain/context';
import type { CrewRoster } from '../../domain/crew';
import { bookByPhone, moveJob, patchJob, type JobChange } from '../../domain/dispatch';
import { InvalidTransitionError } from '../../domain/errors';
import { createJob, putJob } from '../../domain/job';
import { emptyJobsDocument, type Job, type JobsDocument } from '../../domain/jobs-document';
import { customerSms } from '../../domain/notifications';
import { enqueue } from '../../domain/outbox';
import type { StatusId } from '../../domain/statuses';

const TZ = 'America/Chicago';
/** 10:00 in Chicago. */
const MORNING = new Date('2026-06-04T15:00:00.000Z');
/** 22:30 in Chicago: quiet hours; held texts go at 08:00 next morning (13:00Z). */
const LATE = new Date('2026-06-05T03:30:00.000Z');
const RELEASE = new Date('2026-06-05T13:00:00.000Z');
const CUSTOMER = '+15555550123';
const SAM = { name: 'Sam Rivera', phone: '+15555550101', email: 'sam@example.com', roles: ['driver' as const] };
const ANA = { name: 'Ana Lee', phone: '+15555550102', email: 'ana@example.com', roles: ['first_mate' as const] };
const LOU = { name: 'Lou Park', phone: '+15555550103', email: null, roles: ['supervisor' as const] };
const ROSTER: CrewRoster = { crew: [SAM, ANA, LOU] };

function context(now: Date = MORNING): BusinessContext {
  let n = 0;
  return {
    now,
    tz: TZ,
    businessName: 'QuickDumpNow',
    businessPhone: '+15555550100',
    publicBaseUrl: 'https://dispatch.example.com',
    dispatchEmail: 'dispatch@example.com',
    crew: ROSTER,
    newId: () => `job_new${++n}`,
    newToken: () => `tok_${'x'.repeat(20)}${n}`,
    random: () => 0.37,
  };
}

/** A document with one booked job at 12 Oak St, this afternoon, with Sam as driver. */
function docWithJob(overrides: Partial<Job> = {}): { doc: JobsDocument; job: Job } {
  const created = createJob(
    emptyJobsDocument(),
    {
      phone: CUSTOMER,
      location: '12 Oak St',
      window: { start: '2026-06-04T12:00:00-05:00', end: '2026-06-04T17:00:00-05:00' },
      status: 'booking_confirmed',
      by: CUSTOMER,
      via: 'sms',
    },
    { ...context(new Date('2026-06-03T15:00:00Z')), newId: () => 'job_1', newToken: () => 'tok_abcdefghijklmnopqrstu' },
  );
  const job: Job = { ...created, crew: { driver: SAM.phone, first_mate: null, supervisor: null }, ...overrides };
  return { doc: { ...putJob(emptyJobsDocument(), job), version: 7 }, job };
}

function changed(result: ReturnType<typeof patchJob> | ReturnType<typeof moveJob>): JobChange {
  if (!result.ok) throw new Error(`expected a change, got ${JSON.stringify(result)}`);
  return result;
}

describe('moving a job on the board', () => {
  it('en route texts the customer the driver is coming, with the same key a crew "omw" uses, at any hour', () => {
    const { doc, job } = docWithJob();
    const result = changed(moveJob(doc, job.id, 'en_route', context(LATE)));

    expect(result.job.status).toBe('en_route');
    expect(result.job.history.at(-1)).toEqual({ at: LATE.toISOString(), status: 'en_route', by: 'dispatcher', via: 'dashboard' });
    expect(result.doc.jobs[job.id]).toEqual(result.job);
    expect(result.notify).toEqual([
      {
        key: 'job_1:en_route:sms',
        channel: 'sms',
        to: CUSTOMER,
        body: 'Sam from QuickDumpNow is on the way to 12 Oak St! Track it: https://dispatch.example.com/track/tok_abcdefghijklmnopqrstu',
        jobId: 'job_1',
      },
    ]);
  });

  it('a job the crew already marked en route by text is not texted again when the board repeats it', () => {
    const { doc, job } = docWithJob();
    // What the crew command queued for the same event (crew-commands.ts builds it with customerSms(job, 'en_route')).
    const crewQueued = enqueue(doc, [customerSms(job, 'en_route', 'Sam from QuickDumpNow is on the way…')], MORNING).doc;
    const result = changed(moveJob(crewQueued, job.id, 'en_route', context()));
    expect(enqueue(result.doc, result.notify, MORNING).added).toEqual([]);
  });

  it('en route with nobody in the driver slot names the business crew', () => {
    const { doc, job } = docWithJob({ crew: { driver: null, first_mate: ANA.phone, supervisor: null } });
    const [text] = changed(moveJob(doc, job.id, 'en_route', context())).notify;
    expect(text?.body).toMatch(/^Your QuickDumpNow crew is on the way to 12 Oak St!/);
  });

  it('completed thanks the customer with the receipt link, keyed like a crew "done"', () => {
    const { doc, job } = docWithJob({ status: 'in_progress' });
    const result = changed(moveJob(doc, job.id, 'completed', context()));
    expect(result.notify.map((item) => [item.key, item.to])).toEqual([['job_1:completed:sms', CUSTOMER]]);
    expect(result.notify[0]?.body).toContain('All done! Thanks for choosing QuickDumpNow.');
  });

  it('cancelling texts the customer after quiet hours end and emails the crew on the job only', () => {
    const { doc, job } = docWithJob({ crew: { driver: SAM.phone, first_mate: null, supervisor: LOU.phone } });
    const result = changed(moveJob(doc, job.id, 'cancelled', context(LATE)));
    const [text, ...emails] = result.notify;
    expect(text).toMatchObject({ key: 'job_1:cancelled:sms', to: CUSTOMER, notBefore: RELEASE });
    expect(text?.body).toMatch(/^QuickDumpNow has cancelled your pickup at /);
    // Lou is on the job but has no email; Ana is not on the job.
    expect(emails).toEqual([
      expect.objectContaining({ key: `job_1:cancelled:email:${SAM.phone}`, channel: 'email', to: SAM.email, subject: expect.stringMatching(/^Cancelled: /) }),
    ]);
    expect(emails[0]?.body).toContain('The dispatcher cancelled pickup');
  });

  it('cancelling a job the crew is driving to texts each of them to stop, at any hour', () => {
    const { doc, job } = docWithJob({ status: 'en_route', crew: { driver: SAM.phone, first_mate: null, supervisor: LOU.phone } });
    const result = changed(moveJob(doc, job.id, 'cancelled', context(LATE)));
    const crewTexts = result.notify.filter((item) => item.channel === 'sms' && item.to !== CUSTOMER);
    expect(crewTexts).toEqual([
      { key: `job_1:cancelled:sms:${SAM.phone}`, channel: 'sms', to: SAM.phone, body: `STOP: the dispatcher cancelled ${job.code} - 12 Oak St. No need to go.`, jobId: 'job_1' },
      { key: `job_1:cancelled:sms:${LOU.phone}`, channel: 'sms', to: LOU.phone, body: `STOP: the dispatcher cancelled ${job.code} - 12 Oak St. No need to go.`, jobId: 'job_1' },
    ]);
  });

  it('a move that sends no text (ready for pickup, loading) changes only the job', () => {
    const { doc, job } = docWithJob();
    expect(changed(moveJob(doc, job.id, 'ready_for_pickup', context())).notify).toEqual([]);
  });

  it.each<[StatusId, StatusId, string]>([
    ['completed', 'en_route', 'is already completed.'],
    ['cancelled', 'booking_confirmed', 'was cancelled.'],
    ['en_route', 'en_route', 'is already marked crew on the way.'],
    ['booking_confirmed', 'completed', `can't go from "Booked" to "All done".`],
  ])('from %s to %s is refused with the reason "… %s"', (from, to, reason) => {
    const { doc, job } = docWithJob({ status: from });
    expect(() => moveJob(doc, job.id, to, context())).toThrow(InvalidTransitionError);
    expect(() => moveJob(doc, job.id, to, context())).toThrow(`${job.code} ${reason}`);
  });

  it('an unknown job is reported, not thrown', () => {
    expect(moveJob(emptyJobsDocument(), 'job_nope', 'en_route', context())).toEqual({ ok: false, problem: 'not_found' });
  });
});

describe('editing a job on the board', () => {
  it('a price becomes a pending quote texted to the customer, held through quiet hours', () => {
    const { doc, job } = docWithJob();
    const result = changed(patchJob(doc, job.id, { priceCents: 45050 }, context(LATE)));
    expect(result.job.quote).toEqual({ amountCents: 45050, by: 'dispatcher', at: LATE.toISOString(), state: 'pending' });
    expect(result.job.priceCents).toBeNull();
    expect(result.notify).toEqual([
      {
        key: `job_1:quote:${LATE.toISOString()}:sms`,
        channel: 'sms',
        to: CUSTOMER,
        body: 'Your quote is $450.50 all-in. Reply YES to confirm. - QuickDumpNow',
        jobId: 'job_1',
        notBefore: RELEASE,
      },
    ]);
  });

  it('saving the same price again sends no second quote and writes nothing', () => {
    const { doc, job } = docWithJob({ quote: { amountCents: 60000, by: 'dispatcher', at: MORNING.toISOString(), state: 'pending' } });
    const result = changed(patchJob(doc, job.id, { priceCents: 60000 }, context()));
    expect(result.doc).toBe(doc);
    expect(result.notify).toEqual([]);
  });

  it('a null price withdraws the quote without texting', () => {
    const { doc, job } = docWithJob({ priceCents: 60000, quote: { amountCents: 60000, by: SAM.phone, at: MORNING.toISOString(), state: 'accepted' } });
    const result = changed(patchJob(doc, job.id, { priceCents: null }, context()));
    expect([result.job.priceCents, result.job.quote, result.notify]).toEqual([null, null, []]);
  });

  it.each([
    ['a new window', { window: { start: '2026-06-05T13:00:00.000Z', end: '2026-06-05T17:00:00.000Z' } }],
    ['a new address', { location: '99 Elm Ave' }],
  ])('%s emails the crew on the job and texts the customer, keyed by the write', (_label, patch) => {
    const { doc, job } = docWithJob();
    const result = changed(patchJob(doc, job.id, patch, context()));
    expect(result.notify).toEqual([
      expect.objectContaining({ key: `job_1:reschedule:dash-v8:email:${SAM.phone}`, channel: 'email', to: SAM.email }),
      expect.objectContaining({ key: 'job_1:reschedule:dash-v8:sms', channel: 'sms', to: CUSTOMER, body: expect.stringMatching(/^Updated: /) }),
    ]);
    expect(result.job.updatedAt).toBe(MORNING.toISOString());
  });

  it('notes, the name and clearing the attention mark change the job and notify nobody', () => {
    const { doc, job } = docWithJob({ needsAttention: true });
    const result = changed(patchJob(doc, job.id, { notes: 'Gate code 4411', name: 'Dana', needsAttention: false }, context()));
    expect(result.job).toMatchObject({ notes: 'Gate code 4411', customer: { phone: CUSTOMER, name: 'Dana' }, needsAttention: false });
    expect(result.notify).toEqual([]);
  });

  it('crew the dispatcher puts on a job get a text (held in quiet hours) and an email; crew already on it hear nothing', () => {
    const { doc, job } = docWithJob();
    const result = changed(patchJob(doc, job.id, { crew: { driver: SAM.phone, first_mate: ANA.phone } }, context(LATE)));
    expect(result.notify).toEqual([
      {
        key: `job_1:assigned:first_mate:dash-v8:sms:${ANA.phone}`,
        channel: 'sms',
        to: ANA.phone,
        body: `Dispatcher put you on ${job.code} - 12 Oak St as first mate, Thu, Jun 4, 12-5 PM. Text 'omw ${job.code}' when you head out.`,
        jobId: 'job_1',
        notBefore: RELEASE,
      },
      expect.objectContaining({ key: `job_1:assigned:first_mate:dash-v8:email:${ANA.phone}`, channel: 'email', to: ANA.email, subject: `You're on ${job.code} · 12 Oak St` }),
    ]);
  });

  it('any roster member can fill any slot; someone off the roster cannot', () => {
    const { doc, job } = docWithJob();
    const ok = changed(patchJob(doc, job.id, { crew: { driver: ANA.phone, supervisor: SAM.phone } }, context()));
    expect(ok.job.crew).toEqual({ driver: ANA.phone, first_mate: null, supervisor: SAM.phone });

    const refused = patchJob(doc, job.id, { crew: { first_mate: '+15555550199' } }, context());
    expect(refused).toEqual({
      ok: false,
      problem: 'invalid',
      errors: { 'crew.first_mate': '+15555550199 is not on the crew roster; add them under Crew first.' },
    });
  });

  it('a finished job keeps its price, time and crew; only the name, notes and attention mark change', () => {
    const { doc, job } = docWithJob({ status: 'completed' });
    const refused = patchJob(doc, job.id, { priceCents: 100, location: 'Elsewhere 1' }, context());
    expect(refused).toMatchObject({ ok: false, problem: 'invalid', errors: { priceCents: expect.stringContaining('is already completed'), location: expect.any(String) } });
    expect(changed(patchJob(doc, job.id, { notes: 'Paid cash' }, context())).job.notes).toBe('Paid cash');
  });

  it('a window that ends before it starts is refused', () => {
    const { doc, job } = docWithJob();
    const refused = patchJob(doc, job.id, { window: { start: '2026-06-05T17:00:00Z', end: '2026-06-05T13:00:00Z' } }, context());
    expect(refused).toMatchObject({ ok: false, errors: { 'window.end': 'The window must end after it starts.' } });
  });
});

describe('booking a job taken on the phone', () => {
  it('creates a booked job by the dispatcher, emails all crew with email, and texts the customer the tracking link', () => {
    const result = bookByPhone(
      emptyJobsDocument(),
      { phone: CUSTOMER, name: 'Dana', location: '12 Oak St', window: null, notes: 'Side door', items: 'old couch' },
      context(),
    );
    expect(result.job).toMatchObject({
      id: 'job_new1',
      status: 'booking_confirmed',
      customer: { phone: CUSTOMER, name: 'Dana' },
      notes: 'Side door',
      items: 'old couch',
      history: [{ at: MORNING.toISOString(), status: 'booking_confirmed', by: 'dispatcher', via: 'dashboard' }],
    });
    expect(result.notify.map((item) => [item.channel, item.to, item.key])).toEqual([
      ['email', SAM.email, `job_new1:created:email:${SAM.phone}`],
      ['email', ANA.email, `job_new1:created:email:${ANA.phone}`],
      ['sms', CUSTOMER, 'job_new1:booked:sms'],
    ]);
    expect(result.notify[2]?.body).toContain(`https://dispatch.example.com/track/${result.job.token}`);
  });

  it('a booking taken late in the evening is confirmed to the customer at 08:00', () => {
    const result = bookByPhone(
      emptyJobsDocument(),
      { phone: CUSTOMER, name: null, location: '12 Oak St', window: null, notes: '', items: null },
      context(LATE),
    );
    expect(result.notify.find((item) => item.channel === 'sms')?.notBefore).toEqual(RELEASE);
  });
});
