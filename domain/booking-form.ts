/**
 * The public booking form (/book/<slug>): checking what a customer typed, and booking it. Windows follow the text
 * parser's conventions so a job booked online reads the same as one booked by text.
 */
import type { BusinessContext } from './context';
import { bookedNotifications, type JobChange } from './dispatch';
import { hasErrors, type FieldErrors } from './field-errors';
import { createJob, putJob } from './job';
import type { JobsDocument, PickupWindow } from './jobs-document';
import { toE164 } from './phone';
import { customerSmsOutsideQuietHours, newJobEmails } from './notifications';
import { resolveDayPart } from './parse/day-part-window';
import { wording } from './wording';
import { businessDay, daysBetween, isRealDay, type CalendarDay } from './zoned-date';

export const DAY_PARTS = ['morning', 'afternoon', 'evening', 'any'] as const;
export type DayPart = (typeof DAY_PARTS)[number];

/** Business-time hours [start, end) of each part of the day; "any" (or none chosen) is the working day. */
export const PART_HOURS: Readonly<Record<DayPart, readonly [number, number]>> = Object.freeze({
  morning: [8, 12],
  afternoon: [12, 17],
  evening: [17, 20],
  any: [8, 17],
});

/** How far ahead the form books. */
export const MAX_DAYS_AHEAD = 60;
export const MAX_NAME = 80;
export const MAX_ADDRESS = 200;
export const MIN_ADDRESS = 3;
export const MAX_ITEMS = 500;

/** What the page posts to /api/book (`website` is the honeypot; the route handles it before this). */
export interface BookingInput {
  readonly name?: unknown;
  readonly phone?: unknown;
  readonly address?: unknown;
  readonly day?: unknown;
  readonly part?: unknown;
  readonly items?: unknown;
  readonly website?: unknown;
  /** The page's language ('es' from the Spanish page); texts and the track page follow it. */
  readonly language?: unknown;
}

export interface Booking {
  readonly name: string;
  /** E.164. */
  readonly phone: string;
  readonly address: string;
  /** Null: no day or part chosen, "as soon as possible" as for a text without a time. */
  readonly window: PickupWindow | null;
  readonly items: string | null;
  /** The part of today asked for had passed: the window is tomorrow's (the confirmation text says so). */
  readonly lateForToday?: boolean;
  /** Absent means English. */
  readonly language?: 'en' | 'es';
}

export type BookingResult = { readonly ok: true; readonly booking: Booking } | { readonly ok: false; readonly errors: FieldErrors };

/**
 * Checks a booking form, every field at once, with a message per field a customer understands.
 * @example validateBooking({ name: 'Dana', phone: '(555) 555-0123', address: '12 Oak St' }, { now, tz }) // { ok: true, booking: { phone: '+15555550123', window: null, … } }
 */
export function validateBooking(input: unknown, clock: { now: Date; tz: string }): BookingResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: { body: 'Send the booking as a JSON object.' } };
  }
  const form = input as BookingInput;
  const errors: FieldErrors = {};

  const name = text(form.name);
  if (!name) errors.name = 'Please tell us your name.';
  else if (name.length > MAX_NAME) errors.name = `Keep the name to ${MAX_NAME} characters or fewer.`;

  const phone = toE164(text(form.phone) ?? '');
  if (!phone.ok) errors.phone = phone.error;

  const address = text(form.address);
  if (!address) errors.address = 'Please enter the pickup address.';
  else if (address.length < MIN_ADDRESS) errors.address = 'That address looks too short: include the street and number.';
  else if (address.length > MAX_ADDRESS) errors.address = `Keep the address to ${MAX_ADDRESS} characters or fewer.`;

  const items = text(form.items) ?? null;
  if (items !== null && items.length > MAX_ITEMS) errors.items = `Keep the description to ${MAX_ITEMS} characters or fewer.`;

  const late = { value: false };
  const window = pickupWindow(form.day, form.part, clock, errors, late);

  if (hasErrors(errors) || !name || !phone.ok || !address || window === undefined) return { ok: false, errors };
  // Only the Spanish page says so; a booking without a language is English, as it always was.
  return {
    ok: true,
    booking: { name, phone: phone.phone, address, window, items, lateForToday: late.value, ...(form.language === 'es' ? { language: 'es' as const } : {}) },
  };
}

