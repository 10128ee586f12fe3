/**
 * A pickup window in Spanish words for customer texts: "hoy, 12-5 PM", "mañana, 8 AM-12 PM", "sáb 6 jun, 8 AM-5 PM";
 * no window → "lo antes posible". The clock is written as in the English texts (US Spanish speakers read AM/PM);
 * the day names and months are Spanish. Customer texts pass through toGsm7 afterwards (sáb → sab, mié → mie).
 */
import { timeRange } from './describe-window';
import { businessDay, daysBetween } from './zoned-date';

const WEEKDAYS = ['dom', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb'];
const MONTHS = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];

/**
 * @example describeWindowEs({ start: '2026-06-05T08:00:00-05:00', end: '2026-06-05T12:00:00-05:00' }, new Date('2026-06-04T14:30:00Z'), 'America/Chicago')
 * // 'mañana, 8 AM–12 PM' (the en dash becomes '-' in texts)
 */
export function describeWindowEs(window: { start: string; end: string } | null, now: Date, tz: string): string {
  if (!window) return 'lo antes posible';
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  return `${dayLabelEs(start, now, tz)}, ${timeRange(start, end, tz)}`;
}

function dayLabelEs(start: number, now: Date, tz: string): string {
  const today = businessDay(now, tz);
  const day = businessDay(new Date(start), tz);
  const ahead = daysBetween(today, day);
  if (ahead === 0) return 'hoy';
  if (ahead === 1) return 'mañana';
  if (ahead === 2) return 'pasado mañana';
  const weekday = WEEKDAYS[new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay()];
  const label = `${weekday} ${day.day} ${MONTHS[day.month - 1]}`;
  return day.year !== today.year && ahead > 183 ? `${label} ${day.year}` : label;
}
