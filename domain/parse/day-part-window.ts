/**
 * The rule texts follow for a day and a part of the day, for the booking API and form to share: a part of today
 * that has passed (or a whole today that is over) rolls to the same part tomorrow, and says so (lateForToday), never
 * an error; a window never starts before now. Parts are pickup-window.ts's: morning 08–12, afternoon 12–17,
 * evening 17–20; no part is the working day 08–17. "At 22:40, this afternoon" → tomorrow 12–17, lateForToday.
 */
import { PARTS, WHOLE_DAY, isoDay, type PickupWindow } from './pickup-window';
import type { DayPart } from './time-expressions';
import { addDays, businessDay, type CalendarDay, instantAt, isoInZone } from '../zoned-date';

export interface DayPartWindow {
  readonly window: PickupWindow;
  /** Today (or its part) had passed, so the window is the next day's. */
  readonly lateForToday: boolean;
}

const MINUTE = 60_000;

/**
 * The window for `day` (a business-zone calendar day; null = today) and `part` (null = the working day). Null for a
 * day before today. A passed today rolls to tomorrow; a later day is taken as given.
 * @example resolveDayPart(null, 'afternoon', new Date('2026-06-05T03:40:00Z'), 'America/Chicago')
 * // { window: { start: '2026-06-05T12:00:00-05:00', end: '2026-06-05T17:00:00-05:00' }, lateForToday: true }
 */
export function resolveDayPart(day: CalendarDay | null, part: DayPart | null, now: Date, tz: string): DayPartWindow | null {
  const today = businessDay(now, tz);
  const wanted = day ?? today;
  const [from, to] = part ? PARTS[part] : WHOLE_DAY;
  const isToday = isoDay(wanted) === isoDay(today);
  if (!isToday && isoDay(wanted) < isoDay(today)) return null;
  const nowMinute = Math.ceil(now.getTime() / MINUTE) * MINUTE;
  const passed = isToday && instantAt(wanted, to, tz) <= nowMinute;
  const chosen = passed ? addDays(wanted, 1) : wanted;
  const start = Math.max(instantAt(chosen, from, tz), nowMinute);
  return { window: { start: isoInZone(start, tz), end: isoInZone(instantAt(chosen, to, tz), tz) }, lateForToday: passed };
}

/**
 * The parts of today still bookable (their window has not ended), for a form that must not offer a passed one.
 * @example partsLeftToday(new Date('2026-06-04T19:00:00Z'), 'America/Chicago') // ['afternoon', 'evening']
 */
export function partsLeftToday(now: Date, tz: string): DayPart[] {
  const today = businessDay(now, tz);
  return (Object.keys(PARTS) as DayPart[]).filter((part) => instantAt(today, PARTS[part][1], tz) > now.getTime());
}
