import { describe, expect, it } from 'vitest';
import { phoneInWindow } from '../../domain/phone-in-window';

const TZ = 'America/Chicago';
/** Thursday 2026-06-04 in Chicago (UTC-5 in June). */
const AT_10AM = { now: new Date('2026-06-04T15:00:00.000Z'), tz: TZ };
const AT_2PM = { now: new Date('2026-06-04T19:00:00.000Z'), tz: TZ };
/** 10:30 PM, after quiet hours began: only tomorrow and later are bookable parts. */
const AT_1030PM = { now: new Date('2026-06-05T03:30:00.000Z'), tz: TZ };

describe('a phone-in job taken in the morning', () => {
  it.each([
    ['no day, no part', undefined, undefined, null],
    ['today, any time', undefined, 'any', null],
    ['tomorrow morning', '2026-06-05', 'morning', { start: '2026-06-05T08:00:00-05:00', end: '2026-06-05T12:00:00-05:00' }],
    ['this afternoon', undefined, 'afternoon', { start: '2026-06-04T12:00:00-05:00', end: '2026-06-04T17:00:00-05:00' }],
    ['this morning, from now', '2026-06-04', 'morning', { start: '2026-06-04T10:00:00-05:00', end: '2026-06-04T12:00:00-05:00' }],
    ['today named, any time: the rest of the working day', '2026-06-04', 'any', { start: '2026-06-04T10:00:00-05:00', end: '2026-06-04T17:00:00-05:00' }],
    ['Saturday evening', '2026-06-06', 'evening', { start: '2026-06-06T17:00:00-05:00', end: '2026-06-06T20:00:00-05:00' }],
  ])('%s', (_, day, part, window) => {
    expect(phoneInWindow(day, part, AT_10AM)).toEqual({ ok: true, window });
  });
});

describe('a part of today that has passed is refused, never moved to tomorrow', () => {
  it.each([
    ['this morning at 2 PM', AT_2PM, undefined, 'morning', { part: 'This morning is over (it ended at 12 PM): pick a later part of today, or another day.' }],
    ['today named, morning, at 2 PM', AT_2PM, '2026-06-04', 'morning', { part: 'This morning is over (it ended at 12 PM): pick a later part of today, or another day.' }],
    ['this evening at 10:30 PM', AT_1030PM, undefined, 'evening', { part: 'This evening is over (it ended at 8 PM): pick a later part of today, or another day.' }],
    ['this afternoon at 10:30 PM', AT_1030PM, undefined, 'afternoon', { part: 'This afternoon is over (it ended at 5 PM): pick a later part of today, or another day.' }],
    ['today named, any time, at 10:30 PM', AT_1030PM, '2026-06-04', 'any', { day: "Today's working day is over (it ended at 5 PM): pick tomorrow or another day." }],
  ])('%s', (_, clock, day, part, errors) => {
    expect(phoneInWindow(day, part, clock)).toEqual({ ok: false, errors });
  });
});

describe('at 10:30 PM', () => {
  it('no day and no part is still "as soon as possible"', () => {
    expect(phoneInWindow(undefined, undefined, AT_1030PM)).toEqual({ ok: true, window: null });
  });

  it('tomorrow evening is the window asked for', () => {
    expect(phoneInWindow('2026-06-05', 'evening', AT_1030PM)).toEqual({
      ok: true,
      window: { start: '2026-06-05T17:00:00-05:00', end: '2026-06-05T20:00:00-05:00' },
    });
  });
});

describe("the booking form's checks and messages", () => {
  it.each([
    ['a day that has passed', '2026-06-03', 'morning', { day: 'That day has passed: pick today or later.' }],
    ['not a date', 'Friday', 'morning', { day: 'Pick a date, e.g. 2026-06-04.' }],
    ['too far ahead', '2026-09-01', 'morning', { day: 'We book up to 60 days ahead: pick an earlier day.' }],
    ['an unknown part', '2026-06-05', 'night', { part: 'Choose morning, afternoon, evening or any time.' }],
  ])('%s', (_, day, part, errors) => {
    expect(phoneInWindow(day, part, AT_10AM)).toEqual({ ok: false, errors });
  });
});
