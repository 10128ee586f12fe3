import { describe, expect, it } from 'vitest';
import type { BusinessContext } from '../../domain/context';
import { handleInboundText } from '../../domain/conversation';
import type { InboundText } from '../../domain/inbound';
import { emptyJobsDocument, type JobsDocument } from '../../domain/jobs-document';
import { textingDay } from './support';

const CUSTOMER = '+15555550123';
const SAM_PHONE = '+15555550101';
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

describe('remembering MessageSids (Twilio retries a webhook that failed)', () => {
  const ctxAt = (iso: string) => baseCtx(iso);
  const text = (sid: string, body: string) => ({ sid, from: CUSTOMER, to: '+15555550100', body, media: [] });

  it("recognises Twilio's retry of an earlier text after another text has arrived", () => {
    const first = handleInboundText(emptyJobsDocument(), text('SM-a', 'today 12 Oak St'), ctxAt('2026-06-04T09:30:00-05:00'));
    const second = handleInboundText(first.doc, text('SM-b', 'where r u'), ctxAt('2026-06-04T09:31:00-05:00'));
    const retry = handleInboundText(second.doc, text('SM-a', 'today 12 Oak St'), ctxAt('2026-06-04T09:33:00-05:00'));
    expect(retry.doc).toBe(second.doc);
    expect(retry.reply).toBe(first.reply);
    expect(Object.keys(retry.doc.jobs)).toHaveLength(1);
  });

  it('still recognises a retry a week after the text, and forgets the MessageSid after that', () => {
    const first = handleInboundText(emptyJobsDocument(), text('SM-a', 'today 12 Oak St'), ctxAt('2026-06-04T09:30:00-05:00'));
    const weekOn = handleInboundText(first.doc, text('SM-b', 'where r u'), ctxAt('2026-06-11T09:30:00-05:00'));
    expect(Object.keys(weekOn.doc.inbound).sort()).toEqual(['SM-a', 'SM-b']);
    const later = handleInboundText(weekOn.doc, text('SM-c', 'where r u'), ctxAt('2026-06-11T09:31:00-05:00'));
    expect(Object.keys(later.doc.inbound).sort()).toEqual(['SM-b', 'SM-c']);
  });

  it('forgets a MessageSid older than a week but keeps one exactly a week old', () => {
    const older = handleInboundText(emptyJobsDocument(), text('SM-0', 'today 12 Oak St'), ctxAt('2026-06-04T09:29:00-05:00'));
    const first = handleInboundText(older.doc, text('SM-a', 'where r u'), ctxAt('2026-06-04T09:30:00-05:00'));
    const weekOn = handleInboundText(first.doc, text('SM-b', 'where r u'), ctxAt('2026-06-11T09:30:00-05:00'));
    expect(Object.keys(weekOn.doc.inbound).sort()).toEqual(['SM-a', 'SM-b']);
  });
});

describe('opting out and back in', () => {
  const NEIGHBOUR = '+15555550124';

  it("one customer's START lifts only their own opt-out", () => {
    const bothOut = say(say(emptyJobsDocument(), 'STOP').doc, 'STOP', baseCtx(THU_0930), NEIGHBOUR).doc;
    expect(bothOut.optOuts).toEqual([CUSTOMER, NEIGHBOUR]);
    expect(say(bothOut, 'START').doc.optOuts).toEqual([NEIGHBOUR]);
  });

  it('a STOP from a customer with a booked pickup flags it and emails the dispatcher to call', () => {
    const booked = say(emptyJobsDocument(), 'tomorrow morning, 12 Oak St').doc;
    const code = onlyJob(booked).code;
    const { doc, outbox } = say(booked, 'stop');
    expect(onlyJob(doc).needsAttention).toBe(true);
    expect(outbox).toEqual([
      expect.objectContaining({
        to: 'dispatch@example.com',
        subject: `${CUSTOMER} opted out of texts by texting STOP - call to check the pickup (${code})`,
        body: `${CUSTOMER} opted out of texts by texting STOP - call to check the pickup.\nOpen pickups:\n${code} · 12 Oak St, 12 Oak St`,
      }),
    ]);
  });

  it('a STOP flags every open pickup of the customer, not only the latest', () => {
    const day = textingDay();
    day.text(CUSTOMER, 'tomorrow morning, 12 Oak St');
    day.text(CUSTOMER, 'also need a pickup friday at 20 Cedar Ave');
    expect(Object.keys(day.doc.jobs)).toHaveLength(2);
    const { doc } = day.text(CUSTOMER, 'STOP');
    expect(Object.values(doc.jobs).map((job) => [job.location, job.needsAttention])).toEqual([
      ['12 Oak St', true],
      ['20 Cedar Ave', true],
    ]);
  });

  it("names STOP in the dispatcher's email when Twilio reports an opt-out the text does not spell", () => {
    const booked = say(emptyJobsDocument(), 'tomorrow morning, 12 Oak St').doc;
    const { outbox } = handleInboundText(booked, { sid: 'SM-emoji', from: CUSTOMER, to: '+15555550100', body: '🛑', media: [], optOutType: 'STOP' }, baseCtx(THU_0930));
    expect(outbox[0]?.subject).toMatch(/ by texting STOP - /);
  });
});

