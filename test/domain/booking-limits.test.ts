import { describe, expect, it } from 'vitest';
import type { Booking } from '../../domain/booking-form';
import { bookWithinLimits } from '../../domain/booking-limits';
import { sendHeldConfirmation } from '../../domain/held-confirmation';
import type { BusinessContext } from '../../domain/context';
import { emptyJobsDocument, type JobsDocument } from '../../domain/jobs-document';

/** Thursday 2026-06-04, 10:00 in Chicago. */
const MORNING = new Date('2026-06-04T15:00:00.000Z');
const booking = (phone: string): Booking => ({ name: 'Dana', phone, address: '12 Soderblom Ave', window: null, items: null });

let seed = 7;
function ctxAt(now: Date): BusinessContext {
  let n = 0;
  return {
    now,
    tz: 'America/Chicago',
    businessName: 'QuickDumpNow',
    businessPhone: '+15555550100',
    publicBaseUrl: 'https://dispatch.example.com',
    dispatchEmail: null,
    crew: { crew: [] },
    newId: () => `job_${now.getTime()}_${++n}`,
    newToken: () => `tok_${now.getTime()}_${String(++n).padStart(12, '0')}`,
    // A repeatable walk, so each job gets its own code.
    random: () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    },
  };
}

/** Books each phone in turn, `minutesApart` apart, keeping what landed; returns the outcomes. */
function bookAll(phones: string[], minutesApart: number, textsPerHour: number) {
  let doc: JobsDocument = emptyJobsDocument();
  return phones.map((phone, i) => {
    const result = bookWithinLimits(doc, booking(phone), ctxAt(new Date(MORNING.getTime() + i * minutesApart * 60_000)), { textsPerHour });
    if (result.ok) doc = result.doc;
    return { result, doc };
  });
}

describe('booking-form limits counted in the jobs document', () => {
  it('a 4th booking for one phone within the hour is refused, with the seconds until the oldest leaves the hour', () => {
    const outcomes = bookAll(Array(4).fill('+15555550123'), 10, 30);
    expect(outcomes.map(({ result }) => result.ok)).toEqual([true, true, true, false]);
    expect(outcomes[3]!.result).toEqual({ ok: false, problem: 'phone_limit', retryAfterSeconds: 1800 });
  });

  it('an hour after the first, the phone may book again', () => {
    const outcomes = bookAll(Array(5).fill('+15555550123'), 20, 30);
    expect(outcomes.map(({ result }) => result.ok)).toEqual([true, true, true, true, true]);
  });

  it('past BOOKING_TEXTS_PER_HOUR the booking lands with its confirmation held: crew email, no text', () => {
    const outcomes = bookAll(['+15555550121', '+15555550122', '+15555550123'], 1, 2);
    const last = outcomes[2]!.result;
    expect(last).toMatchObject({ ok: true, held: true, job: { confirmationHeld: true } });
    if (!last.ok) throw new Error('expected a booking');
    expect(last.notify.some((item) => item.channel === 'sms')).toBe(false);
    expect(outcomes.slice(0, 2).map(({ result }) => result.ok && result.held)).toEqual([false, false]);
  });

  it('held bookings do not count as texts sent: once the hour moves on, texts go again', () => {
    const outcomes = bookAll(['+15555550121', '+15555550122', '+15555550123', '+15555550124'], 40, 1);
    expect(outcomes.map(({ result }) => result.ok && result.held)).toEqual([false, true, false, true]);
  });

  it('the dispatcher sends a held confirmation; a second send changes nothing', () => {
    const [, second] = bookAll(['+15555550121', '+15555550122'], 1, 1);
    if (!second!.result.ok) throw new Error('expected a booking');
    const ctx = ctxAt(new Date(MORNING.getTime() + 5 * 60_000));
    const sent = sendHeldConfirmation(second!.doc, second!.result.job.id, ctx);
    if (!sent.ok) throw new Error('expected a change');
    expect(sent.job.confirmationHeld).toBe(false);
    expect(sent.notify).toEqual([expect.objectContaining({ channel: 'sms', to: '+15555550122', key: `${sent.job.id}:booked:sms` })]);
    const again = sendHeldConfirmation(sent.doc, sent.job.id, ctx);
    expect(again).toMatchObject({ ok: true, notify: [] });
    expect(again.ok && again.doc).toBe(sent.doc);
    expect(sendHeldConfirmation(sent.doc, 'job_missing', ctx)).toEqual({ ok: false, problem: 'not_found' });
  });
});
