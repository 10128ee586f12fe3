/**
 * The window of a job the dispatcher books on the phone (the dashboard's "New phone-in job"): a day and a part of
 * the day, read with the booking form's rules (domain/booking-form.ts: 'YYYY-MM-DD' days, up to 60 days ahead,
 * morning / afternoon / evening / any; no day and no part is "as soon as possible"; a window never starts before
 * now). One difference: a part of today that has passed is refused with a field error instead of rolled to
 * tomorrow. The dispatcher is on the line with the customer and can ask again; a job moved to tomorrow without
 * anyone noticing is a customer waiting in vain.
 */
import { DAY_PARTS, PART_HOURS, windowFromForm, type DayPart } from './booking-form';
import type { FieldErrors } from './field-errors';
import type { PickupWindow } from './jobs-document';

export type PhoneInWindow = { readonly ok: true; readonly window: PickupWindow | null } | { readonly ok: false; readonly errors: FieldErrors };

/**
 * The window for the phone-in form's `day` ('YYYY-MM-DD'; absent = today) and `part` (absent = any time).
 * @example phoneInWindow('2026-06-05', 'morning', { now: new Date('2026-06-04T15:00:00Z'), tz: 'America/Chicago' })
 * // { ok: true, window: { start: '2026-06-05T08:00:00-05:00', end: '2026-06-05T12:00:00-05:00' } }
 * @example phoneInWindow(undefined, 'morning', { now: new Date('2026-06-04T19:00:00Z'), tz: 'America/Chicago' })
 * // { ok: false, errors: { part: 'This morning is over (it ended at 12 PM): pick a later part of today, or another day.' } }
 */
export function phoneInWindow(day: unknown, part: unknown, clock: { now: Date; tz: string }): PhoneInWindow {
  const form = windowFromForm(day, part, clock);
  if (!form.ok) return form;
  if (!form.lateForToday) return { ok: true, window: form.window };
  // windowFromForm has checked `part`: it is one of DAY_PARTS or absent (the working day).
  const named = typeof part === 'string' ? part.trim() : '';
  const chosen: DayPart = (DAY_PARTS as readonly string[]).includes(named) ? (named as DayPart) : 'any';
  const end = PART_HOURS[chosen][1];
  const ended = `${end % 12 || 12} ${end < 12 ? 'AM' : 'PM'}`;
  return {
    ok: false,
    errors:
      chosen === 'any'
        ? { day: `Today's working day is over (it ended at ${ended}): pick tomorrow or another day.` }
        : { part: `This ${chosen} is over (it ended at ${ended}): pick a later part of today, or another day.` },
  };
}
