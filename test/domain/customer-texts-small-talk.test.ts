/**
 * A customer's small talk ("thanks!", "hi", "ok", 👍) and photos sent without words. Driven through the
 * conversation engine like the webhook; the tests read the document, the reply and the outbox.
 */
import { describe, expect, it } from 'vitest';
import { booked, CUSTOMER, SAM, textingDay } from './support';

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

  it('"ok" with nothing booked gets no reply: there is nothing to confirm', () => {
    const day = textingDay();

    const { reply, outbox } = day.text(CUSTOMER, 'ok');

    expect(reply).toBeNull();
    expect(outbox).toEqual([]);
  });

  it('"thanks!" while a quote waits for YES is only thanks: the quote stays open and no dispatcher is asked', () => {
    const day = booked();
    day.text(SAM, `price ${day.jobOf(CUSTOMER).code} 300`);

    const { reply, outbox } = day.text(CUSTOMER, 'thanks!');

    expect(reply).toBe("You're welcome! - QuickDumpNow");
    expect(outbox).toEqual([]);
    expect(day.jobOf(CUSTOMER)).toMatchObject({ priceCents: null, quote: { state: 'pending' }, needsAttention: false });
  });
});

describe('photos without words', () => {
  it('photos without words thank the customer: for the booked pickup, or held until the address comes', () => {
    const day = booked();
    expect(day.text(CUSTOMER, '', { photos: 2 }).reply).toBe('Thanks, we got your 2 photos for your pickup at 12 Oak St.');
    expect(day.jobOf(CUSTOMER).photos).toHaveLength(2);

    expect(textingDay().text(CUSTOMER, '', { photos: 1 }).reply).toBe(
      "Thanks for your photo! We'll keep it for your booking. What's the pickup address, and when works? - QuickDumpNow",
    );
  });

  it('several photos before any booking are all kept, and the reply says so', () => {
    expect(textingDay().text(CUSTOMER, '', { photos: 3 }).reply).toBe(
      "Thanks for your 3 photos! We'll keep them for your booking. What's the pickup address, and when works? - QuickDumpNow",
    );
  });

  it('photos held before the address go on the pickup once it is booked', () => {
    const day = textingDay();
    day.text(CUSTOMER, '', { photos: 2 });

    day.text(CUSTOMER, 'tomorrow morning, 12 Oak St');

    expect(day.jobOf(CUSTOMER).photos.map((photo) => [photo.from, photo.kind])).toEqual([
      [CUSTOMER, 'customer'],
      [CUSTOMER, 'customer'],
    ]);
    expect(day.doc.pendingBookings).toEqual({});
  });

  it('photos whose text is only spaces are thanked like photos without words', () => {
    const day = booked();
    expect(day.text(CUSTOMER, ' \n', { photos: 1 }).reply).toBe('Thanks, we got your photo for your pickup at 12 Oak St.');
  });

  it('a blank text with no photo in it (an MMS that lost its picture) is not thanked for photos: a dispatcher looks', () => {
    const day = booked();

    const { reply } = day.text(CUSTOMER, ' ');

    expect(reply).toBe('Thanks! A dispatcher at QuickDumpNow will get back to you shortly.');
    expect(day.jobOf(CUSTOMER)).toMatchObject({ photos: [], needsAttention: true });
  });
});