describe('what a dispatcher is asked to look at', () => {
  it('a booking the bot understood, and the texts after it, are not flagged', () => {
    const booked = say(emptyJobsDocument(), 'tomorrow morning, 12 Oak St').doc;
    expect(onlyJob(booked).needsAttention).toBe(false);
    expect(onlyJob(say(booked, 'where r u').doc).needsAttention).toBe(false);
  });

  it('stays flagged after a later text the bot understood, until a dispatcher deals with it', () => {
    const booked = say(emptyJobsDocument(), 'tomorrow morning, 12 Oak St').doc;
    const flagged = say(booked, 'what does it cost to take a hot tub').doc;
    expect(onlyJob(flagged).needsAttention).toBe(true);
    expect(onlyJob(say(flagged, 'where r u').doc).needsAttention).toBe(true);
  });
});

describe("Twilio's own verdicts and senders we cannot text back", () => {
  const inbound = (body: string, extra: Partial<InboundText> = {}): InboundText => ({ sid: `SM-x${++sid}`, from: CUSTOMER, to: '+15555550100', body, media: [], ...extra });

  it("lifts the opt-out when Twilio says START for the owner's own opt-in word, and keeps that text on the pickup", () => {
    const booked = say(emptyJobsDocument(), 'tomorrow morning, 12 Oak St').doc;
    const stopped = say(booked, 'STOP').doc;
    const { doc, reply } = handleInboundText(stopped, inbound('back on please', { optOutType: 'START' }), baseCtx(THU_0930));
    expect(doc.optOuts).toEqual([]);
    expect(reply).toBe("Welcome back to QuickDumpNow! You'll get texts about your pickups again. Reply STOP to opt out.");
    expect(onlyJob(doc).messages.at(-2)?.body).toBe('back on please');
  });

  it("welcomes back in the customer's language", () => {
    const booked = say(emptyJobsDocument(), 'mañana en la mañana, 12 Oak St').doc;
    expect(onlyJob(booked).language).toBe('es');
    expect(say(say(booked, 'STOP').doc, 'START').reply).toMatch(/^¡Bienvenido de nuevo a QuickDumpNow!/);
  });

  it("answers with the help text when Twilio says HELP for the owner's own help word", () => {
    const { reply } = handleInboundText(emptyJobsDocument(), inbound('what is this', { optOutType: 'HELP' }), baseCtx(THU_0930));
    expect(reply).toMatch(/^QuickDumpNow: to book, text address \+ time/);
  });

  it('emails nobody about a STOP when no dispatcher email is set, but still flags the pickup', () => {
    const booked = say(emptyJobsDocument(), 'tomorrow morning, 12 Oak St').doc;
    const { doc, outbox } = say(booked, 'STOP', { ...baseCtx(THU_0930), dispatchEmail: null });
    expect(outbox).toEqual([]);
    expect(onlyJob(doc).needsAttention).toBe(true);
  });

  it('keeps a text from a sender we cannot text back (a short code) unanswered in the unmatched log, whatever it says', () => {
    const { doc, reply, outbox } = handleInboundText(emptyJobsDocument(), inbound('STOP', { from: '22395', unreachable: true }), baseCtx(THU_0930));
    expect(reply).toBeNull();
    expect(outbox).toEqual([]);
    expect(doc.optOuts).toEqual([]);
    expect(doc.unmatched.map((m) => [m.from, m.body])).toEqual([['22395', 'STOP']]);
  });

  it('records the channel of a text that came by WhatsApp on the message and on our reply', () => {
    const { doc } = handleInboundText(emptyJobsDocument(), inbound('tomorrow morning, 12 Oak St', { channel: 'whatsapp' }), baseCtx(THU_0930));
    expect(onlyJob(doc).messages.map((m) => [m.direction, m.channel])).toEqual([
      ['in', 'whatsapp'],
      ['out', 'whatsapp'],
    ]);
  });

  it.each(['constructor', 'toString'])('a MessageSid "%s" is just another text', (name) => {
    const { doc, reply } = handleInboundText(emptyJobsDocument(), { ...inbound('tomorrow morning, 12 Oak St'), sid: name }, baseCtx(THU_0930));
    expect(reply).toMatch(/^Thanks! QuickDumpNow has you down/);
    expect(Object.keys(doc.jobs)).toHaveLength(1);
  });
});

