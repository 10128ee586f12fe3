import { describe, expect, it } from 'vitest';
import type { BusinessContext } from '../../domain/context';
import { handleInboundText } from '../../domain/conversation';
import { emptyJobsDocument, type JobsDocument } from '../../domain/jobs-document';

const CUSTOMER = '+15555550123';
const baseCtx = (now: string): BusinessContext => {
  let n = 0;
  return {
    now: new Date(now),
    tz: 'America/Chicago',
    businessName: 'QuickDumpNow',
    businessPhone: '+15555550100',
    publicBaseUrl: 'https://dispatch.example.com',
    dispatchEmail: 'dispatch@example.com',
    crew: { crew: [{ name: 'Sam Rivera', phone: '+15555550101', email: 'sam@example.com', roles: ['driver'] }] },
    newId: () => `job_${++n}`,
    newToken: () => `token_${n}_abcdefghijklmnopqrstu`,
    random: () => 0.37,
  };
};
const THU_0930 = '2026-06-04T09:30:00-05:00';

let sid = 0;
function say(doc: JobsDocument, body: string, ctx = baseCtx(THU_0930), from = CUSTOMER) {
  return handleInboundText(doc, { sid: `SM${++sid}`, from, to: '+15555550100', body, media: [] }, ctx);
}
const onlyJob = (doc: JobsDocument) => Object.values(doc.jobs)[0]!;

describe('the customer conversation', () => {
  it('books a job marked ready when the text says the items are ready, and emails the crew about it', () => {
    const { doc, reply, outbox } = say(emptyJobsDocument(), 'ready this afternoon, Soderblom Ave');
    expect(onlyJob(doc)).toMatchObject({ status: 'ready_for_pickup', location: 'Soderblom Ave' });
    expect(reply).toBe('Thanks! QuickDumpNow has you down for today, 12-5 PM at Soderblom Ave. Track it: https://dispatch.example.com/track/token_1_abcdefghijklmnopqrstu');
    expect(outbox.map((item) => [item.channel, item.to])).toEqual([['email', 'sam@example.com']]);
  });

  it('books as "booking confirmed" when nothing says the items are ready', () => {
    expect(onlyJob(say(emptyJobsDocument(), 'tmrw am 12 Oak St').doc).status).toBe('booking_confirmed');
  });

  it('makes no job without an address: asks for it, and books one job with the earlier time when it comes', () => {
    const first = say(emptyJobsDocument(), 'can you come tomorrow morning?');
    expect(first.doc.jobs).toEqual({});
    expect(first.reply).toContain("What's the pickup address?");
    const second = say(first.doc, "it's 1801 Central St Apt 3B");
    expect(Object.keys(second.doc.jobs)).toHaveLength(1);
    expect(onlyJob(second.doc).location).toBe('1801 Central St Apt 3B');
    expect(onlyJob(second.doc).window).toEqual({ start: '2026-06-05T08:00:00-05:00', end: '2026-06-05T12:00:00-05:00' });
    expect(second.doc.pendingBookings).toEqual({});
  });

  it('reschedules the open job instead of creating a second one', () => {
    const booked = say(emptyJobsDocument(), 'tomorrow morning, 12 Oak St').doc;
    const { doc, reply } = say(booked, 'actually saturday afternoon');
    expect(Object.keys(doc.jobs)).toHaveLength(1);
    expect(onlyJob(doc).window).toEqual({ start: '2026-06-06T12:00:00-05:00', end: '2026-06-06T17:00:00-05:00' });
    expect(reply).toMatch(/^Updated: your pickup is Sat, Jun 6, 12-5 PM at 12 Oak St\./);
  });

  it('does not move a job the crew is already driving to, and says so', () => {
    const booked = say(emptyJobsDocument(), 'today 12 Oak St').doc;
    const job = onlyJob(booked);
    const enRoute = { ...booked, jobs: { [job.id]: { ...job, status: 'en_route' as const } } };
    const { doc, reply } = say(enRoute, 'can you come tomorrow instead');
    expect(onlyJob(doc).window).toEqual(job.window);
    expect(reply).toMatch(/^Your QuickDumpNow crew is already on the way/);
    expect(onlyJob(doc).needsAttention).toBe(true);
  });

  it.each([
    ['where r u', /^Booked: tomorrow, 8 AM-12 PM, 12 Oak St\. Track it: /],
    ['cancel my pickup', /^Your pickup at 12 Oak St is cancelled\./],
    ['help', /STOP to opt out\.$/],
    ['what does it cost to take a hot tub', /^Good question! A person at QuickDumpNow will text you back shortly\.$/],
  ])('answers "%s" for a customer with an open job', (text, expected) => {
    const booked = say(emptyJobsDocument(), 'tomorrow morning, 12 Oak St').doc;
    expect(say(booked, text).reply).toMatch(expected);
  });

  it('explains how to book when someone asks for status without a job', () => {
    expect(say(emptyJobsDocument(), 'status?').reply).toMatch(/^You have no open pickup with QuickDumpNow\./);
  });

  it('records STOP with no reply and welcomes the customer back on START', () => {
    const stopped = say(emptyJobsDocument(), 'STOP');
    expect(stopped.reply).toBeNull();
    expect(stopped.doc.optOuts).toEqual([CUSTOMER]);
    const started = say(stopped.doc, 'start');
    expect(started.doc.optOuts).toEqual([]);
    expect(started.reply).toMatch(/^Welcome back/);
  });

  it('treats a bare CANCEL as an opt-out, not a job cancellation (Twilio has already opted the number out)', () => {
    const booked = say(emptyJobsDocument(), 'tomorrow morning, 12 Oak St').doc;
    const { doc, reply } = say(booked, 'CANCEL');
    expect(reply).toBeNull();
    expect(onlyJob(doc).status).toBe('booking_confirmed');
    expect(doc.optOuts).toEqual([CUSTOMER]);
  });

  it('a second delivery of the same text changes nothing and repeats the first reply', () => {
    const ctx = baseCtx(THU_0930);
    const text = { sid: 'SM-dup', from: CUSTOMER, to: '+15555550100', body: 'today 12 Oak St', media: [] };
    const first = handleInboundText(emptyJobsDocument(), text, ctx);
    const second = handleInboundText(first.doc, text, ctx);
    expect(second.doc).toBe(first.doc);
    expect(second.reply).toBe(first.reply);
    expect(second.outbox).toEqual([]);
  });

  it('keeps every reply within two SMS segments (320 characters), even with a long address', () => {
    const long = `${'9'.repeat(5)} ${'Very Long Named '.repeat(8)}Ave Apt 12`;
    const { reply } = say(emptyJobsDocument(), `tomorrow afternoon, ${long}`);
    expect(reply!.length).toBeLessThanOrEqual(320);
  });
});
