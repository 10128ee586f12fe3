import { parseText } from '../../../domain/parse/parse-text';

export const TZ = 'America/Chicago';
/** Thursday 2026-06-04 in Chicago: morning, afternoon and night (after 21:00) arrivals. */
export const HOURS = {
  morning: new Date('2026-06-04T09:30:00-05:00'),
  afternoon: new Date('2026-06-04T14:10:00-05:00'),
  night: new Date('2026-06-04T22:40:00-05:00'),
} as const;
export const AT_EVERY_HOUR = Object.entries(HOURS) as Array<[keyof typeof HOURS, Date]>;

export const customer = (text: string, now: Date = HOURS.morning) => parseText(text, { now, tz: TZ, role: 'customer' });

/** A window in Chicago in June 2026 (UTC-5): day of month, 'HH:MM' start and end. */
export const june = (d: string, from: string, to: string) => ({
  start: `2026-06-${d}T${from}:00-05:00`,
  end: `2026-06-${d}T${to}:00-05:00`,
});
