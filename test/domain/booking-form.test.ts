import { describe, expect, it } from 'vitest';
import { bookOnline, validateBooking, type Booking } from '../../domain/booking-form';
import type { BusinessContext } from '../../domain/context';
import { emptyJobsDocument } from '../../domain/jobs-document';

const TZ = 'America/Chicago';
/** Thursday 2026-06-04, 10:00 in Chicago. */
const MORNING = new Date('2026-06-04T15:00:00.000Z');
const AT_10AM = { now: MORNING, tz: TZ };
const FORM = { name: 'Dana Whit', phone: '(555) 555-0123', address: '12 Soderblom Ave' };

describe('reading the phone number', () => {
  it.each([
    ['(555) 555-0123', '+15555550123'],
    ['555.555.0123', '+15555550123'],
    ['+1 555 555 0123', '+15555550123'],
    ['1-555-555-0123', '+15555550123'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('"%s" is read as %s', (phone, e164) => {
    const result = validateBooking({ ...FORM, phone }, AT_10AM);
    expect(result).toMatchObject({ ok: true, booking: { phone: e164 } });
  });

  it.each([
    ['12345', "That doesn't look like a phone number"],
    ['555-0123', "That doesn't look like a phone number"],
    ['call me', "That doesn't look like a phone number"],
    ['', 'Please enter a mobile number.'],
    ['(555) 555-0123 ext. 4', 'without an extension'],
  ])('"%s" is refused: %s', (phone, message) => {
    const result = validateBooking({ ...FORM, phone }, AT_10AM);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.phone).toContain(message);
  });
});

describe('checking the other fields', () => {
  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['no name', { name: '  ' }, { name: 'Please tell us your name.' }],
    ['a name past 80 characters', { name: 'x'.repeat(81) }, { name: 'Keep the name to 80 characters or fewer.' }],
    ['no address', { address: undefined }, { address: 'Please enter the pickup address.' }],
    ['a two-letter address', { address: 'Oa' }, { address: 'That address looks too short: include the street and number.' }],
    ['an address past 200 characters', { address: 'a'.repeat(201) }, { address: 'Keep the address to 200 characters or fewer.' }],
    ['items past 500 characters', { items: 'junk '.repeat(101) }, { items: 'Keep the description to 500 characters or fewer.' }],
    ['a day that does not exist', { day: '2026-02-30' }, { day: 'Pick a date, e.g. 2026-06-04.' }],
    ['a day in another format', { day: '6/5/2026' }, { day: 'Pick a date, e.g. 2026-06-04.' }],
    ['yesterday', { day: '2026-06-03' }, { day: 'That day has passed: pick today or later.' }],
    ['61 days ahead', { day: '2026-08-04' }, { day: 'We book up to 60 days ahead: pick an earlier day.' }],
    ['an unknown part of the day', { part: 'night' }, { part: 'Choose morning, afternoon, evening or any time.' }],
  ])('%s gets a message next to that field', (_label, change, errors) => {
    expect(validateBooking({ ...FORM, ...change }, AT_10AM)).toEqual({ ok: false, errors });
  });

  it('every problem is reported at once', () => {
    const result = validateBooking({ phone: '12' }, AT_10AM);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['address', 'name', 'phone']);
  });

  it('something other than an object is refused as a whole', () => {
    expect(validateBooking('name=Dana', AT_10AM)).toEqual({ ok: false, errors: { body: 'Send the booking as a JSON object.' } });
  });

  it('names, addresses and items are trimmed; empty items are none', () => {
    const result = validateBooking({ ...FORM, name: '  Dana  ', address: ' 12 Oak St ', items: '   ' }, AT_10AM);
    expect(result).toEqual({ ok: true, booking: { name: 'Dana', phone: '+15555550123', address: '12 Oak St', window: null, items: null, lateForToday: false } });
  });
});

