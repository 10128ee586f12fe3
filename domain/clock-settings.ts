/**
 * What the clock sends and when: the day-before reminder, the crew's morning digest, late alerts and review
 * requests. Each is switched off by null. handlers/config.ts builds this from REMINDER_AT, CREW_DIGEST_AT,
 * LATE_AFTER_MIN and REVIEW_URL; the domain only reads it.
 */

export interface ClockSettings {
  /** Minutes past midnight, business time, when tomorrow's customers get their reminder; null = no reminders. */
  readonly reminderAt: number | null;
  /** Minutes past midnight, business time, when each crew member gets the day's digest; null = no digest. */
  readonly crewDigestAt: number | null;
  /** Minutes into a window with nobody on the way before the dispatcher is alerted; null = no late alerts. */
  readonly lateAfterMin: number | null;
  /** The review link texted the day after completion; null = no review requests. */
  readonly reviewUrl: string | null;
}

/** The defaults: reminders at 18:00, digest at 07:00, late after 30 minutes, no review link. */
export const DEFAULT_CLOCK_SETTINGS: ClockSettings = Object.freeze({
  reminderAt: 18 * 60,
  crewDigestAt: 7 * 60,
  lateAfterMin: 30,
  reviewUrl: null,
});

/**
 * "18:00" → 1080 minutes past midnight; null when it is not a 24-hour HH:MM time.
 * @example minutesOfDay('07:30') // 450
 */
export function minutesOfDay(text: string): number | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}
