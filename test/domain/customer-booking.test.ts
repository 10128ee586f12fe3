/**
 * Changing a booked pickup by text: what the customer is told, what the crew on the job hears, and what is left
 * for a dispatcher. Driven through the conversation engine like the webhook; the tests read the document, the
 * reply and the outbox.
 */
import { describe, expect, it } from 'vitest';
import { CUSTOMER, SAM, textingDay } from './support';

/** A customer's pickup tomorrow morning at 12 Oak St, claimed by Sam (so changes reach his inbox). */
function claimedBooking() {
  const day = textingDay();
  day.text(CUSTOMER, 'tomorrow morning, 12 Oak St');
  const job = day.jobOf(CUSTOMER);
  day.text(SAM, `claim ${job.code}`);
  return { day, job: day.jobOf(CUSTOMER) };
}

describe('changing a booked pickup by text', () => {
  it('emails the crew member on the job the new time when the customer moves it', () => {
    const { day, job } = claimedBooking();

    const { outbox, reply } = day.text(CUSTOMER, 'actually saturday afternoon');

    expect(reply).toMatch(/^Updated: your pickup is Sat, Jun 6, 12-5 PM at 12 Oak St\./);
    expect(outbox).toEqual([
      expect.objectContaining({
        channel: 'email',
        to: 'sam@example.com',
        subject: `Changed: ${job.code} · 12 Oak St`,
        body: `Pickup ${job.code} is now Sat, Jun 6, 12–5 PM at 12 Oak St.`,
      }),
    ]);
  });

  it('emails the crew member on the job the new address when the customer moves it', () => {
    const { day, job } = claimedBooking();

    const { outbox } = day.text(CUSTOMER, 'instead pick up at 20 Cedar Ave');

    expect(day.jobOf(CUSTOMER).location).toBe('20 Cedar Ave');
    expect(outbox.map((item) => [item.to, item.subject])).toEqual([['sam@example.com', `Changed: ${job.code} · 20 Cedar Ave`]]);
  });

  it('sends the crew nothing when the text moves neither the time nor the place', () => {
    const { day } = claimedBooking();

    const { outbox, reply } = day.text(CUSTOMER, 'tomorrow morning still works');

    expect(reply).toMatch(/^Updated: /);
    expect(outbox).toEqual([]);
  });

  it('"my stuff is ready" on a booked pickup marks it ready for pickup, without a change email', () => {
    const { day, job } = claimedBooking();
    expect(job.status).toBe('booking_confirmed');

    const { outbox } = day.text(CUSTOMER, 'my stuff is ready');

    const ready = day.jobOf(CUSTOMER);
    expect(ready.status).toBe('ready_for_pickup');
    expect(ready.history.at(-1)).toMatchObject({ status: 'ready_for_pickup', by: CUSTOMER, via: 'sms' });
    expect(ready.window).toEqual(job.window);
    expect(outbox).toEqual([]);
  });

  it('moving the time leaves a booked pickup booked: only "ready" marks it ready for pickup', () => {
    const { day } = claimedBooking();

    day.text(CUSTOMER, 'actually saturday afternoon');

    expect(day.jobOf(CUSTOMER).status).toBe('booking_confirmed');
  });

  it('does not move a job the crew is already loading: says so, flags it, and tells the dispatcher', () => {
    const { day, job } = claimedBooking();
    day.put({ ...job, status: 'in_progress' });

    const { reply, outbox } = day.text(CUSTOMER, 'can you come saturday instead');

    expect(reply).toBe("Your QuickDumpNow crew is already at work on your pickup, so we can't change it by text now. A dispatcher will reach out.");
    expect(day.jobOf(CUSTOMER)).toMatchObject({ window: job.window, status: 'in_progress', needsAttention: true });
    expect(outbox.map((item) => item.to)).toContain('dispatch@example.com');
  });
});

describe('a booking without an address', () => {
  it('asks for the address, books nothing and sends nobody anything yet', () => {
    const day = textingDay();

    const { reply, outbox } = day.text(CUSTOMER, 'tomorrow morning, a couch');

    expect(reply).toMatch(/address/i);
    expect(outbox).toEqual([]);
    expect(Object.keys(day.doc.jobs)).toEqual([]);
  });
});

