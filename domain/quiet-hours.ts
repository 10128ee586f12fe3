/**
 * Quiet hours: nothing but replies and crew-action texts reach customers between 21:00 and 08:00 business time.
 */
import { TZDate } from '@date-fns/tz';

export const QUIET_START_HOUR = 21;
export const QUIET_END_HOUR = 8;

/** @example isQuietTime(new Date('2026-06-05T03:00:00Z'), 'America/Chicago') // true (22:00 in Chicago) */
export function isQuietTime(now: Date, tz: string): boolean {
  const hour = new TZDate(now.getTime(), tz).getHours();
  return hour >= QUIET_START_HOUR || hour < QUIET_END_HOUR;
}

/**
 * When a held customer text may go: `now` outside quiet hours, else the next 08:00 business time.
 * @example quietHoursRelease(new Date('2026-06-05T03:00:00Z'), 'America/Chicago') // 2026-06-05T13:00:00.000Z
 */
export function quietHoursRelease(now: Date, tz: string): Date {
  if (!isQuietTime(now, tz)) return now;
  const local = new TZDate(now.getTime(), tz);
  const release = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), QUIET_END_HOUR, 0, 0, tz);
  if (local.getHours() >= QUIET_START_HOUR) release.setDate(release.getDate() + 1);
  return new Date(release.getTime());
}
