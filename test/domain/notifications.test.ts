/**
 * The emails a text causes: the crew's new-job and claim emails, and the dispatcher's "needs a reply" email, in
 * full. Driven through the conversation engine like the webhook; the tests read the outbox.
 */
import { describe, expect, it } from 'vitest';
import { CUSTOMER, NEIGHBOUR, SAM, textingDay } from './support';

const emails = (outbox: readonly { channel: string; to: string; subject: string | null; body: string }[]) =>
  outbox.filter((item) => item.channel === 'email').map(({ to, subject, body }) => ({ to, subject, body }));

describe('emails to the crew', () => {
  it('a new booking tells them where, when, what and any notes, and how to claim it', () => {
    const day = textingDay();

    const { outbox } = day.text(CUSTOMER, 'tomorrow morning, 12 Oak St, 2 mattresses and a couch, use the back alley');

    const { code } = day.jobOf(CUSTOMER);
    expect(emails(outbox)).toEqual([
      {
        to: 'sam@example.com',
        subject: `New job ${code} · 12 Oak St`,
        body: `New pickup ${code} at 12 Oak St, tomorrow, 8 AM–12 PM.\nItems: 2 mattresses, couch\nNotes: use the back alley\nText "claim ${code}" to take it.`,
      },
    ]);
  });

  it('a booking with nothing to haul named and no notes is just where and when', () => {
    const day = textingDay();
    const { outbox } = day.text(CUSTOMER, 'asap, 12 Oak St');
    const { code } = day.jobOf(CUSTOMER);
    expect(emails(outbox)[0]?.body).toBe(`New pickup ${code} at 12 Oak St, as soon as possible.\nText "claim ${code}" to take it.`);
  });

  it('a claim sends the claimer the job, and how to say they are on the way', () => {
    const day = textingDay();
    day.text(CUSTOMER, 'tomorrow morning, 12 Oak St, 2 mattresses and a couch, use the back alley');
    const { code } = day.jobOf(CUSTOMER);

    expect(emails(day.text(SAM, `claim ${code}`).outbox)).toEqual([
      {
        to: 'sam@example.com',
        subject: `You're on ${code} · 12 Oak St`,
        body: `You claimed ${code}: 12 Oak St, tomorrow, 8 AM–12 PM.\nItems: 2 mattresses, couch\nNotes: use the back alley\nText "omw ${code}" when you head out.`,
      },
    ]);
  });

  it('a job whose address was cleared says the address is to come', () => {
    const day = textingDay();
    day.text(CUSTOMER, 'tomorrow morning, 12 Oak St');
    const job = day.jobOf(CUSTOMER);
    day.put({ ...job, location: null });

    expect(emails(day.text(SAM, `claim ${job.code}`).outbox)).toEqual([
      {
        to: 'sam@example.com',
        subject: `You're on ${job.code} · no address yet`,
        body: `You claimed ${job.code}: (address to come), tomorrow, 8 AM–12 PM.\nText "omw ${job.code}" when you head out.`,
      },
    ]);
  });
});

describe("the dispatcher's needs-a-reply email", () => {
  it('gives the number, the job (or none), the text, and a link straight to the thread', () => {
    const day = textingDay();

    const { outbox } = day.text(NEIGHBOUR, 'the gate code changed, blue house');

    expect(emails(outbox)).toEqual([
      {
        to: 'dispatch@example.com',
        subject: `Text needs a reply from ${NEIGHBOUR} (no open job)`,
        body: `From: ${NEIGHBOUR}\nJob: no open job\nText: the gate code changed, blue house\nReply: https://dispatch.example.com/dashboard#thread=%2B15555550124`,
      },
    ]);
    expect(outbox[0]).toMatchObject({ key: 'inbound:SM1:attention:email', jobId: null });
  });

  it('says there was no text when there was none', () => {
    const day = textingDay();
    expect(emails(day.text(NEIGHBOUR, '').outbox)[0]?.body).toContain('\nText: (no text)\n');
  });
});
