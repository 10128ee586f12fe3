/**
 * Limits on the public booking form that must hold across every server, so they are counted from jobs.json itself
 * (inside the booking's own compare-and-swap write) rather than in one process's memory:
 *  - bookings per phone number per hour (nobody texts a stranger over and over);
 *  - confirmation texts per hour, all clients together (BOOKING_TEXTS_PER_HOUR): past it a booking still lands,
 *    but its confirmation text waits for the dispatcher (SMS pumping cannot run up the bill).
 * Counting what was written also means a booking that failed on our side used up nobody's quota.
 */
import { bookOnline, type Booking } from './booking-form';
import type { BusinessContext } from './context';
import type { JobChange } from './dispatch';
import { putJob } from './job';
import type { Job, JobsDocument } from './jobs-document';

export const HOUR_MS = 3600_000;
/** Booking-form bookings one phone number may make in an hour. */
export const BOOKINGS_PER_PHONE_PER_HOUR = 3;

export interface BookingLimits {
  /** BOOKING_TEXTS_PER_HOUR: confirmation texts the form may send in any hour. */
  readonly textsPerHour: number;
  /**
   * Whether the per-phone limit applies (default true). False for a booking that was parked and already answered
   * 202 with its tracking link: it is booked (its text still counts against textsPerHour).
   */
  readonly perPhone?: boolean;
}

export type LimitedBooking =
  | (JobChange & { readonly held: boolean })
  | { readonly ok: false; readonly problem: 'phone_limit'; readonly retryAfterSeconds: number };

/**
 * Books a checked form unless its phone already booked BOOKINGS_PER_PHONE_PER_HOUR times in the last hour. When the
 * form's confirmation texts in the last hour have reached `limits.textsPerHour`, the job is booked with
 * `confirmationHeld` and no text (the crew email still goes).
 * @example bookWithinLimits(doc, booking, ctx, { textsPerHour: 30 }).ok // true
 */
export function bookWithinLimits(doc: JobsDocument, booking: Booking, ctx: BusinessContext, limits: BookingLimits): LimitedBooking {
  const recent = formBookingsSince(doc, ctx.now.getTime() - HOUR_MS);
  const samePhone = recent.filter((job) => job.customer.phone === booking.phone);
  if (limits.perPhone !== false && samePhone.length >= BOOKINGS_PER_PHONE_PER_HOUR) {
    const oldest = Date.parse(samePhone[samePhone.length - BOOKINGS_PER_PHONE_PER_HOUR]!.createdAt);
    return { ok: false, problem: 'phone_limit', retryAfterSeconds: Math.max(1, Math.ceil((oldest + HOUR_MS - ctx.now.getTime()) / 1000)) };
  }
  const booked = bookOnline(doc, booking, ctx);
  const textsSent = recent.filter((job) => !job.confirmationHeld).length;
  if (textsSent < limits.textsPerHour) return { ...booked, held: false };
  const job: Job = { ...booked.job, confirmationHeld: true };
  const notify = booked.notify.filter((item) => item.channel !== 'sms');
  return { ok: true, doc: putJob(doc, job), notify, job, held: true };
}

/** Jobs booked through the form after `sinceMs` (one booked exactly an hour ago has left the hour), oldest first. */
function formBookingsSince(doc: JobsDocument, sinceMs: number): Job[] {
  return Object.values(doc.jobs)
    .filter((job) => job.history[0]?.via === 'web' && Date.parse(job.createdAt) > sinceMs)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
