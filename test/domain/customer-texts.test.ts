/**
 * What a customer's text does besides booking: questions, small talk, status and cancel, and what is handed to a
 * dispatcher. Driven through the conversation engine like the webhook; the tests read the document, the reply and
 * the outbox.
 */
import { describe, expect, it } from 'vitest';
import { JobsDocumentSchema } from '../../domain/jobs-document';
import { booked, CUSTOMER, SAM, textingDay } from './support';

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

  it('a question about something the bot cannot even name gets the usual dispatcher promise', () => {
    const day = booked();

    const { reply, outbox } = day.text(CUSTOMER, 'is the driver the same guy as last time?');

    expect(reply).toBe('Thanks! A dispatcher at QuickDumpNow will get back to you shortly.');
    expect(outbox).toHaveLength(1);
    expect(day.jobOf(CUSTOMER).needsAttention).toBe(true);
  });

  it('"I have a piano to get rid of" on a booked pickup (no time, no address) goes to a dispatcher, the pickup unchanged', () => {
    const day = booked();
    const before = day.jobOf(CUSTOMER);

    const { reply } = day.text(CUSTOMER, 'I have a piano to get rid of');

    expect(reply).toBe('Thanks! A dispatcher at QuickDumpNow will get back to you shortly.');
    expect(day.jobOf(CUSTOMER)).toMatchObject({ items: before.items, window: before.window, needsAttention: true });
  });

  it('a text it cannot read flags the pickup and promises a dispatcher', () => {
    const day = booked();

    const { reply } = day.text(CUSTOMER, 'the gate code changed, blue house');

    expect(reply).toBe('Thanks! A dispatcher at QuickDumpNow will get back to you shortly.');
    expect(day.jobOf(CUSTOMER).needsAttention).toBe(true);
  });
});

describe('status and cancel', () => {
  it('cancel with nothing booked says there is nothing to cancel', () => {
    expect(textingDay().text(CUSTOMER, 'cancel my pickup').reply).toBe('You have no open pickup to cancel.');
  });

  it('with two pickups, asks which one, then cancels only the one named', () => {
    const day = booked('12 Oak St', '20 Cedar Ave');

    const asked = day.text(CUSTOMER, 'cancel my pickup');
    expect(asked.reply).toBe('Which pickup: 20 Cedar Ave or 12 Oak St? Reply with the street.');
    expect(asked.outbox).toEqual([]);
    // The question waits in jobs.json, which must still read back after the write.
    expect(JobsDocumentSchema.parse(JSON.parse(JSON.stringify(day.doc)))).toEqual(day.doc);
    const { reply } = day.text(CUSTOMER, 'the oak one');

    expect(reply).toMatch(/^Your pickup at 12 Oak St is cancelled\./);
    expect(Object.values(day.doc.jobs).map((job) => [job.location, job.status])).toEqual([
      ['12 Oak St', 'cancelled'],
      ['20 Cedar Ave', 'booking_confirmed'],
    ]);
  });

  it('while it waits for "which pickup", a text naming neither is read on its own: "thanks" is only thanks', () => {
    const day = booked('12 Oak St', '20 Cedar Ave');
    day.text(CUSTOMER, 'cancel my pickup');

    expect(day.text(CUSTOMER, 'thanks').reply).toBe("You're welcome! - QuickDumpNow");
    expect(Object.values(day.doc.jobs).map((job) => job.status)).toEqual(['booking_confirmed', 'booking_confirmed']);
  });

  it('an answer naming a pickup that was not among the choices does not cancel it', () => {
    const day = booked('12 Oak St', '20 Cedar Ave');
    day.text(CUSTOMER, 'cancel my pickup');
    // Booked for them by phone after the question was asked.
    const oak = Object.values(day.doc.jobs)[0]!;
    day.put({ ...oak, id: 'job_elm', code: 'E1M2', location: '30 Elm St', createdAt: day.ctx.now.toISOString() });

    day.text(CUSTOMER, 'the elm one');

    expect(day.doc.jobs.job_elm!.status).toBe('booking_confirmed');
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

describe('the language of the pickup, and "also"', () => {
  it('a customer who writes in Spanish after booking in English gets the pickup in Spanish from then on', () => {
    const day = booked();
    day.text(CUSTOMER, '¿dónde están?');
    expect(day.jobOf(CUSTOMER).language).toBe('es');
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
