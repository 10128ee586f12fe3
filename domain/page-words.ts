/**
 * Times, windows and the business phone as the customer pages show them, in the customer's language. Computed on
 * the server in the business zone (the phone's zone may differ), so the pages only set text. English windows are
 * the texts' own words (describeWindow); Spanish ones follow the same rules in Spanish.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
// The 'max' metadata, as domain/phone.ts: one copy of libphonenumber's metadata in the Lambda bundle, not two.
import { describeWindow } from './describe-window';
import { businessDay, daysBetween, wallClock } from './zoned-date';

export type PageLanguage = 'en' | 'es';

const ES_WEEKDAYS = ['dom', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb'];
const ES_MONTHS = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'];

/**
 * A pickup window in words.
 * @example windowInWords({ start: '2026-06-04T12:00:00-05:00', end: '2026-06-04T17:00:00-05:00' }, new Date('2026-06-04T14:30:00Z'), 'America/Chicago', 'es')
 * // 'Hoy, de 12 a 5 p. m.'
 */
export function windowInWords(window: { start: string; end: string } | null, now: Date, tz: string, language: PageLanguage): string {
  if (language === 'en') {
    return describeWindow(window, now, tz);
  }
  if (!window) return 'lo antes posible';
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  return `${spanishDay(start, now, tz)}, ${spanishRange(start, end, tz)}`;
}

/**
 * A clock time in the business zone.
 * @example clockInWords('2026-06-04T19:40:00Z', 'America/Chicago', 'en') // '2:40 PM'
 * @example clockInWords('2026-06-04T19:40:00Z', 'America/Chicago', 'es') // '2:40 p. m.'
 */
export function clockInWords(iso: string, tz: string, language: PageLanguage): string {
  const { hour, minute } = wallClock(Date.parse(iso), tz);
  const clock = `${hour % 12 || 12}:${String(minute).padStart(2, '0')}`;
  return `${clock} ${meridiem(hour, language)}`;
}

/**
 * A day and time, for receipts: "Thu, Jun 4, 2:40 PM" / "jue 4 jun, 2:40 p. m.".
 * @example dateTimeInWords('2026-06-04T19:40:00Z', 'America/Chicago', 'en') // 'Thu, Jun 4, 2026, 2:40 PM'
 */
export function dateTimeInWords(iso: string, tz: string, language: PageLanguage): string {
  const instant = Date.parse(iso);
  const day = businessDay(new Date(instant), tz);
  const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
  if (language === 'es') {
    return `${ES_WEEKDAYS[weekday]} ${day.day} ${ES_MONTHS[day.month - 1]} ${day.year}, ${clockInWords(iso, tz, 'es')}`;
  }
  const en = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' });
  return `${en.format(new Date(Date.UTC(day.year, day.month - 1, day.day, 12)))}, ${day.year}, ${clockInWords(iso, tz, 'en')}`;
}

/**
 * The business number as people write it: national form for US numbers, international otherwise.
 * @example phoneForPeople('+15555550100') // '(555) 555-0100'
 */
export function phoneForPeople(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === 'US' || parsed.countryCallingCode === '1' ? parsed.formatNational() : parsed.formatInternational();
}

function meridiem(hour: number, language: PageLanguage): string {
  if (language === 'es') return hour < 12 ? 'a. m.' : 'p. m.';
  return hour < 12 ? 'AM' : 'PM';
}

function spanishDay(start: number, now: Date, tz: string): string {
  const today = businessDay(now, tz);
  const day = businessDay(new Date(start), tz);
  const ahead = daysBetween(today, day);
  if (ahead === 0) return 'Hoy';
  if (ahead === 1) return 'Mañana';
  const weekday = ES_WEEKDAYS[new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay()] ?? '';
  const label = `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)} ${day.day} ${ES_MONTHS[day.month - 1]}`;
  return day.year !== today.year && ahead > 183 ? `${label} ${day.year}` : label;
}

function spanishRange(start: number, end: number, tz: string): string {
  const a = wallClock(start, tz);
  const b = wallClock(end, tz);
  const clock = ({ hour, minute }: { hour: number; minute: number }) =>
    `${hour % 12 || 12}${minute ? `:${String(minute).padStart(2, '0')}` : ''}`;
  if ((a.hour < 12) === (b.hour < 12) && end - start < 12 * 3600_000) return `de ${clock(a)} a ${clock(b)} ${meridiem(b.hour, 'es')}`;
  return `de ${clock(a)} ${meridiem(a.hour, 'es')} a ${clock(b)} ${meridiem(b.hour, 'es')}`;
}
