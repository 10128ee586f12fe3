/**
 * A customer's YES: to a quote, to the day-before reminder, or to nothing in particular. Driven through the
 * conversation engine like the webhook; the tests read the document, the reply and the outbox.
 */
import { describe, expect, it } from 'vitest';
import { booked, CUSTOMER, SAM } from './support';

describe('YES with nothing waiting for it', () => {
  it('YES with nothing to confirm acknowledges it with the pickup status', () => {
    expect(booked().text(CUSTOMER, 'yes').reply).toMatch(/^Got it, thanks! Booked: tomorrow, 8 AM-12 PM, 12 Oak St\. Track it: /);
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
