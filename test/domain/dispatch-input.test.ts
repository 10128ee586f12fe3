/**
 * What the dashboard may post for a booking taken on the phone and for a status change: what is accepted, and the
 * message a dispatcher sees next to the field to fix.
 */
import { describe, expect, it } from 'vitest';
import { parsePhoneBooking, parseStatusChange } from '../../domain/dispatch-input';

/** Thursday 2026-06-04, 09:30 in Chicago. */
const CLOCK = { now: new Date('2026-06-04T14:30:00Z'), tz: 'America/Chicago' };
const BOOKING = { phone: '(555) 555-0123', location: '12 Oak St' };
const NOT_A_NUMBER = "That doesn't look like a phone number. Try e.g. (555) 555-0123, or +44 20 7946 0958 outside the US.";
const A_WINDOW = { start: '2026-06-05T13:00:00.000Z', end: '2026-06-05T17:00:00.000Z' };

describe('a booking taken on the phone', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['the form day and part', { day: '2026-06-05', part: 'morning' }, { window: { start: '2026-06-05T08:00:00-05:00', end: '2026-06-05T12:00:00-05:00' } }],
    ["what is left of this morning", { day: '2026-06-04', part: 'morning' }, { window: { start: '2026-06-04T09:30:00-05:00', end: '2026-06-04T12:00:00-05:00' } }],
    ['a window as the drawer edits it', { window: A_WINDOW }, { window: A_WINDOW }],
    ['no time at all (as soon as possible)', {}, { window: null, name: null, notes: '', items: null }],
    ['an explicit "no window"', { window: null }, { window: null }],
    ['a name, notes and items', { name: 'Dana', notes: 'gate 4411', items: 'couch' }, { name: 'Dana', notes: 'gate 4411', items: 'couch' }],
  ])('is accepted with %s', (_, fields, expected) => {
    expect(parsePhoneBooking({ ...BOOKING, ...fields }, CLOCK)).toEqual({
      ok: true,
      value: { phone: '+15555550123', name: null, location: '12 Oak St', window: null, notes: '', items: null, ...expected },
    });
  });

  it.each<[string, unknown, Record<string, string>]>([
    ['a number that is no phone number', { ...BOOKING, phone: '12345' }, { phone: NOT_A_NUMBER }],
    ['no phone', { location: '12 Oak St' }, { phone: "Enter the customer's mobile number." }],
    ['a phone that is not text', { ...BOOKING, phone: 5550123 }, { phone: "Enter the customer's mobile number." }],
    ['a window and a day', { ...BOOKING, window: A_WINDOW, day: '2026-06-05' }, { window: 'Send either a window or a day and part of the day, not both.' }],
    ['a window and a part', { ...BOOKING, window: A_WINDOW, part: 'morning' }, { window: 'Send either a window or a day and part of the day, not both.' }],
    ['an unknown part of the day', { ...BOOKING, part: 'brunch' }, { part: 'Choose morning, afternoon, evening or any time.' }],
    ['a field the form does not have', { ...BOOKING, extra: 1 }, { extra: 'is not a field that can be set here' }],
    ['null', null, { body: 'Send a JSON object: {phone, location, name?, day?, part?, window?, notes?, items?}.' }],
    ['a list', [], { body: 'Send a JSON object: {phone, location, name?, day?, part?, window?, notes?, items?}.' }],
  ])('is refused with %s', (_, body, errors) => {
    expect(parsePhoneBooking(body, CLOCK)).toEqual({ ok: false, errors });
  });

  it('reports every problem at once: address, phone and day', () => {
    expect(parsePhoneBooking({ phone: '12345', location: '', day: 'someday' }, CLOCK)).toEqual({
      ok: false,
      errors: { location: 'Enter the pickup address (at least 3 characters).', phone: NOT_A_NUMBER, day: 'Pick a date, e.g. 2026-06-04.' },
    });
  });
});

describe('a status change', () => {
  it('names a status', () => {
    expect(parseStatusChange({ status: 'en_route' })).toEqual({ ok: true, value: 'en_route' });
  });

  it.each<[string, unknown, Record<string, string>]>([
    ['an unknown status', { status: 'flying' }, { status: 'must be one of booking_confirmed, ready_for_pickup, en_route, in_progress, completed, cancelled' }],
    ['another field', { status: 'en_route', x: 1 }, { x: 'is not a field that can be set here' }],
    ['no object', null, { body: 'Send a JSON object: {"status": "en_route"}.' }],
  ])('is refused with %s', (_, body, errors) => {
    expect(parseStatusChange(body)).toEqual({ ok: false, errors });
  });
});
