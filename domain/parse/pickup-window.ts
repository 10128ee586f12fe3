/**
 * Turns what a text says about when (domain/time-expressions.ts) into a pickup window in the business time zone.
 *
 * The conventions (from the issue), and how edge cases are read:
 * - Parts: morning 08–12, afternoon 12–17, evening/tonight 17–20. A day with no part or time: 08–17.
 * - A clock time starts there and lasts two hours ("at 3" 15–17, "10:30" 10:30–12:30, "around noon" 12–14).
 *   Bare hours 1–6 are PM and 7–11 AM, 12 is noon; am/pm overrides. With a part the part decides ("tonight at 8"
 *   20–22, "afternoon at 1" 13–15, "morning at 6" 06–08). 0 and 13–23 are read as a 24-hour clock.
 * - Ranges apply the bare-hour rule to both ends and make the end later than the start: "2-4" 14–16, "9-11"
 *   09–11, "10-2" 10–14, "5-7" 17–19; an am/pm on the end also covers the start when that keeps it earlier
 *   ("2-4pm" 14–16, "10-2pm" 10–14).
 * - "after 2" runs to 17:00 (or to the end of the named part); when that is not later ("after 5") it lasts two
 *   hours. "before 11" / "by noon" / "until 3" run from 08:00 (or the part's start) to that time; "by 7" (07:00,
 *   before the day starts) is the two hours before it.
 * - "in an hour", "in 30 min": starts then (to the minute), lasts two hours.
 * - Which day: no day, "today" and "tonight" mean today, and roll to tomorrow when today's window has already ended
 *   (a "today" that is over can only be a slip: the next such window is the useful reading). "tomorrow" is today+1.
 *   A weekday is its next occurrence: today if today is that day and the window has not ended, else within 7 days.
 *   "next Tuesday" is the Tuesday of next week, weeks starting Monday (on a Sunday that is two days ahead).
 *   "6/10", "June 12" are this year, or next year once that day's window has ended; with a year, only that year
 *   (and no window when it is over). "the 12th" is this month's or the next month that has one.
 * - A window never starts before now: the start is clipped to now, truncated to the minute.
 * - No day, part or time ("now", "asap", "whenever") → null.
 */
import type { ClockTime, DayPart, DayRef, TimeExpressions, TimeRef } from './time-expressions';
import { addDays, businessDay, type CalendarDay, instantAt, isoInZone, isRealDay, weekdayOf } from '../zoned-date';

export interface PickupWindow {
  /** ISO 8601 with the business zone's offset, e.g. "2026-06-04T12:00:00-05:00". */
  readonly start: string;
  readonly end: string;
}

/** Minutes after midnight [start, end) of each part of the day; shared with day-part-window.ts (the booking form). */
export const PARTS: Readonly<Record<DayPart, readonly [number, number]>> = {
  morning: [8 * 60, 12 * 60],
  afternoon: [12 * 60, 17 * 60],
  evening: [17 * 60, 20 * 60],
};
export const WHOLE_DAY: readonly [number, number] = [8 * 60, 17 * 60];
const CLOCK_WINDOW = 120;
const MINUTE = 60_000;

/** The window, the days ruled out, and whether a today that had passed was moved to the next day. */
export interface ResolvedWindow {
  readonly window: PickupWindow | null;
  /** ISO dates (YYYY-MM-DD) in the business zone. */
  readonly excludedDays: string[];
  readonly lateForToday: boolean;
}

/**
 * @example resolveWindow({ day: { kind: 'today' }, part: 'afternoon', time: null }, new Date('2026-06-04T14:30:00Z'), 'America/Chicago')
 * // { start: '2026-06-04T12:00:00-05:00', end: '2026-06-04T17:00:00-05:00' }
 */
export function resolveWindow(expr: TimeExpressions, now: Date, tz: string): PickupWindow | null {
  return resolvePickup(expr, now, tz).window;
}

/**
 * Like resolveWindow, and also: the days the text ruled out (never chosen; "not this saturday, next one" gives the
 * Saturday after), and lateForToday when the text asked for today or gave no day and today's window had ended
 * (at 22:40 "need a pickup today" → tomorrow 08–17).
 * @example resolvePickup({ day: { kind: 'today' }, part: null, time: null }, new Date('2026-06-05T03:40:00Z'), 'America/Chicago')
 * // { window: { start: '2026-06-05T08:00:00-05:00', end: '2026-06-05T17:00:00-05:00' }, excludedDays: [], lateForToday: true }
 */