describe('a text with a different address than the booked pickup', () => {
  it('asks NEW or CHANGE and books nothing until the customer answers', () => {
    const { day, job } = claimedBooking();

    const { reply, outbox } = day.text(CUSTOMER, 'saturday afternoon, 20 Cedar Ave');

    expect(reply).toBe('New pickup, or change your 12 Oak St pickup to 20 Cedar Ave? Reply NEW or CHANGE.');
    expect(outbox).toEqual([]);
    expect(day.jobOf(CUSTOMER)).toEqual(job);
  });

  it('NEW books a second pickup at the new address, at the time and with the photos of the asking text', () => {
    const { day, job } = claimedBooking();
    const asked = day.text(CUSTOMER, 'saturday afternoon, 20 Cedar Ave', { photos: 1 });

    const { reply } = day.text(CUSTOMER, 'NEW');

    const jobs = Object.values(day.doc.jobs).filter((j) => j.customer.phone === CUSTOMER);
    expect(jobs).toHaveLength(2);
    const added = jobs.find((j) => j.id !== job.id)!;
    expect(added).toMatchObject({ location: '20 Cedar Ave', status: 'booking_confirmed' });
    expect(added.window).not.toEqual(job.window);
    expect(added.photos).toEqual([
      {
        url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/SM3/Media/ME0',
        contentType: 'image/jpeg',
        from: CUSTOMER,
        at: expect.any(String),
        messageSid: 'SM3',
        kind: 'customer',
      },
    ]);
    expect(asked.reply).toMatch(/Reply NEW or CHANGE/);
    expect(reply).toMatch(/Sat, Jun 6, 12-5 PM at 20 Cedar Ave/);
    expect(day.doc.jobs[job.id]).toEqual(job);
  });

  it('CHANGE moves the booked pickup to the new address and time, and emails the crew on it', () => {
    const { day, job } = claimedBooking();
    day.text(CUSTOMER, 'saturday afternoon, 20 Cedar Ave, a couch and 2 chairs', { photos: 1 });

    const { reply, outbox } = day.text(CUSTOMER, 'CHANGE');

    const changed = day.jobOf(CUSTOMER);
    expect(changed.id).toBe(job.id);
    expect(changed.location).toBe('20 Cedar Ave');
    expect(changed.items).toMatch(/couch/);
    expect(changed.photos.map((photo) => photo.messageSid)).toEqual(['SM3']);
    expect(reply).toMatch(/^Updated: your pickup is Sat, Jun 6, 12-5 PM at 20 Cedar Ave\./);
    expect(outbox.map((item) => [item.to, item.subject])).toEqual([['sam@example.com', `Changed: ${job.code} · 20 Cedar Ave`]]);
    expect(day.text(CUSTOMER, 'CHANGE').reply).not.toMatch(/^Updated/);
  });

  it('CHANGE after the booked pickup was cancelled books the new address instead', () => {
    const { day, job } = claimedBooking();
    day.text(CUSTOMER, 'saturday afternoon, 20 Cedar Ave');
    day.put({ ...job, status: 'cancelled' });

    const { reply } = day.text(CUSTOMER, 'CHANGE');

    const open = Object.values(day.doc.jobs).filter((j) => j.customer.phone === CUSTOMER && j.status !== 'cancelled');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ location: '20 Cedar Ave' });
    expect(open[0]!.id).not.toBe(job.id);
    expect(reply).toMatch(/20 Cedar Ave/);
  });
});

describe('asking for today when today is over', () => {
  /** Thursday 22:40 in Chicago. */
  const LATE = new Date('2026-06-05T03:40:00Z');
  const LATE_REPLY = `It's late for today - we have you down for tomorrow, 8 AM-5 PM at 12 Oak St. Text another time to change it. Track it: https://dispatch.example.com/track/trk_000000000000000000001`;

  it('a booking for today is made for tomorrow, and the reply says why', () => {
    expect(textingDay(LATE).text(CUSTOMER, 'need a pickup today, 12 Oak St').reply).toBe(LATE_REPLY);
  });

  it('moving a booked pickup to today is moved to tomorrow, and the reply says why', () => {
    const day = textingDay(LATE);
    day.text(CUSTOMER, 'saturday morning, 12 Oak St');
    expect(day.text(CUSTOMER, 'actually today please').reply).toBe(LATE_REPLY);
  });
});
