/**
 * The dispatcher's inbox: one thread per phone built from the jobs document, and the dispatcher's replies. A day of
 * texts goes through the conversation engine like the webhook; the tests read the threads and the document.
 */
import { describe, expect, it } from 'vitest';
import { recordDeliveryStatus } from '../../domain/delivery-status';
import { bookByPhone } from '../../domain/dispatch';
import { dispatcherReply, MAX_REPLY_CHARS, thread, threadList } from '../../domain/inbox';
import { enqueue } from '../../domain/outbox';
import { busyMorning, replied } from './inbox-support';
import { booked, CUSTOMER, NEIGHBOUR, SAM, textingDay } from './support';

describe('the thread list', () => {
  it('has one thread per phone, newest first (the same minute in phone order), named from the roster or the booking', () => {
    const { day, job } = busyMorning();

    const list = threadList(day.doc, day.ctx);

    expect(list.map((t) => [t.phone, t.kind, t.name, t.lastAt])).toEqual([
      [SAM, 'crew', 'Sam Rivera', '2026-06-04T14:34:00.000Z'],
      [CUSTOMER, 'customer', 'Dana Whit', '2026-06-04T14:34:00.000Z'],
      [NEIGHBOUR, 'customer', null, '2026-06-04T14:33:00.000Z'],
    ]);
    expect(list[1]).toMatchObject({
      lastBody: expect.stringMatching(/^Sam from QuickDumpNow is on the way to 12 Oak St!/),
      lastDirection: 'out',
      unread: true,
      needsReply: false,
      optedOut: false,
      jobs: [{ id: job.id, code: job.code, label: `${job.code} · 12 Oak St`, status: 'en_route' }],
    });
    expect(list[0]!.jobs.map((j) => j.code)).toEqual([job.code]);
    expect(list[2]).toMatchObject({ needsReply: true, jobs: [] });
    expect(list[1]).not.toHaveProperty('messages');
  });

  it('has a thread for a customer booked by phone who has only been texted by us', () => {
    const { day } = busyMorning();
    const booking = bookByPhone(day.doc, { phone: '+15555550177', name: 'Lou', location: '9 Pine Rd', window: null, notes: '', items: null }, day.ctx);
    const doc = enqueue(booking.doc, booking.notify, day.ctx.now).doc;

    expect(threadList(doc, day.ctx).find((t) => t.phone === '+15555550177')).toMatchObject({ phone: '+15555550177', name: 'Lou', lastDirection: 'out', unread: false, needsReply: false });
    expect(thread(doc, '+15555550177', day.ctx).messages.map((m) => [m.by, m.delivery])).toEqual([['bot', 'pending']]);
  });

  it("lists a customer's pickups newest first", () => {
    const day = booked('12 Oak St', '20 Cedar Ave');

    expect(threadList(day.doc, day.ctx)[0]!.jobs.map((j) => j.label.split(' · ')[1])).toEqual(['20 Cedar Ave', '12 Oak St']);
  });

  it('leaves out senders that are not phone numbers (a short code) and the emails we send', () => {
    const day = textingDay();
    day.text('72345', 'Your verification code is 1234');
    day.text(CUSTOMER, 'tomorrow morning, 12 Oak St');

    expect(threadList(day.doc, day.ctx).map((t) => t.phone)).toEqual([CUSTOMER]);
  });

  it('marks a number that texted STOP as opted out', () => {
    const { day } = busyMorning();
    day.text(CUSTOMER, 'STOP');

    expect(threadList(day.doc, day.ctx).find((t) => t.phone === CUSTOMER)?.optedOut).toBe(true);
  });
});