export function resolvePickup(expr: TimeExpressions, now: Date, tz: string): ResolvedWindow {
  const today = businessDay(now, tz);
  const excluded = (expr.excluded ?? []).map((ref) => candidateDays(ref, today)[0]).filter((d) => d !== undefined);
  const excludedDays = [...new Set(excluded.map(isoDay))];
  const nowMinute = Math.floor(now.getTime() / MINUTE) * MINUTE;
  if (expr.time?.kind === 'in') {
    const start = nowMinute + expr.time.minutes * MINUTE;
    return { window: { start: isoInZone(start, tz), end: isoInZone(start + CLOCK_WINDOW * MINUTE, tz) }, excludedDays, lateForToday: false };
  }
  const span = minutesOfDay(expr);
  if (!span) return { window: null, excludedDays, lateForToday: false };
  let passedToday = false;
  for (const day of candidateDays(expr.day, today)) {
    if (excludedDays.includes(isoDay(day))) continue;
    const start = instantAt(day, span[0], tz);
    const end = instantAt(day, span[1], tz);
    if (end <= now.getTime()) {
      passedToday ||= isoDay(day) === isoDay(today);
      continue;
    }
    const window = { start: isoInZone(Math.max(start, nowMinute), tz), end: isoInZone(end, tz) };
    const askedForToday = !expr.day || expr.day.kind === 'today';
    return { window, excludedDays, lateForToday: askedForToday && passedToday };
  }
  return { window: null, excludedDays, lateForToday: false };
}

/** @example isoDay({ year: 2026, month: 6, day: 4 }) // '2026-06-04' */
export function isoDay(day: CalendarDay): string {
  return `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}

/** [start, end) in minutes after local midnight; end may pass 24:00. */
function minutesOfDay(expr: TimeExpressions): readonly [number, number] | null {
  const part = expr.part ? PARTS[expr.part] : null;
  if (!expr.time || expr.time.kind === 'in') return part ?? (expr.day ? WHOLE_DAY : null);
  return timeSpan(expr.time, expr.part);
}

function timeSpan(time: Exclude<TimeRef, { kind: 'in' }>, part: DayPart | null): readonly [number, number] {
  const bounds = part ? PARTS[part] : WHOLE_DAY;
  switch (time.kind) {
    case 'at': {
      const start = minutesOf(time.time, part);
      return [start, start + CLOCK_WINDOW];
    }
    case 'after': {
      const start = minutesOf(time.time, part);
      return [start, bounds[1] > start ? bounds[1] : start + CLOCK_WINDOW];
    }
    case 'before': {
      // "by 7" (before the day starts): the two hours before it; "by midnight" (00:00) ends at the day's end.
      const end = minutesOf(time.time, part) || 24 * 60;
      return [bounds[0] < end ? bounds[0] : end - CLOCK_WINDOW, end];
    }
    case 'between':
      return rangeSpan(time.from, time.to, part);
  }
}

function rangeSpan(from: ClockTime, to: ClockTime, part: DayPart | null): readonly [number, number] {
  const end = minutesOf(to, part);
  let start = minutesOf(from, part);
  if (!from.meridiem && to.meridiem) {
    const shared = minutesOf({ ...from, meridiem: to.meridiem }, part);
    if (shared < end) start = shared;
  }
  if (end > start) return [start, end];
  // "5-7": the end read as PM; "10-2" already is (bare 2 is PM).
  if (!to.meridiem && to.hour < 12 && end + 12 * 60 > start) return [start, end + 12 * 60];
  return [start, start + CLOCK_WINDOW];
}

/**
 * Minutes after midnight for a clock reading, by the bare-hour rule or the part of day.
 * @example minutesOf({ hour: 3, minute: 0, meridiem: null }, null) // 900
 */
export function minutesOf(time: ClockTime, part: DayPart | null): number {
  return hourOf(time, part) * 60 + time.minute;
}

function hourOf({ hour, meridiem }: ClockTime, part: DayPart | null): number {
  if (meridiem === 'am') return hour % 12;
  if (meridiem === 'pm') return (hour % 12) + 12;
  if (hour === 0 || hour >= 12) return hour;
  if (part === 'afternoon' || part === 'evening') return hour + 12;
  if (part === 'morning') return hour;
  return hour <= 6 ? hour + 12 : hour;
}

/** The days a window may fall on, in order of preference; the first whose window has not ended wins. */
function candidateDays(ref: DayRef | null, today: CalendarDay): CalendarDay[] {
  // Two days on from today, so a today and a tomorrow both ruled out still leave a day.
  if (!ref || ref.kind === 'today') return [today, addDays(today, 1), addDays(today, 2)];
  switch (ref.kind) {
    case 'in-days':
      return [addDays(today, ref.days)];
    case 'weekday': {
      const dow = weekdayOf(today);
      if (ref.nextWeek) {
        const toNextMonday = 7 - ((dow + 6) % 7);
        const day = addDays(today, toNextMonday + ((ref.weekday + 6) % 7));
        return [day, addDays(day, 7)];
      }
      // The week after is there for a weekday ruled out ("not this saturday, next one") or already over today.
      const ahead = (ref.weekday - dow + 7) % 7;
      return [addDays(today, ahead), addDays(today, ahead + 7)];
    }
    case 'date': {
      const years = ref.year !== null ? [ref.year] : [0, 1, 2, 3, 4].map((n) => today.year + n);
      return years.filter((y) => isRealDay(y, ref.month, ref.day)).map((y) => ({ year: y, month: ref.month, day: ref.day }));
    }
    case 'day-of-month': {
      const months = [0, 1, 2, 3].map((n) => addMonths(today, n));
      return months.filter((m) => isRealDay(m.year, m.month, ref.day)).map((m) => ({ ...m, day: ref.day }));
    }
  }
}

function addMonths(day: CalendarDay, months: number): { year: number; month: number } {
  const index = day.year * 12 + (day.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}
