/**
 * What a customer's text does besides booking: questions, small talk, status and cancel, and what is handed to a
 * dispatcher. Driven through the conversation engine like the webhook; the tests read the document, the reply and
 * the outbox.
 */
import { describe, expect, it } from 'vitest';
import { CUSTOMER, textingDay } from './support';

function booked(...addresses: string[]) {
  const day = textingDay();
  day.text(CUSTOMER, `tomorrow morning, ${addresses[0] ?? '12 Oak St'}`);
  for (const address of addresses.slice(1)) day.text(CUSTOMER, `also need a pickup friday at ${address}`);
  return day;
}

describe('texts the bot hands to a dispatcher', () => {
  it('a question it cannot answer flags the pickup and emails the dispatcher the text', () => {
    const day = booked();
    const job = day.jobOf(CUSTOMER);

    const { reply, outbox } = day.text(CUSTOMER, 'what does it cost to take a hot tub');

    expect(reply).toBe('Good question! A person at QuickDumpNow will text you back shortly.');
    expect(day.jobOf(CUSTOMER).needsAttention).toBe(true);
    expect(outbox).toEqual([
      expect.objectContaining({
        to: 'dispatch@example.com',
        subject: `Text needs a reply from ${CUSTOMER} (job ${job.code} · 12 Oak St)`,
        body: expect.stringContaining('Text: what does it cost to take a hot tub\n'),
      }),
    ]);
  });

  it('a text it cannot read flags the pickup and promises a dispatcher', () => {
    const day = booked();

    const { reply } = day.text(CUSTOMER, 'the gate code changed, blue house');

    expect(reply).toBe('Thanks! A dispatcher at QuickDumpNow will get back to you shortly.');
    expect(day.jobOf(CUSTOMER).needsAttention).toBe(true);
  });
});

describe('small talk after a booking', () => {
  it.each([
    ['thanks!', "You're welcome! - QuickDumpNow"],
    ['ok', null],
  ])('"%s" gets %j and is not a dispatcher case', (text, expected) => {
    const day = booked();

    const { reply, outbox } = day.text(CUSTOMER, text);

    expect(reply).toBe(expected);
    expect(outbox).toEqual([]);
    expect(day.jobOf(CUSTOMER).needsAttention).toBe(false);
  });

  it('"hi" with a pickup booked answers with its status; without one, how to book', () => {
    expect(booked().text(CUSTOMER, 'hi').reply).toMatch(/^Booked: tomorrow, 8 AM-12 PM, 12 Oak St\. Track it: /);
    expect(textingDay().text(CUSTOMER, 'hi').reply).toBe('Hi! To book a pickup with QuickDumpNow, text your address and a time, e.g. "tomorrow morning, 12 Oak St".');
  });
});

describe('status and cancel', () => {
  it('cancel with nothing booked says there is nothing to cancel', () => {
    expect(textingDay().text(CUSTOMER, 'cancel my pickup').reply).toBe('You have no open pickup to cancel.');
  });

  it('with two pickups, asks which one, then cancels only the one named', () => {
    const day = booked('12 Oak St', '20 Cedar Ave');

    expect(day.text(CUSTOMER, 'cancel my pickup').reply).toBe('Which pickup: 20 Cedar Ave or 12 Oak St? Reply with the street.');
    const { reply } = day.text(CUSTOMER, 'the oak one');

    expect(reply).toMatch(/^Your pickup at 12 Oak St is cancelled\./);
    expect(Object.values(day.doc.jobs).map((job) => [job.location, job.status])).toEqual([
      ['12 Oak St', 'cancelled'],
      ['20 Cedar Ave', 'booking_confirmed'],
    ]);
  });
});
