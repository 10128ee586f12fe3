/**
 * Calendar days and wall-clock times in the business time zone, independent of the machine's zone. A day is a
 * plain { year, month, day } (month 1–12); arithmetic on it is pure calendar arithmetic (done in UTC, where every
 * day has 24 hours), and only `instantAt` turns a day and a wall-clock minute into an instant, through TZDate.
 */
import { TZDate } from '@date-fns/tz';
import { formatISO } from 'date-fns';

export interface CalendarDay {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
}

const DAY_MS = 86_400_000;

/** @example businessDay(new Date('2026-06-04T14:30:00Z'), 'America/Chicago') // { year: 2026, month: 6, day: 4 } */
export function businessDay(instant: Date, tz: string): CalendarDay {
  const local = new TZDate(instant.getTime(), tz);
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
}

/** Day of the week, 0 = Sunday. @example weekdayOf({ year: 2026, month: 6, day: 4 }) // 4 (Thursday) */
export function weekdayOf(day: CalendarDay): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

/** @example addDays({ year: 2026, month: 12, day: 31 }, 1) // { year: 2027, month: 1, day: 1 } */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Whole days from `a` to `b`. @example daysBetween({ year: 2026, month: 6, day: 4 }, { year: 2026, month: 6, day: 6 }) // 2 */
export function daysBetween(a: CalendarDay, b: CalendarDay): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

/** Whether year/month/day names a real date. @example isRealDay(2027, 2, 29) // false */
export function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * The instant at `minutes` past local midnight of `day` in `tz` (minutes may pass 24:00 into the next day). A wall
 * time skipped by a DST change (02:30 on a spring-forward night) lands on the same minutes after the jump.
 * @example new Date(instantAt({ year: 2026, month: 6, day: 4 }, 720, 'America/Chicago')).toISOString() // '2026-06-04T17:00:00.000Z'
 */
export function instantAt(day: CalendarDay, minutes: number, tz: string): number {
  const shifted = addDays(day, Math.floor(minutes / 1440));
  const inDay = ((minutes % 1440) + 1440) % 1440;
  return new TZDate(shifted.year, shifted.month - 1, shifted.day, Math.floor(inDay / 60), inDay % 60, tz).getTime();
}

/**
 * ISO 8601 with the business zone's offset, to the second (date-fns formatISO: "Z" when the offset is zero).
 * @example isoInZone(Date.parse('2026-06-04T17:00:00Z'), 'America/Chicago') // '2026-06-04T12:00:00-05:00'
 */
export function isoInZone(instant: number, tz: string): string {
  return formatISO(new TZDate(instant, tz));
}

/** Wall-clock hour and minute at `instant` in `tz`. @example wallClock(Date.parse('2026-06-04T17:00:00Z'), 'America/Chicago') // { hour: 12, minute: 0 } */
export function wallClock(instant: number, tz: string): { hour: number; minute: number } {
  const local = new TZDate(instant, tz);
  return { hour: local.getHours(), minute: local.getMinutes() };
}
