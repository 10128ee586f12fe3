/**
 * A customer's YES: to a quote, to the day-before reminder, or to nothing in particular. Driven through the
 * conversation engine like the webhook; the tests read the document, the reply and the outbox.
 */
import { describe, expect, it } from 'vitest';
import { booked, CUSTOMER, SAM, textingDay } from './support';

/** 18:00 in Chicago on Thursday: when the day-before reminder for Friday's pickups goes out. */
const REMINDED_AT = '2026-06-04T23:00:00.000Z';
/** Nine hours after the morning's texts: the evening the reminder was read. */
const EVENING = { afterMs: 9 * 3600_000 };


describe('YES with nothing waiting for it', () => {
  it('YES with nothing to confirm acknowledges it with the pickup status', () => {
    expect(booked().text(CUSTOMER, 'yes').reply).toMatch(/^Got it, thanks! Booked: tomorrow, 8 AM-12 PM, 12 Oak St\. Track it: /);
  });

  it('YES with nothing booked says there is no open pickup', () => {
    const day = textingDay();
    expect(day.text(CUSTOMER, 'yes').reply).toBe(day.text(CUSTOMER, 'where r u').reply);
    expect(day.doc.jobs).toEqual({});
  });

  it('YES to a reminder already confirmed only acknowledges it: the confirmation time stays', () => {
    const day = booked();
    day.put({ ...day.jobOf(CUSTOMER), reminderSentAt: REMINDED_AT });
    day.text(CUSTOMER, 'yes', EVENING);
    const confirmedAt = day.jobOf(CUSTOMER).confirmedAt;

    expect(day.text(CUSTOMER, 'yes').reply).toMatch(/^Got it, thanks! Booked: tomorrow, 8 AM-12 PM, 12 Oak St\. /);
    expect(day.jobOf(CUSTOMER).confirmedAt).toBe(confirmedAt);
  });
});

describe('YES to the day-before reminder', () => {
  it('confirms the visit: the job records when, the customer is thanked, nobody else is told', () => {
    const day = booked();
    day.put({ ...day.jobOf(CUSTOMER), reminderSentAt: REMINDED_AT });

    const { reply, outbox } = day.text(CUSTOMER, 'yes', EVENING);

    expect(reply).toBe("Thanks, you're confirmed: QuickDumpNow comes tomorrow 8 AM-12 PM to 12 Oak St. See you then!");
    expect(outbox).toEqual([]);
    expect(day.jobOf(CUSTOMER).confirmedAt).toBe('2026-06-04T23:32:00.000Z');
  });

  it('confirms the reminded pickup, not a newer one that got no reminder', () => {
    const day = booked('12 Oak St', '20 Cedar Ave');
    const [oak] = Object.values(day.doc.jobs).filter((job) => job.location === '12 Oak St');
    day.put({ ...oak!, reminderSentAt: REMINDED_AT });

    day.text(CUSTOMER, 'yes', EVENING);

    expect(Object.values(day.doc.jobs).map((job) => [job.location, job.confirmedAt !== null])).toEqual([
      ['12 Oak St', true],
      ['20 Cedar Ave', false],
    ]);
  });

  it('with the quote already accepted, confirms the visit and leaves the price as agreed', () => {
    const day = booked();
    day.text(SAM, `price ${day.jobOf(CUSTOMER).code} 300`);
    day.text(CUSTOMER, 'yes');
    day.put({ ...day.jobOf(CUSTOMER), reminderSentAt: REMINDED_AT });

    const { reply, outbox } = day.text(CUSTOMER, 'yes', EVENING);

    expect(reply).toMatch(/^Thanks, you're confirmed: /);
    expect(outbox).toEqual([]);
    expect(day.jobOf(CUSTOMER)).toMatchObject({ priceCents: 30_000, quote: { state: 'accepted' }, confirmedAt: expect.any(String) });
  });

  it('YES with a quote open and a reminder sent answers both: the price is agreed and the visit confirmed', () => {
    const day = booked();
    day.text(SAM, `price ${day.jobOf(CUSTOMER).code} 300`);
    day.put({ ...day.jobOf(CUSTOMER), reminderSentAt: REMINDED_AT });

    const { reply } = day.text(CUSTOMER, 'yes', EVENING);

    expect(reply).toBe('Thanks! Your quote of $300 is confirmed. See you tomorrow, 8 AM-12 PM.');
    expect(day.jobOf(CUSTOMER)).toMatchObject({ priceCents: 30_000, quote: { state: 'accepted' }, confirmedAt: '2026-06-04T23:33:00.000Z' });
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

  it('"ok" to a pending quote accepts it (not just small talk)', () => {
    const day = booked();
    const job = day.jobOf(CUSTOMER);
    day.text(SAM, `price ${job.code} 300`);

    day.text(CUSTOMER, 'ok');

    expect(day.jobOf(CUSTOMER)).toMatchObject({ priceCents: 30_000, quote: { state: 'accepted' } });
  });
});
