/**
 * Job rules seen from outside: the code a new booking gets. Driven through the conversation engine like the
 * webhook; the tests read the jobs document.
 */
import { describe, expect, it } from 'vitest';
import type { BusinessContext } from '../../domain/context';
import { handleInboundText } from '../../domain/conversation';
import { emptyJobsDocument, type JobsDocument } from '../../domain/jobs-document';
import { CUSTOMER, NEIGHBOUR, SAM, textingDay } from './support';

/** A random source that starts the same sequence on every text: each booking first tries the same code. */
function replaying(): () => number {
  let i = 0;
  return () => [0.11, 0.52, 0.93, 0.34, 0.75, 0.16, 0.57, 0.98][i++ % 8]!;
}

let sids = 0;
function book(doc: JobsDocument, from: string, address: string): JobsDocument {
  const n = Object.keys(doc.jobs).length;
  const ctx: BusinessContext = {
    now: new Date('2026-06-04T14:30:00Z'),
    tz: 'America/Chicago',
    businessName: 'QuickDumpNow',
    businessPhone: '+15555550100',
    publicBaseUrl: 'https://dispatch.example.com',
    dispatchEmail: null,
    crew: { crew: [] },
    newId: () => `job_${n + 1}`,
    newToken: () => `trk_${String(n + 1).padStart(21, '0')}`,
    random: replaying(),
  };
  return handleInboundText(doc, { sid: `SM${++sids}`, from, to: '+15555550100', body: `tomorrow morning, ${address}`, media: [] }, ctx).doc;
}

describe('job codes of new bookings', () => {
  it('a new booking never gets the code of an open job, even when the random source repeats', () => {
    const first = book(emptyJobsDocument(), '+15555550123', '12 Oak St');
    const second = book(first, '+15555550124', '20 Cedar Ave');
    expect(second.jobs.job_1!.code).not.toBe(second.jobs.job_2!.code);
  });

  it.each(['completed', 'cancelled'] as const)('a %s job gives its code back for a new booking', (status) => {
    const first = book(emptyJobsDocument(), '+15555550123', '12 Oak St');
    const closed = { ...first, jobs: { job_1: { ...first.jobs.job_1!, status } } };
    const second = book(closed, '+15555550124', '20 Cedar Ave');
    expect(second.jobs.job_2!.code).toBe(second.jobs.job_1!.code);
  });
});

describe('when a text moves a claimed pickup', () => {
  function claimed(first: string) {
    const day = textingDay();
    day.text(CUSTOMER, first);
    day.text(SAM, `claim ${day.jobOf(CUSTOMER).code}`);
    return day;
  }

  it('the crew hears nothing when the customer repeats the booked time', () => {
    const day = claimed('tomorrow morning, 12 Oak St');
    expect(day.text(CUSTOMER, 'tomorrow morning is fine').outbox).toEqual([]);
  });

  it('the crew is emailed when the customer moves the time, even by one hour', () => {
    const day = claimed('tomorrow 9-11am, 12 Oak St');
    expect(day.text(CUSTOMER, 'tomorrow 10-11am instead').outbox.map((item) => item.to)).toEqual(['sam@example.com']);
  });

  it('the crew is emailed when the customer moves only the end of the time', () => {
    const day = claimed('tomorrow 9-11am, 12 Oak St');
    expect(day.text(CUSTOMER, 'tomorrow 9-12 instead').outbox.map((item) => item.to)).toEqual(['sam@example.com']);
  });

  it('the crew hears nothing when the customer adds items to a pickup booked without a time', () => {
    const day = claimed('12 Oak St, a couch');
    expect(day.text(CUSTOMER, '12 Oak St, a chair').outbox).toEqual([]);
    expect(day.jobOf(CUSTOMER).items).toMatch(/chair/);
  });

  it('the crew is emailed when the customer gives a time for a pickup booked without one', () => {
    const day = claimed('12 Oak St, a couch');
    expect(day.jobOf(CUSTOMER).window).toBeNull();
    expect(day.text(CUSTOMER, 'saturday morning please').outbox.map((item) => item.to)).toEqual(['sam@example.com']);
  });
});

describe('which job a phone or a code means', () => {
  it("HELP answers in the language of the customer's newest open pickup, not an older or a finished one", () => {
    const day = textingDay();
    day.text(CUSTOMER, 'tomorrow morning, 12 Oak St');
    day.text(CUSTOMER, 'also need a pickup friday at 20 Cedar Ave');
    const [oak, cedar] = Object.values(day.doc.jobs);
    day.put({ ...oak!, language: 'es' });
    day.put({ ...cedar!, language: 'en' });
    const english = day.text(CUSTOMER, 'HELP').reply;

    day.put({ ...cedar!, language: 'es', status: 'cancelled' });
    day.put({ ...oak!, language: 'en' });

    expect(day.text(CUSTOMER, 'HELP').reply).toBe(english);
    expect(english).toMatch(/^QuickDumpNow: to book, text address \+ time/);
  });

  it('a code shared by two finished jobs names the newer one', () => {
    const day = textingDay();
    day.text(CUSTOMER, 'tomorrow morning, 12 Oak St');
    day.text(NEIGHBOUR, 'tomorrow morning, 20 Cedar Ave');
    const oak = day.jobOf(CUSTOMER);
    day.put({ ...oak, status: 'completed' });
    day.put({ ...day.jobOf(NEIGHBOUR), code: oak.code, status: 'cancelled' });

    expect(day.text(SAM, `done ${oak.code}`).reply).toBe(`${oak.code} - 20 Cedar Ave was cancelled.`);
  });
});