describe('what the dispatcher and the document hear about opt-outs, help and photos', () => {
  const inbound = (body: string, extra: Partial<InboundText> = {}): InboundText => ({ sid: `SM-y${++sid}`, from: CUSTOMER, to: '+15555550100', body, media: [], ...extra });

  it('a STOP from a customer with two pickups sends the dispatcher one email listing both, one per line', () => {
    const day = textingDay();
    day.text(CUSTOMER, 'tomorrow morning, 12 Oak St');
    day.text(CUSTOMER, 'also need a pickup friday at 20 Cedar Ave');
    const [oak, cedar] = Object.values(day.doc.jobs);
    day.put({ ...cedar!, location: null });
    const { outbox, doc } = day.text(CUSTOMER, 'cancel', { sid: 'SM-stop' });
    const what = `${CUSTOMER} opted out of texts by texting CANCEL - call to check the pickup`;
    expect(outbox.map(({ key, channel, to, subject, body, jobId }) => ({ key, channel, to, subject, body, jobId }))).toEqual([
      {
        key: 'inbound:SM-stop:opted-out:email',
        channel: 'email',
        to: 'dispatch@example.com',
        subject: `${what} (${cedar!.code}, ${oak!.code})`,
        body: `${what}.\nOpen pickups:\n${cedar!.code} · no address yet, no address\n${oak!.code} · 12 Oak St, 12 Oak St`,
        jobId: cedar!.id,
      },
    ]);
    expect(doc.jobs[cedar!.id]!.messages.at(-1)?.body).toBe('cancel');
  });

  it('a STOP from someone with no pickup queues nothing and is kept in the unmatched log', () => {
    const { outbox, doc } = say(emptyJobsDocument(), 'STOP');
    expect(outbox).toEqual([]);
    expect(doc.unmatched.map((m) => m.body)).toEqual(['STOP']);
  });

  it("a crew member's STOP emails nobody, even with a pickup booked from the same phone", () => {
    const booked = say(emptyJobsDocument(), 'tomorrow morning, 12 Oak St', baseCtx(THU_0930), SAM_PHONE).doc;
    const { outbox, reply } = say(booked, 'STOP', baseCtx(THU_0930), SAM_PHONE);
    expect(reply).toBeNull();
    expect(outbox).toEqual([]);
  });

  it('opts out on Twilio\'s STOP verdict even when the words are not a keyword we know', () => {
    const { doc } = handleInboundText(emptyJobsDocument(), inbound('please remove me', { optOutType: 'STOP' }), baseCtx(THU_0930));
    expect(doc.optOuts).toEqual([CUSTOMER]);
  });

  it('welcomes someone with no pickup back in English, and queues nothing', () => {
    const { reply, outbox } = say(say(emptyJobsDocument(), 'STOP').doc, 'START');
    expect(reply).toBe("Welcome back to QuickDumpNow! You'll get texts about your pickups again. Reply STOP to opt out.");
    expect(outbox).toEqual([]);
  });

  it('answers HELP in Spanish for a customer who booked in Spanish, keeps the text on the pickup and queues nothing', () => {
    const booked = say(emptyJobsDocument(), 'mañana en la mañana, 12 Oak St').doc;
    const { reply, outbox, doc } = say(booked, 'HELP');
    expect(reply).toBe(handleInboundText(emptyJobsDocument(), inbound('ayuda por favor que es esto', { optOutType: 'HELP' }), baseCtx(THU_0930)).reply);
    expect(reply).not.toMatch(/^QuickDumpNow: to book/);
    expect(outbox).toEqual([]);
    expect(onlyJob(doc).messages.at(-2)?.body).toBe('HELP');
  });

  it('records no channel on messages that came by plain SMS', () => {
    const { doc } = handleInboundText(emptyJobsDocument(), inbound('tomorrow morning, 12 Oak St', { channel: 'sms' }), baseCtx(THU_0930));
    expect(onlyJob(doc).messages.map((m) => [m.direction, 'channel' in m])).toEqual([
      ['in', false],
      ['out', false],
    ]);
  });

  it("keeps a customer's photos on the pickup as the customer's, not as proof of work", () => {
    const day = textingDay();
    day.text(CUSTOMER, 'tomorrow morning, 12 Oak St');
    day.text(CUSTOMER, '', { photos: 2 });
    expect(day.jobOf(CUSTOMER).photos.map((p) => p.kind)).toEqual(['customer', 'customer']);
  });

  it('forgets the MessageSids of a week ago when every one remembered is that old', () => {
    const text = (sid: string, body: string) => ({ sid, from: CUSTOMER, to: '+15555550100', body, media: [] });
    const first = handleInboundText(emptyJobsDocument(), text('SM-a', 'today 12 Oak St'), baseCtx('2026-06-04T09:30:00-05:00'));
    const later = handleInboundText(first.doc, text('SM-b', 'where r u'), baseCtx('2026-06-12T09:30:00-05:00'));
    expect(Object.keys(later.doc.inbound)).toEqual(['SM-b']);
  });
});
