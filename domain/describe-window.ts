/**
 * A pickup window in words for texts and pages: "Today, 12–5 PM", "Tomorrow, 8 AM–12 PM", "Sat, Jun 6, 8 AM–5 PM",
 * "Today, 3:30–5:30 PM"; no window → "as soon as possible". Pure: the day and clock are read in `tz`, never in the
 * machine's zone. An en dash separates the times; the meridiem is written once when both ends share it.
 * A date more than half a year ahead in another year also gets the year ("Thu, Jun 10, 2027, 8 AM–5 PM").
 */
import { businessDay, daysBetween, wallClock } from './zoned-date';

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * @example describeWindow({ start: '2026-06-04T12:00:00-05:00', end: '2026-06-04T17:00:00-05:00' }, new Date('2026-06-04T14:30:00Z'), 'America/Chicago')
 * // 'Today, 12–5 PM'
 * @example describeWindow(null, new Date(), 'America/Chicago') // 'as soon as possible'
 */
export function describeWindow(window: { start: string; end: string } | null, now: Date, tz: string): string {
  if (!window) return 'as soon as possible';
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  if (Number.isNaN(start) || Number.isNaN(end)) {
    // A stored window is validated on write; reaching this is a programming error, not a customer's typo.
    throw new RangeError(`describeWindow: not an ISO date-time: ${JSON.stringify(window)}`);
  }
  return `${dayLabel(start, now, tz)}, ${timeRange(start, end, tz)}`;
}

function dayLabel(start: number, now: Date, tz: string): string {
  const today = businessDay(now, tz);
  const day = businessDay(new Date(start), tz);
  const ahead = daysBetween(today, day);
  if (ahead === 0) return 'Today';
  if (ahead === 1) return 'Tomorrow';
  const weekday = WEEKDAY_NAMES[new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay()];
  const label = `${weekday}, ${MONTH_NAMES[day.month - 1]} ${day.day}`;
  return day.year !== today.year && ahead > 183 ? `${label}, ${day.year}` : label;
}

/** "12–5 PM", "8 AM–12 PM" in `tz` (shared with the Spanish wording). */
export function timeRange(start: number, end: number, tz: string): string {
  const a = wallClock(start, tz);
  const b = wallClock(end, tz);
  const meridiem = (hour: number) => (hour < 12 ? 'AM' : 'PM');
  const clock = ({ hour, minute }: { hour: number; minute: number }) =>
    `${hour % 12 || 12}${minute ? `:${String(minute).padStart(2, '0')}` : ''}`;
  if (meridiem(a.hour) === meridiem(b.hour) && end - start < 12 * 3600_000) {
    return `${clock(a)}–${clock(b)} ${meridiem(b.hour)}`;
  }
  return `${clock(a)} ${meridiem(a.hour)}–${clock(b)} ${meridiem(b.hour)}`;
}
