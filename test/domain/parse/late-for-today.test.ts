import { describe, expect, it } from 'vitest';
import { resolveDayPart, partsLeftToday } from '../../../domain/parse/day-part-window';
import { HOURS, TZ, customer, june } from './support';

describe('a today that has passed rolls to tomorrow, and says so', () => {
  it.each([
    ['need a pickup today', HOURS.night, june('05', '08:00', '17:00'), true],
    ['this afternoon', HOURS.night, june('05', '12:00', '17:00'), true],
    ['tonight', HOURS.night, june('05', '17:00', '20:00'), true],
    ['at 3', HOURS.night, june('05', '15:00', '17:00'), true],
    ['hoy en la tarde', HOURS.night, june('05', '12:00', '17:00'), true],
    ['this morning', HOURS.afternoon, june('05', '08:00', '12:00'), true],
    ['need a pickup today', HOURS.morning, june('04', '09:30', '17:00'), false],
    ['this afternoon', HOURS.afternoon, june('04', '14:10', '17:00'), false],
    ['tomorrow morning', HOURS.night, june('05', '08:00', '12:00'), false],
    ['friday', HOURS.night, june('05', '08:00', '17:00'), false],
    ['asap', HOURS.night, null, false],
  ])('%j at %s → %j, lateForToday %s', (text, now, window, late) => {
    expect(customer(text, now)).toMatchObject({ window, lateForToday: late });
  });
});

describe('the same rule for the booking API and form (resolveDayPart)', () => {
  const today = { year: 2026, month: 6, day: 4 };
  it.each([
    [null, 'afternoon', HOURS.night, june('05', '12:00', '17:00'), true],
    [today, 'evening', HOURS.night, june('05', '17:00', '20:00'), true],
    [today, null, HOURS.night, june('05', '08:00', '17:00'), true],
    [today, 'afternoon', HOURS.afternoon, june('04', '14:10', '17:00'), false],
    [{ year: 2026, month: 6, day: 6 }, 'morning', HOURS.night, june('06', '08:00', '12:00'), false],
  ] as const)('%j %s → %j, lateForToday %s', (day, part, now, window, lateForToday) => {
    expect(resolveDayPart(day, part, now, TZ)).toEqual({ window, lateForToday });
  });

  it('a day before today has no window', () => {
    expect(resolveDayPart({ year: 2026, month: 6, day: 3 }, 'morning', HOURS.morning, TZ)).toBeNull();
  });

  it('the form offers only the parts of today that have not passed', () => {
    expect(partsLeftToday(HOURS.morning, TZ)).toEqual(['morning', 'afternoon', 'evening']);
    expect(partsLeftToday(HOURS.afternoon, TZ)).toEqual(['afternoon', 'evening']);
    expect(partsLeftToday(HOURS.night, TZ)).toEqual([]);
  });
});
