/**
 * What the booking page offers first: the next day and part of the day still possible, read in the business zone
 * (never a part of today that has passed: at 10 PM the page starts on tomorrow morning).
 */
import { DAY_PARTS, MAX_DAYS_AHEAD, PART_HOURS, type DayPart } from './booking-form';
import { addDays, businessDay, instantAt, type CalendarDay } from './zoned-date';

/** A part of today is still offered while at least this much of it is left (a crew needs time to get there). */
export const MIN_MINUTES_LEFT = 60;

export interface BookingSlots {
  /** 'YYYY-MM-DD' in the business zone. */
  readonly today: string;
  readonly tomorrow: string;
  /** The last day the form books. */
  readonly lastDay: string;
  /** The parts of today still possible, in day order ('any' when the working day has time left). */
  readonly partsToday: readonly DayPart[];
  /** What the form starts on. */
  readonly first: { readonly day: string; readonly part: DayPart };
}

/**
 * @example bookingSlots(new Date('2026-06-05T03:00:00Z'), 'America/Chicago').first // { day: '2026-06-05', part: 'morning' } (10 PM on the 4th)
 * @example bookingSlots(new Date('2026-06-04T15:00:00Z'), 'America/Chicago').first // { day: '2026-06-04', part: 'any' } (10 AM)
 */
export function bookingSlots(now: Date, tz: string): BookingSlots {
  const today = businessDay(now, tz);
  const tomorrow = addDays(today, 1);
  const partsToday = DAY_PARTS.filter((part) => {
    const end = instantAt(today, PART_HOURS[part][1] * 60, tz);
    return end - now.getTime() >= MIN_MINUTES_LEFT * 60_000;
  });
  const first = partsToday.includes('any')
    ? { day: dayText(today), part: 'any' as const }
    : partsToday[0]
      ? { day: dayText(today), part: partsToday[0] }
      : { day: dayText(tomorrow), part: 'morning' as const };
  return { today: dayText(today), tomorrow: dayText(tomorrow), lastDay: dayText(addDays(today, MAX_DAYS_AHEAD)), partsToday, first };
}

function dayText(day: CalendarDay): string {
  return `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}