describe('one thread', () => {
  it("holds every message both ways, oldest first: the customer's texts, the bot's replies and the texts we queued", () => {
    const { day, job } = busyMorning();

    const { messages } = thread(day.doc, CUSTOMER, day.ctx);

    expect(messages.map((m) => [m.at, m.direction, m.by, m.jobCode, m.delivery])).toEqual([
      ['2026-06-04T14:31:00.000Z', 'in', 'customer', job.code, null],
      ['2026-06-04T14:31:00.000Z', 'out', 'bot', job.code, null],
      ['2026-06-04T14:34:00.000Z', 'out', 'bot', job.code, 'pending'],
    ]);
    expect(messages[0]).toMatchObject({ body: 'tomorrow morning, 12 Oak St', media: 0, problem: null });
  });

  it("a crew member's thread shows their texts as the crew's", () => {
    const { day } = busyMorning();

    expect(thread(day.doc, SAM, day.ctx).messages.map((m) => [m.direction, m.by])).toEqual([
      ['in', 'crew'],
      ['out', 'bot'],
      ['in', 'crew'],
      ['out', 'bot'],
    ]);
  });

  it("a crew member since taken off the roster is not given the name of the customer whose job they texted about", () => {
    const { day } = busyMorning();

    expect(thread(day.doc, SAM, { ...day.ctx, crew: { crew: [] } })).toMatchObject({ kind: 'customer', name: null });
  });

  it('a thread with nothing in it is empty and needs nothing', () => {
    const { day } = busyMorning();

    expect(thread(day.doc, '+15555550999', day.ctx)).toMatchObject({
      lastAt: '',
      lastBody: '',
      lastDirection: 'out',
      unread: false,
      needsReply: false,
      messages: [],
      jobs: [],
      name: null,
    });
  });

  it.each([
    [{ status: 'undelivered', errorCode: '30006' }, 'undelivered', "Not delivered: it is a landline or can't receive texts."],
    [{ status: 'failed', errorCode: '30099' }, 'failed', 'Not delivered (Twilio error 30099).'],
    [{ status: 'delivered', errorCode: null }, 'delivered', null],
  ])("shows the carrier's word on a text we sent, and a refusal in plain words (%j)", (callback, delivery, problem) => {
    const { day } = busyMorning();
    const doc = { ...day.doc, outbox: day.doc.outbox.map((item) => ({ ...item, status: 'sent' as const, providerId: `SM-${item.key}` })) };
    const key = doc.outbox.find((item) => item.to === CUSTOMER)!.key;

    const after = recordDeliveryStatus(doc, { providerId: `SM-${key}`, ...callback }, day.ctx.now);

    expect(thread(after, CUSTOMER, day.ctx).messages.at(-1)).toMatchObject({ delivery, problem });
  });

  it.each([
    ['the carrier error', 'Twilio 30008: unknown error', 'Not sent: Twilio 30008: unknown error.'],
    ['nothing', null, 'Not sent: gave up after retries.'],
  ])('a text we gave up sending says so, with %s', (_, lastError, problem) => {
    const { day } = busyMorning();
    const doc = { ...day.doc, outbox: day.doc.outbox.map((item) => ({ ...item, status: 'failed' as const, lastError })) };

    expect(thread(doc, CUSTOMER, day.ctx).messages.at(-1)).toMatchObject({ delivery: 'failed', problem });
  });
});