/** Trimmed text, undefined when absent or blank; anything but a string counts as absent. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The window for a day and part of the day; undefined (with the reason in `errors`) when there is none. No day and
 * no part (or "any") → null, as soon as possible; a part with no day → today, or tomorrow once it has passed
 * (`late` is set, and the confirmation text says so). A window never starts in the past.
 */
function pickupWindow(
  dayInput: unknown,
  partInput: unknown,
  clock: { now: Date; tz: string },
  errors: FieldErrors,
  late: { value: boolean },
): PickupWindow | null | undefined {
  const part = text(partInput);
  if (part !== undefined && !(DAY_PARTS as readonly string[]).includes(part)) {
    errors.part = 'Choose morning, afternoon, evening or any time.';
    return undefined;
  }
  const dayText = text(dayInput);
  if (dayText === undefined && (part === undefined || part === 'any')) return null;

  const today = businessDay(clock.now, clock.tz);
  const day = dayText === undefined ? today : calendarDay(dayText);
  if (day === null) {
    errors.day = 'Pick a date, e.g. 2026-06-04.';
    return undefined;
  }
  const ahead = daysBetween(today, day);
  if (ahead < 0) {
    errors.day = 'That day has passed: pick today or later.';
    return undefined;
  }
  if (ahead > MAX_DAYS_AHEAD) {
    errors.day = `We book up to ${MAX_DAYS_AHEAD} days ahead: pick an earlier day.`;
    return undefined;
  }
  // The texts' rule (domain/parse/day-part-window.ts): a part of today that has passed rolls to the same part
  // tomorrow, never an error; a window never starts before now (2:20 PM "this afternoon" starts at 2:20 PM).
  const resolved = resolveDayPart(day, part === undefined || part === 'any' ? null : (part as Exclude<DayPart, 'any'>), clock.now, clock.tz);
  if (!resolved) {
    errors.day = 'That day has passed: pick today or later.';
    return undefined;
  }
  if (resolved.lateForToday) late.value = true;
  return resolved.window;
}

/** 'YYYY-MM-DD' → a calendar day; null when it is not a real date. */
function calendarDay(value: string): CalendarDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDay(year, month, day) ? { year, month, day } : null;
}

/**
 * Books a checked form: a new job as the customer (via 'web'), the crew's new-job email, and a confirmation text
 * with the tracking link (held in quiet hours: a form sent at 11 PM is confirmed at 08:00).
 * @example bookOnline(doc, booking, ctx).job.location // '12 Oak St'
 */
export function bookOnline(doc: JobsDocument, booking: Booking, ctx: BusinessContext): JobChange {
  const job = createJob(
    doc,
    {
      phone: booking.phone,
      name: booking.name,
      location: booking.address,
      window: booking.window,
      items: booking.items,
      status: 'booking_confirmed',
      by: booking.phone,
      via: 'web',
    },
    ctx,
  );
  const withLanguage = booking.language === 'es' ? { ...job, language: 'es' as const } : job;
  const notify = booking.lateForToday
    ? [...newJobEmails(withLanguage, ctx), customerSmsOutsideQuietHours(withLanguage, 'booked', wording.lateForToday(withLanguage, ctx), ctx)]
    : bookedNotifications(withLanguage, ctx);
  return { ok: true, doc: putJob(doc, withLanguage), notify, job: withLanguage };
}

/**
 * The window for a day and part of the day alone, with the form's rules and messages (the track page's Reschedule,
 * the dashboard's phone-in form).
 * @example windowFromForm('2026-06-05', 'morning', { now, tz }) // { ok: true, window: { start: '2026-06-05T08:00:00-05:00', … } }
 */
export function windowFromForm(
  day: unknown,
  part: unknown,
  clock: { now: Date; tz: string },
):
  | { readonly ok: true; readonly window: PickupWindow | null; readonly lateForToday: boolean }
  | { readonly ok: false; readonly errors: FieldErrors } {
  const errors: FieldErrors = {};
  // A part of today that has passed rolls to tomorrow, as in a booking (the page only offers parts still open);
  // lateForToday says it did, for a caller that would rather refuse (domain/phone-in-window.ts).
  const late = { value: false };
  const window = pickupWindow(day, part, clock, errors, late);
  return window === undefined ? { ok: false, errors } : { ok: true, window, lateForToday: late.value };
}
