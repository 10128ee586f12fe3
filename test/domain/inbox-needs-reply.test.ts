/**
 * When a thread needs the dispatcher: unread, flagged, answered, handled. A day of texts goes through the
 * conversation engine like the webhook; the tests read the threads and the document.
 */
import { describe, expect, it } from 'vitest';
import { markThread, thread } from '../../domain/inbox';
import { busyMorning, replied } from './inbox-support';
import { CUSTOMER, NEIGHBOUR, SAM, textingDay } from './support';

describe('read, handled and needing a reply', () => {
  it("a flagged pickup's customer needs a reply: reading keeps it flagged, handling clears it and the job's mark", () => {
    const { day, job } = busyMorning();
    day.text(CUSTOMER, 'can the crew use the side gate');
    const now = day.ctx.now;

    const read = markThread(day.doc, CUSTOMER, { read: true }, now);
    const handled = markThread(read, CUSTOMER, { handled: true }, now);

    expect(thread(day.doc, CUSTOMER, day.ctx)).toMatchObject({ unread: true, needsReply: true });
    expect(thread(read, CUSTOMER, day.ctx)).toMatchObject({ unread: false, needsReply: true });
    expect(read.jobs[job.id]!.needsAttention).toBe(true);
    expect(read.threads[CUSTOMER]).toEqual({ readAt: now.toISOString(), handledAt: null });
    expect(thread(handled, CUSTOMER, day.ctx)).toMatchObject({ unread: false, needsReply: false });
    expect(handled.jobs[job.id]!.needsAttention).toBe(false);
    expect(handled.threads[CUSTOMER]).toEqual({ readAt: now.toISOString(), handledAt: now.toISOString() });
  });

  it('handling one phone leaves the other flagged pickups flagged, and a new text after it needs a reply again', () => {
    const day = textingDay();
    day.text(CUSTOMER, 'tomorrow morning, 12 Oak St');
    day.text(NEIGHBOUR, 'tomorrow morning, 14 Oak St');
    day.text(CUSTOMER, 'the gate code changed, blue house');
    day.text(NEIGHBOUR, 'the gate code changed, red house');

    const handled = markThread(day.doc, CUSTOMER, { handled: true }, day.ctx.now);

    expect(Object.values(handled.jobs).map((job) => [job.customer.phone, job.needsAttention])).toEqual([
      [CUSTOMER, false],
      [NEIGHBOUR, true],
    ]);
    expect(thread(handled, NEIGHBOUR, day.ctx).needsReply).toBe(true);
  });

  it('a text the bot could not place needs a reply until the dispatcher answers, and again after a new one', () => {
    const { day } = busyMorning();

    const answered = replied(day.doc, NEIGHBOUR, 'Thanks, noted!', day);
    const later = textingDay(day.ctx.now, answered);
    later.text(NEIGHBOUR, 'also the dog is friendly', { sid: 'SM-later' });

    expect(thread(answered, NEIGHBOUR, day.ctx)).toMatchObject({ needsReply: false, unread: false });
    expect(thread(later.doc, NEIGHBOUR, later.ctx)).toMatchObject({ needsReply: true, unread: true });
  });
});

describe('needing a reply, more closely', () => {
  it("a crew member's thread is not flagged by the customer's flagged pickup they are on", () => {
    const { day } = busyMorning();
    day.text(CUSTOMER, 'can the crew use the side gate');

    expect(thread(day.doc, SAM, day.ctx).needsReply).toBe(false);
    expect(thread(day.doc, CUSTOMER, day.ctx).needsReply).toBe(true);
  });

  it('a text after the reply, marked handled without a second reply, needs nothing more', () => {
    const { day } = busyMorning();
    const answered = replied(day.doc, NEIGHBOUR, 'Thanks, noted!', day);
    const later = textingDay(new Date(day.ctx.now.getTime() + 60_000), answered);
    later.text(NEIGHBOUR, 'also the dog is friendly', { sid: 'SM-later' });

    const handled = markThread(later.doc, NEIGHBOUR, { handled: true }, later.ctx.now);

    expect(thread(handled, NEIGHBOUR, later.ctx)).toMatchObject({ needsReply: false, unread: false });
  });

  it('a customer with two pickups needs a reply when one of them is flagged', () => {
    const day = textingDay();
    day.text(CUSTOMER, 'tomorrow morning, 12 Oak St');
    day.text(CUSTOMER, 'also need a pickup friday at 20 Cedar Ave');
    day.text(CUSTOMER, 'the gate code changed, blue house');

    expect(Object.values(day.doc.jobs).map((job) => job.needsAttention)).toEqual([false, true]);
    expect(thread(day.doc, CUSTOMER, day.ctx).needsReply).toBe(true);
  });

  it('after the answer, a booking by the same person is no new question', () => {
    const { day } = busyMorning();
    const answered = replied(day.doc, NEIGHBOUR, 'Thanks, noted!', day);
    const later = textingDay(new Date(day.ctx.now.getTime() + 60_000), answered);
    later.text(NEIGHBOUR, 'tomorrow morning, 5 Elm St', { sid: 'SM-later' });

    expect(thread(later.doc, NEIGHBOUR, later.ctx)).toMatchObject({ needsReply: false, unread: true });
  });

  it("the dispatcher's own reply counts as the answer, even where no thread mark was kept", () => {
    const { day } = busyMorning();
    const answered = replied(day.doc, NEIGHBOUR, 'Thanks, noted!', day);

    expect(thread({ ...answered, threads: {} }, NEIGHBOUR, day.ctx)).toMatchObject({ needsReply: false, unread: true });
  });

  it('a text sent before booking comes first in the thread, before the booking', () => {
    const day = textingDay();
    day.text(CUSTOMER, 'hello? is this the junk guys');
    day.text(CUSTOMER, 'tomorrow morning, 12 Oak St');

    expect(thread(day.doc, CUSTOMER, day.ctx).messages.map((m) => [m.body.slice(0, 12), m.jobCode !== null])).toEqual([
      ['hello? is th', false],
      [expect.any(String), false],
      ['tomorrow mor', true],
      [expect.any(String), true],
    ]);
  });
});
