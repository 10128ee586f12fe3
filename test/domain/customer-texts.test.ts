/**
 * What a customer's text does besides booking: questions, small talk, status and cancel, and what is handed to a
 * dispatcher. Driven through the conversation engine like the webhook; the tests read the document, the reply and
 * the outbox.
 */
import { describe, expect, it } from 'vitest';
import { CUSTOMER, SAM, textingDay } from './support';

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

  it('"cancel 12 Oak St" cancels the Oak St pickup at once, not read as the CANCEL opt-out keyword', () => {
    const day = booked('12 Oak St', '20 Cedar Ave');

    const { reply } = day.text(CUSTOMER, 'cancel 12 Oak St');

    expect(reply).toMatch(/^Your pickup at 12 Oak St is cancelled\./);
    expect(Object.values(day.doc.jobs).map((job) => [job.location, job.status, job.needsAttention])).toEqual([
      ['12 Oak St', 'cancelled', false],
      ['20 Cedar Ave', 'booking_confirmed', false],
    ]);
    expect(day.doc.optOuts).toEqual([]);
  });
});

describe('photos, YES and the language of the pickup', () => {
  it('photos without words thank the customer: for the booked pickup, or held until the address comes', () => {
    const day = booked();
    expect(day.text(CUSTOMER, '', { photos: 2 }).reply).toBe('Thanks, we got your 2 photos for your pickup at 12 Oak St.');
    expect(day.jobOf(CUSTOMER).photos).toHaveLength(2);

    expect(textingDay().text(CUSTOMER, '', { photos: 1 }).reply).toBe(
      "Thanks for your photo! We'll keep it for your booking. What's the pickup address, and when works? - QuickDumpNow",
    );
  });

  it('photos whose text is only spaces are thanked like photos without words', () => {
    const day = booked();
    expect(day.text(CUSTOMER, ' \n', { photos: 1 }).reply).toBe('Thanks, we got your photo for your pickup at 12 Oak St.');
  });

  it('YES with nothing to confirm acknowledges it with the pickup status', () => {
    expect(booked().text(CUSTOMER, 'yes').reply).toMatch(/^Got it, thanks! Booked: tomorrow, 8 AM-12 PM, 12 Oak St\. Track it: /);
  });

  it('a customer who writes in Spanish after booking in English gets the pickup in Spanish from then on', () => {
    const day = booked();
    day.text(CUSTOMER, '¿dónde están?');
    expect(day.jobOf(CUSTOMER).language).toBe('es');
  });

  it('"ok" to a pending quote accepts it (not just small talk)', () => {
    const day = booked();
    const job = day.jobOf(CUSTOMER);
    day.text(SAM, `price ${job.code} 300`);

    day.text(CUSTOMER, 'ok');

    expect(day.jobOf(CUSTOMER)).toMatchObject({ priceCents: 30_000, quote: { state: 'accepted' } });
  });

  it('"also pick up my piano" changes nothing and goes to a dispatcher', () => {
    const day = booked();
    const before = day.jobOf(CUSTOMER);

    const { reply } = day.text(CUSTOMER, 'also pick up my piano');

    expect(reply).toBe('Thanks! A dispatcher at QuickDumpNow will get back to you shortly.');
    expect(Object.keys(day.doc.jobs)).toHaveLength(1);
    expect(day.jobOf(CUSTOMER)).toMatchObject({ window: before.window, needsAttention: true });
  });

  it('"also need another pickup friday" (tomorrow) without an address asks for it before booking a second pickup', () => {
    const day = booked();

    const { reply } = day.text(CUSTOMER, 'also need another pickup friday');

    expect(reply).toBe("Thanks! QuickDumpNow can come tomorrow, 8 AM-5 PM. What's the pickup address?");
    expect(Object.keys(day.doc.jobs)).toHaveLength(1);
  });
});

describe('accepting a quote', () => {
  it("YES to a crew member's price texts that crew member that it was accepted", () => {
    const day = booked();
    const job = day.jobOf(CUSTOMER);
    day.text(SAM, `price ${job.code} 300`);
    const quoteAt = day.jobOf(CUSTOMER).quote!.at;

    const { outbox } = day.text(CUSTOMER, 'yes');

    expect(outbox.map(({ key, channel, to, body }) => ({ key, channel, to, body }))).toEqual([
      { key: `${job.id}:quote-accepted:${quoteAt}:sms`, channel: 'sms', to: SAM, body: `${job.code} quote $300 accepted (12 Oak St).` },
    ]);
  });

  it("YES to a dispatcher's price emails the dispatcher that it was accepted, even for a pickup without an address", () => {
    const day = booked();
    const job = day.jobOf(CUSTOMER);
    day.put({ ...job, location: null, quote: { amountCents: 45_000, by: 'dispatcher', at: '2026-06-04T14:40:00.000Z', state: 'pending' } });

    const { outbox } = day.text(CUSTOMER, 'yes');

    const body = `${job.code} quote $450 accepted (no address).`;
    expect(outbox.map(({ key, channel, to, subject, body }) => ({ key, channel, to, subject, body }))).toEqual([
      { key: `${job.id}:quote-accepted:2026-06-04T14:40:00.000Z:email`, channel: 'email', to: 'dispatch@example.com', subject: body, body },
    ]);
  });

  it('YES accepts the pickup with the pending quote, even when a newer pickup has none', () => {
    const day = booked('12 Oak St', '20 Cedar Ave');
    const [oak] = Object.values(day.doc.jobs).filter((job) => job.location === '12 Oak St');
    day.text(SAM, `price ${oak!.code} 300`);

    day.text(CUSTOMER, 'yes');

    expect(Object.values(day.doc.jobs).map((job) => [job.location, job.quote?.state ?? null, job.priceCents])).toEqual([
      ['12 Oak St', 'accepted', 30_000],
      ['20 Cedar Ave', null, null],
    ]);
  });
});
