import { describe, expect, it } from 'vitest';
import { bookingSlots } from '../../domain/booking-slots';

const TZ = 'America/Chicago';

describe('bookingSlots: the booking form starts on the next day and part still possible', () => {
  it.each([
    ['7 AM', '2026-06-04T07:00:00-05:00', ['morning', 'afternoon', 'evening', 'any'], { day: '2026-06-04', part: 'any' }],
    ['11:30 AM (under an hour of morning left)', '2026-06-04T11:30:00-05:00', ['afternoon', 'evening', 'any'], { day: '2026-06-04', part: 'any' }],
    ['4:30 PM (the working day is nearly over)', '2026-06-04T16:30:00-05:00', ['evening'], { day: '2026-06-04', part: 'evening' }],
    ['7:30 PM', '2026-06-04T19:30:00-05:00', [], { day: '2026-06-05', part: 'morning' }],
    ['10 PM', '2026-06-04T22:00:00-05:00', [], { day: '2026-06-05', part: 'morning' }],
    ['11:59 PM on the last day of the year', '2026-12-31T23:59:00-06:00', [], { day: '2027-01-01', part: 'morning' }],
  ])('at %s', (_label, now, partsToday, first) => {
    const slots = bookingSlots(new Date(now), TZ);
    expect(slots.partsToday).toEqual(partsToday);
    expect(slots.first).toEqual(first);
  });

  it("reads today in the business zone, not the machine's", () => {
    // 02:00 UTC on the 5th is still 9 PM on the 4th in Chicago.
    expect(bookingSlots(new Date('2026-06-05T02:00:00Z'), TZ)).toMatchObject({ today: '2026-06-04', tomorrow: '2026-06-05', lastDay: '2026-08-03' });
  });
});
