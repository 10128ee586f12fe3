/**
 * The dashboard API's request bodies, checked before anything is read or written: unknown fields, wrong types, bad
 * dates and numbers come back as per-field messages the dashboard shows next to its inputs.
 */
import * as z from 'zod';
import type { JobPatch, PhoneBooking } from './dispatch';
import { fieldErrorsFromZod, type FieldErrors } from './field-errors';
import { CREW_ROLES, type PickupWindow } from './jobs-document';
import { phoneInWindow } from './phone-in-window';
import { toE164 } from './phone';
import { STATUS_IDS, type StatusId } from './statuses';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: FieldErrors };

/** Longest notes the dashboard keeps on a job. */
export const MAX_NOTES = 2000;
/** Highest price the dashboard accepts: $100,000 (a typo guard, not a business rule). */
export const MAX_PRICE_CENTS = 10_000_000;

const instant = z.iso
  .datetime({ offset: true, error: 'must be a date and time such as 2026-06-04T17:00:00Z' })
  .transform((value) => new Date(value).toISOString());

const windowSchema = z
  .object({ start: instant, end: instant }, { error: 'must be {start, end} or null (as soon as possible)' })
  // Written so an unreadable start or end (already reported) does not also report the order: NaN compares false.
  .refine((w) => !(Date.parse(w.end) <= Date.parse(w.start)), { message: 'The window must end after it starts.', path: ['end'] });

const location = z
  .string({ error: 'must be text' })
  .trim()
  .min(3, 'Enter the pickup address (at least 3 characters).')
  .max(200, 'Keep the address to 200 characters or fewer.');

const name = z
  .string({ error: 'must be text or null' })
  .trim()
  .max(80, 'Keep the name to 80 characters or fewer.')
  .transform((value) => value || null)
  .nullable();

const notes = z.string({ error: 'must be text' }).max(MAX_NOTES, `Keep notes to ${MAX_NOTES} characters or fewer.`);

const items = z
  .string({ error: 'must be text or null' })
  .trim()
  .max(500, 'Keep the description to 500 characters or fewer.')
  .transform((value) => value || null)
  .nullable();

const slot = z
  .string({ error: 'must be a roster phone number or null' })
  .regex(/^\+[1-9]\d{6,14}$/, 'must be a roster phone number such as +15555550101')
  .nullable()
  .optional();

const patchSchema = z.strictObject(
  {
    window: windowSchema.nullable().optional(),
    location: location.optional(),
    notes: notes.optional(),
    name: name.optional(),
    crew: z
      .strictObject(
        Object.fromEntries(CREW_ROLES.map((role) => [role, slot])) as Record<(typeof CREW_ROLES)[number], typeof slot>,
        { error: 'must be an object like {"driver": "+15555550101"}' },
      )
      .optional(),
    priceCents: z
      .number({ error: 'must be a whole number of cents, or null' })
      .int('must be a whole number of cents')
      .min(1, 'A price must be more than $0.')
      .max(MAX_PRICE_CENTS, 'That price looks too high (over $100,000).')
      .nullable()
      .optional(),
    needsAttention: z.literal(false, { error: 'can only be set to false (dealt with)' }).optional(),
    complaint: z.boolean({ error: 'must be true or false' }).optional(),
  },
  { error: 'Send a JSON object with the fields to change.' },
);

/**
 * The body of PATCH /api/jobs/:id.
 * @example parseJobPatch({ priceCents: 60000 }) // { ok: true, value: { priceCents: 60000 } }
 */
export function parseJobPatch(body: unknown): Parsed<JobPatch> {
  const result = patchSchema.safeParse(body);
  if (!result.success) return { ok: false, errors: fieldErrorsFromZod(result.error.issues) };
  const value = Object.fromEntries(Object.entries(result.data).filter(([, v]) => v !== undefined));
  return { ok: true, value: value as JobPatch };
}

const phoneBookingSchema = z.strictObject(
  {
    phone: z.string({ error: "Enter the customer's mobile number." }),
    name: name.optional(),
    location,
    window: windowSchema.nullable().optional(),
    // The form's day ('YYYY-MM-DD') and part of the day, read by domain/phone-in-window.ts.
    day: z.string({ error: 'must be a date such as 2026-06-04' }).optional(),
    part: z.string({ error: 'must be morning, afternoon, evening or any' }).optional(),
    notes: notes.optional(),
    items: items.optional(),
  },
  { error: 'Send a JSON object: {phone, location, name?, day?, part?, window?, notes?, items?}.' },
);

/**
 * The body of POST /api/jobs (a booking taken on the phone). The phone may be typed any usual way. The time is
 * either `window` ({start, end}, as the drawer edits it) or the form's `day` and `part` (read on `clock`, in the
 * business zone: a part of today that has passed is refused); neither is "as soon as possible".
 * @example parsePhoneBooking({ phone: '(555) 555-0123', location: '12 Oak St', day: '2026-06-05', part: 'morning' }, { now, tz }) // { ok: true, value: { phone: '+15555550123', window: { start: '2026-06-05T08:00:00-05:00', … }, … } }
 */
export function parsePhoneBooking(body: unknown, clock: { now: Date; tz: string }): Parsed<PhoneBooking> {
  const result = phoneBookingSchema.safeParse(body);
  const errors: FieldErrors = result.success ? {} : fieldErrorsFromZod(result.error.issues);
  const typed = (body as { phone?: unknown } | null)?.phone;
  const phone = typeof typed === 'string' ? toE164(typed) : null;
  if (phone && !phone.ok) errors.phone ??= phone.error;
  // The time is checked even when another field is wrong, so the form shows every problem at once.
  const window = bookingWindow(result.success ? result.data : (isObject(body) ? body : {}), clock, errors);
  if (!result.success || !phone?.ok || window === undefined) return { ok: false, errors };
  const data = result.data;
  return {
    ok: true,
    value: {
      phone: phone.phone,
      name: data.name ?? null,
      location: data.location,
      window,
      notes: data.notes ?? '',
      items: data.items ?? null,
    },
  };
}

/** The booking's window from `window` or from `day` and `part`; undefined (with the reason in `errors`) when there is none. */
function bookingWindow(
  data: { window?: unknown; day?: unknown; part?: unknown },
  clock: { now: Date; tz: string },
  errors: FieldErrors,
): PickupWindow | null | undefined {
  if (data.window !== undefined && (data.day !== undefined || data.part !== undefined)) {
    errors.window = 'Send either a window or a day and part of the day, not both.';
    return undefined;
  }
  // A well-formed window has been checked by the schema (a bad one is already in `errors`).
  if (data.window !== undefined) return data.window as PickupWindow | null;
  const chosen = phoneInWindow(data.day, data.part, clock);
  if (chosen.ok) return chosen.window;
  for (const [field, message] of Object.entries(chosen.errors)) errors[field] ??= message;
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const statusSchema = z.strictObject(
  { status: z.enum(STATUS_IDS, { error: `must be one of ${STATUS_IDS.join(', ')}` }) },
  { error: 'Send a JSON object: {"status": "en_route"}.' },
);

/** The body of POST /api/jobs/:id/status. @example parseStatusChange({ status: 'en_route' }) // { ok: true, value: 'en_route' } */
export function parseStatusChange(body: unknown): Parsed<StatusId> {
  const result = statusSchema.safeParse(body);
  return result.success ? { ok: true, value: result.data.status } : { ok: false, errors: fieldErrorsFromZod(result.error.issues) };
}