describe('turning the day and part of the day into a pickup window', () => {
  it.each<[string, { day?: string; part?: string }, Date, { start: string; end: string } | null]>([
    ['no day and no part: as soon as possible', {}, MORNING, null],
    ['"any" with no day: as soon as possible', { part: 'any' }, MORNING, null],
    ['tomorrow morning', { day: '2026-06-05', part: 'morning' }, MORNING, { start: '2026-06-05T08:00:00-05:00', end: '2026-06-05T12:00:00-05:00' }],
    ['tomorrow evening', { day: '2026-06-05', part: 'evening' }, MORNING, { start: '2026-06-05T17:00:00-05:00', end: '2026-06-05T20:00:00-05:00' }],
    ['a day with no part: the working day', { day: '2026-06-10' }, MORNING, { start: '2026-06-10T08:00:00-05:00', end: '2026-06-10T17:00:00-05:00' }],
    ['exactly 60 days ahead', { day: '2026-08-03', part: 'any' }, MORNING, { start: '2026-08-03T08:00:00-05:00', end: '2026-08-03T17:00:00-05:00' }],
    ['this afternoon, asked at 10 AM', { part: 'afternoon' }, MORNING, { start: '2026-06-04T12:00:00-05:00', end: '2026-06-04T17:00:00-05:00' }],
    ['this morning, asked at 10 AM: from now', { day: '2026-06-04', part: 'morning' }, MORNING, { start: '2026-06-04T10:00:00-05:00', end: '2026-06-04T12:00:00-05:00' }],
    ['today, asked at 10:20:30: from the next minute', { day: '2026-06-04' }, new Date('2026-06-04T15:20:30Z'), { start: '2026-06-04T10:21:00-05:00', end: '2026-06-04T17:00:00-05:00' }],
    ['a morning after the clocks go back (CST, UTC-6)', { day: '2026-11-02', part: 'morning' }, new Date('2026-10-30T15:00:00Z'), { start: '2026-11-02T08:00:00-06:00', end: '2026-11-02T12:00:00-06:00' }],
    ['late evening in Chicago is already the next UTC day; "today" is still Chicago\'s', { day: '2026-06-04', part: 'evening' }, new Date('2026-06-05T00:30:00Z'), { start: '2026-06-04T19:30:00-05:00', end: '2026-06-04T20:00:00-05:00' }],
  ])('%s', (_label, when, now, window) => {
    const result = validateBooking({ ...FORM, ...when }, { now, tz: TZ });
    expect(result).toMatchObject({ ok: true, booking: { window } });
  });

  it.each<[string, { day?: string; part?: string }, Date, { start: string; end: string }]>([
    ['this morning, asked at 2 PM: tomorrow morning', { part: 'morning' }, new Date('2026-06-04T19:00:00Z'), { start: '2026-06-05T08:00:00-05:00', end: '2026-06-05T12:00:00-05:00' }],
    ['this afternoon, asked at 10:40 PM: tomorrow afternoon', { part: 'afternoon' }, new Date('2026-06-05T03:40:00Z'), { start: '2026-06-05T12:00:00-05:00', end: '2026-06-05T17:00:00-05:00' }],
    ['this evening, asked at 8:30 PM: tomorrow evening', { day: '2026-06-04', part: 'evening' }, new Date('2026-06-05T01:30:00Z'), { start: '2026-06-05T17:00:00-05:00', end: '2026-06-05T20:00:00-05:00' }],
    ['today with no part, asked at 6 PM: tomorrow\'s working day', { day: '2026-06-04' }, new Date('2026-06-04T23:00:00Z'), { start: '2026-06-05T08:00:00-05:00', end: '2026-06-05T17:00:00-05:00' }],
  ])('%s, as texts do (late for today, never a 400)', (_label, when, now, window) => {
    expect(validateBooking({ ...FORM, ...when }, { now, tz: TZ })).toMatchObject({ ok: true, booking: { window, lateForToday: true } });
  });

  it('a day before today is still refused', () => {
    expect(validateBooking({ ...FORM, day: '2026-06-03' }, { now: MORNING, tz: TZ })).toEqual({ ok: false, errors: { day: 'That day has passed: pick today or later.' } });
  });
});

describe('booking a checked form', () => {
  const booking: Booking = { name: 'Dana', phone: '+15555550123', address: '12 Soderblom Ave', window: null, items: 'a couch' };
  const ctx = (now: Date): BusinessContext => ({
    now,
    tz: TZ,
    businessName: 'QuickDumpNow',
    businessPhone: '+15555550100',
    publicBaseUrl: 'https://dispatch.example.com',
    dispatchEmail: null,
    crew: { crew: [{ name: 'Sam Rivera', phone: '+15555550101', email: 'sam@example.com', roles: ['driver'] }] },
    newId: () => 'job_web1',
    newToken: () => 'tok_web_abcdefghijklmnopq',
    random: () => 0.5,
  });

  it('makes a booked job from the web, emails the crew, and texts the customer the tracking link', () => {
    const result = bookOnline(emptyJobsDocument(), booking, ctx(MORNING));
    expect(result.job).toMatchObject({
      status: 'booking_confirmed',
      customer: { phone: '+15555550123', name: 'Dana' },
      location: '12 Soderblom Ave',
      items: 'a couch',
      history: [{ status: 'booking_confirmed', by: '+15555550123', via: 'web' }],
    });
    expect(result.doc.jobs.job_web1).toEqual(result.job);
    expect(result.notify).toEqual([
      expect.objectContaining({ key: 'job_web1:created:email:+15555550101', to: 'sam@example.com' }),
      {
        key: 'job_web1:booked:sms',
        channel: 'sms',
        to: '+15555550123',
        body: 'Thanks! QuickDumpNow has you down for as soon as possible at 12 Soderblom Ave (a couch). Track it: https://dispatch.example.com/track/tok_web_abcdefghijklmnopq',
        jobId: 'job_web1',
        notBefore: MORNING,
      },
    ]);
  });

  it('a job booked online in English starts with no notes, no photos, nobody on it, and its texts in English', () => {
    const { job } = bookOnline(emptyJobsDocument(), booking, ctx(MORNING));
    expect(job).toMatchObject({
      notes: '',
      photos: [],
      messages: [],
      crew: { driver: null, first_mate: null, supervisor: null },
      language: 'en',
      priceCents: null,
      quote: null,
      needsAttention: false,
      confirmationHeld: false,
      complaint: false,
    });
  });

  it('a form sent at 10:30 PM is confirmed by text at 08:00', () => {
    const result = bookOnline(emptyJobsDocument(), booking, ctx(new Date('2026-06-05T03:30:00Z')));
    expect(result.notify.at(-1)?.notBefore).toEqual(new Date('2026-06-05T13:00:00Z'));
  });
});
