import { describe, expect, it } from 'vitest';
import { addDays, businessDay, daysBetween, instantAt, isoInZone, isRealDay, weekdayOf } from '../../domain/zoned-date';

describe('calendar days in the business zone', () => {
  it('reads the day in the zone, not on the machine', () => {
    const instant = new Date('2026-06-05T04:30:00Z');
    expect(businessDay(instant, 'America/Chicago')).toEqual({ year: 2026, month: 6, day: 4 });
    expect(businessDay(instant, 'Pacific/Apia')).toEqual({ year: 2026, month: 6, day: 5 });
  });

  it.each([
    [{ year: 2026, month: 12, day: 31 }, 1, { year: 2027, month: 1, day: 1 }],
    [{ year: 2028, month: 2, day: 28 }, 1, { year: 2028, month: 2, day: 29 }],
    [{ year: 2026, month: 3, day: 7 }, 1, { year: 2026, month: 3, day: 8 }],
    [{ year: 2026, month: 1, day: 1 }, -1, { year: 2025, month: 12, day: 31 }],
  ])('%j + %d days → %j', (day, n, expected) => {
    expect(addDays(day, n)).toEqual(expected);
  });

  it('knows weekdays, distances and real dates', () => {
    expect(weekdayOf({ year: 2026, month: 6, day: 4 })).toBe(4);
    expect(daysBetween({ year: 2026, month: 12, day: 30 }, { year: 2027, month: 1, day: 3 })).toBe(4);
    expect(isRealDay(2027, 2, 29)).toBe(false);
    expect(isRealDay(2028, 2, 29)).toBe(true);
    expect(isRealDay(2026, 6, 31)).toBe(false);
  });

  it.each([
    [{ year: 2026, month: 6, day: 4 }, 12 * 60, '2026-06-04T12:00:00-05:00'],
    [{ year: 2026, month: 6, day: 4 }, 25 * 60, '2026-06-05T01:00:00-05:00'],
    [{ year: 2026, month: 3, day: 8 }, 8 * 60, '2026-03-08T08:00:00-05:00'],
    [{ year: 2026, month: 3, day: 8 }, 1 * 60, '2026-03-08T01:00:00-06:00'],
    [{ year: 2026, month: 11, day: 1 }, 8 * 60, '2026-11-01T08:00:00-06:00'],
  ])('%j at minute %d → %s', (day, minutes, iso) => {
    expect(isoInZone(instantAt(day, minutes, 'America/Chicago'), 'America/Chicago')).toBe(iso);
  });
});