describe("the dispatcher's reply", () => {
  it('is sent at once from the business number, kept on the open job, and clears the flag', () => {
    const { day, job } = busyMorning();
    day.text(CUSTOMER, 'can the crew use the side gate');
    const now = day.ctx.now;

    const result = dispatcherReply(day.doc, CUSTOMER, '  Yes, the side gate is fine.  ', day.ctx);

    const key = `reply:${CUSTOMER}:${now.toISOString()}`;
    expect(result).toMatchObject({ ok: true, key });
    if (!result.ok) return;
    expect(result.notify).toEqual([{ key, channel: 'sms', to: CUSTOMER, body: 'Yes, the side gate is fine.', jobId: job.id, notBefore: now }]);
    expect(result.doc.jobs[job.id]!.messages.at(-1)).toEqual({
      at: now.toISOString(),
      direction: 'out',
      from: '+15555550100',
      to: CUSTOMER,
      body: 'Yes, the side gate is fine.',
      sid: key,
      intent: 'dispatcher',
      media: 0,
    });
    expect(result.doc.jobs[job.id]!.needsAttention).toBe(false);
    const shown = thread(enqueue(result.doc, result.notify, now).doc, CUSTOMER, day.ctx);
    expect(shown.messages.filter((m) => m.by === 'dispatcher')).toEqual([expect.objectContaining({ body: 'Yes, the side gate is fine.', delivery: 'pending' })]);
    expect(shown.messages.filter((m) => m.body === 'Yes, the side gate is fine.')).toHaveLength(1);
    expect(shown).toMatchObject({ needsReply: false, unread: false });
  });

  it('to a phone with no open pickup is kept on its latest one, or with the unplaced texts when it has none', () => {
    const { day, job } = busyMorning();
    day.put({ ...job, status: 'completed' });

    const toCustomer = replied(day.doc, CUSTOMER, 'Thanks for your business!', day);
    const toNeighbour = replied(day.doc, NEIGHBOUR, 'Thanks, noted!', day);

    expect(toCustomer.jobs[job.id]!.messages.at(-1)).toMatchObject({ body: 'Thanks for your business!', intent: 'dispatcher' });
    expect(toNeighbour.unmatched.at(-1)).toMatchObject({ to: NEIGHBOUR, body: 'Thanks, noted!', intent: 'dispatcher' });
    expect(toNeighbour.outbox.at(-1)).toMatchObject({ to: NEIGHBOUR, jobId: null });
  });

  it('still shows in the thread, from the outbox, once its message has gone from the document', () => {
    const { day } = busyMorning();
    const doc = replied(day.doc, NEIGHBOUR, 'Thanks, noted!', day);
    const archived = { ...doc, unmatched: doc.unmatched.filter((m) => m.body !== 'Thanks, noted!') };

    expect(thread(archived, NEIGHBOUR, day.ctx).messages.at(-1)).toMatchObject({ body: 'Thanks, noted!', by: 'bot', jobCode: null, delivery: 'pending' });
  });

  it('to a phone whose pickups are all finished is kept on the newest of them', () => {
    const day = booked('12 Oak St', '20 Cedar Ave');
    for (const job of Object.values(day.doc.jobs)) day.put({ ...job, status: 'completed' });
    const cedar = Object.values(day.doc.jobs).find((job) => job.location === '20 Cedar Ave')!;

    const doc = replied(day.doc, CUSTOMER, 'Thanks for your business!', day);

    expect(doc.jobs[cedar.id]!.messages.at(-1)?.body).toBe('Thanks for your business!');
  });

  it.each([
    ['blank', '   ', 'Write a message first.'],
    ['too long', 'x'.repeat(MAX_REPLY_CHARS + 1), 'Keep it under 480 characters.'],
  ])('is refused when %s, and nothing changes', (_, body, message) => {
    const { day } = busyMorning();
    expect(dispatcherReply(day.doc, CUSTOMER, body, day.ctx)).toEqual({ ok: false, problem: 'invalid', message });
  });

  it(`may be ${MAX_REPLY_CHARS} characters long`, () => {
    const { day } = busyMorning();
    expect(dispatcherReply(day.doc, CUSTOMER, 'x'.repeat(MAX_REPLY_CHARS), day.ctx).ok).toBe(true);
  });

  it('to a number that texted STOP is refused: they cannot be texted until START', () => {
    const { day } = busyMorning();
    day.text(CUSTOMER, 'STOP');

    expect(dispatcherReply(day.doc, CUSTOMER, 'Are you still there?', day.ctx)).toEqual({
      ok: false,
      problem: 'opted_out',
      message: `${CUSTOMER} has opted out (texted STOP). They can't be texted until they text START.`,
    });
  });
});
