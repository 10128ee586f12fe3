/**
 * What the dispatcher does from the dashboard: move a job along the status table, edit it, book one taken by phone.
 * Pure, like the text handlers: each returns the next document and the notifications the change causes; the route
 * enqueues them in the same compare-and-swap write and delivers after.
 *
 * The notifications are the ones the same change made by text causes, with the same outbox keys: a job marked
 * en route both by a crew text and on the board texts the customer once.
 */
import type { BusinessContext } from './context';
import { findCrewByPhone, type CrewMember } from './crew';
import { assignedNotices, cancelledUnderWayTexts } from './crew-alerts';
import { InvalidTransitionError } from './errors';
import type { FieldErrors } from './field-errors';
import { hasErrors } from './field-errors';
import { createJob, putJob, sameWindow, transition } from './job';
import { CREW_ROLES, type CrewRole, type Job, type JobsDocument, type PickupWindow } from './jobs-document';
import { customerSms, customerSmsOutsideQuietHours, crewOnJob, jobLabel, newJobEmails, rescheduleEmails } from './notifications';
import type { NewOutboxItem } from './outbox';
import { isOpenStatus, type StatusId } from './statuses';
import { wording } from './wording';

/** A change made: the next document (the same object when nothing changed), what to notify, the job as it is now. */
export interface JobChange {
  readonly ok: true;
  readonly doc: JobsDocument;
  readonly notify: NewOutboxItem[];
  readonly job: Job;
}
export interface JobNotFound {
  readonly ok: false;
  readonly problem: 'not_found';
}
export interface JobChangeInvalid {
  readonly ok: false;
  readonly problem: 'invalid';
  readonly errors: FieldErrors;
}

const NOT_FOUND: JobNotFound = { ok: false, problem: 'not_found' };
const DISPATCHER = { by: 'dispatcher', via: 'dashboard' } as const;

/**
 * Moves a job as the dispatcher. Throws InvalidTransitionError with the status table's reason for a move it does
 * not allow. En route and completed text the customer as a crew text would (any hour: the crew is really on the
 * way); a cancellation is the business's decision, so its text waits out quiet hours, and the crew on it get email.
 * @example moveJob(doc, 'job_1', 'en_route', ctx).notify[0]?.key // 'job_1:en_route:sms'
 */
export function moveJob(doc: JobsDocument, jobId: string, status: StatusId, ctx: BusinessContext): JobChange | JobNotFound {
  const current = doc.jobs[jobId];
  if (!current) return NOT_FOUND;
  const moved = transition(current, status, DISPATCHER, ctx.now);
  if (!moved.ok) throw new InvalidTransitionError(moved.reason);
  const job = moved.job;
  const crewTexts = status === 'cancelled' ? cancelledUnderWayTexts(current, 'dispatcher', ctx) : [];
  return { ok: true, doc: putJob(doc, job), notify: [...moveNotifications(job, ctx), ...crewTexts], job };
}

function moveNotifications(job: Job, ctx: BusinessContext): NewOutboxItem[] {
  switch (job.status) {
    case 'en_route': {
      const driver = job.crew.driver ? findCrewByPhone(ctx.crew, job.crew.driver) : undefined;
      return [customerSms(job, 'en_route', wording.customerEnRoute(job, driver?.name ?? null, ctx))];
    }
    case 'completed':
      return [customerSms(job, 'completed', wording.customerCompleted(job, ctx))];
    case 'cancelled':
      return [
        customerSmsOutsideQuietHours(job, 'cancelled', wording.customerCancelledByDispatcher(job, ctx), ctx),
        ...dispatcherCancelledEmails(job, ctx),
      ];
    default:
      return [];
  }
}

/**
 * Email to the crew holding a job the dispatcher cancelled. Same keys as notifications.customerCancelledEmails (a job
 * is cancelled once), but it says who cancelled: that one's body reads "The customer cancelled".
 */
function dispatcherCancelledEmails(job: Job, ctx: BusinessContext): NewOutboxItem[] {
  const subject = `Cancelled: ${jobLabel(job)}`;
  const body = `The dispatcher cancelled pickup ${job.code} at ${job.location ?? '(no address)'}. No need to go.`;
  return crewOnJob(job, ctx)
    .filter((member): member is CrewMember & { email: string } => member.email !== null)
    .map((member) => ({
      key: `${job.id}:cancelled:email:${member.phone}`,
      channel: 'email' as const,
      to: member.email,
      subject,
      body,
      jobId: job.id,
    }));
}

/** What the dashboard may change on a job; absent fields stay as they are. Shapes checked by dispatch-input.ts. */
export interface JobPatch {
  readonly window?: PickupWindow | null;
  readonly location?: string;
  readonly notes?: string;
  readonly name?: string | null;
  readonly crew?: Partial<Record<CrewRole, string | null>>;
  /** A price texts the customer a quote to confirm with YES; null withdraws the quote and clears the price. */
  readonly priceCents?: number | null;
  /** The dispatcher has dealt with the text the bot could not act on. */
  readonly needsAttention?: false;
  /** The customer complained: no review request is sent for this job (review-requests.ts). */
  readonly complaint?: boolean;
}

/** Fields that only make sense on an open job (they would text a quote or email crew about a finished one). */
const OPEN_ONLY = ['window', 'location', 'crew', 'priceCents'] as const;

/**
 * Edits a job as the dispatcher. A new price becomes a pending quote texted to the customer (held in quiet hours);
 * a new time or place emails the crew on the job. Crew slots take any roster member, whatever their listed roles.
 * @example patchJob(doc, 'job_1', { priceCents: 60000 }, ctx).notify[0]?.body // 'Your quote is $600 all-in. …'
 */
export function patchJob(
  doc: JobsDocument,
  jobId: string,
  patch: JobPatch,
  ctx: BusinessContext,
): JobChange | JobNotFound | JobChangeInvalid {
  const current = doc.jobs[jobId];
  if (!current) return NOT_FOUND;
  const errors = patchProblems(current, patch, ctx);
  if (hasErrors(errors)) return { ok: false, problem: 'invalid', errors };

  const at = ctx.now.toISOString();
  const notify: NewOutboxItem[] = [];
  let job: Job = {
    ...current,
    window: patch.window !== undefined ? patch.window : current.window,
    location: patch.location ?? current.location,
    notes: patch.notes ?? current.notes,
    customer: patch.name !== undefined ? { ...current.customer, name: patch.name } : current.customer,
    crew: { ...current.crew, ...definedSlots(patch.crew) },
    needsAttention: patch.needsAttention === false ? false : current.needsAttention,
    complaint: patch.complaint ?? current.complaint,
  };
  if (patch.priceCents === null) {
    job = { ...job, priceCents: null, quote: null };
  } else if (patch.priceCents !== undefined && !alreadyPriced(current, patch.priceCents)) {
    job = { ...job, quote: { amountCents: patch.priceCents, by: 'dispatcher', at, state: 'pending' } };
    // The quote time is in the key, as for a crew quote: a new quote is a new text, a retried write is not.
    notify.push(customerSmsOutsideQuietHours(job, `quote:${at}`, wording.customerQuote(job, patch.priceCents, ctx), ctx));
  }
  if (JSON.stringify(job) === JSON.stringify(current)) return { ok: true, doc, notify: [], job: current };
  job = { ...job, updatedAt: at };
  // Crew the dispatcher puts on the job hear about it by text and email.
  notify.push(...assignedNotices(current, job, `dash-v${doc.version + 1}`, ctx));
  if (!sameWindow(current.window, job.window) || current.location !== job.location) {
    // The write's version names the change: unique per write, and the same if this pure change is re-run.
    notify.push(...rescheduleEmails(job, `dash-v${doc.version + 1}`, ctx));
    // The customer hears about a change they did not ask for (dispatcher-caused: quiet hours apply).
    notify.push(customerSmsOutsideQuietHours(job, `reschedule:dash-v${doc.version + 1}`, wording.updated(job, ctx), ctx));
  }
  return { ok: true, doc: putJob(doc, job), notify, job };
}

function patchProblems(job: Job, patch: JobPatch, ctx: BusinessContext): FieldErrors {
  const errors: FieldErrors = {};
  if (!isOpenStatus(job.status)) {
    const state = job.status === 'cancelled' ? 'was cancelled' : 'is already completed';
    for (const field of OPEN_ONLY) {
      if (patch[field] !== undefined) errors[field] = `${job.code} ${state}: only the name, notes and attention mark can change.`;
    }
  }
  for (const role of CREW_ROLES) {
    const phone = patch.crew?.[role];
    if (phone && !findCrewByPhone(ctx.crew, phone)) {
      errors[`crew.${role}`] = `${phone} is not on the crew roster; add them under Crew first.`;
    }
  }
  if (patch.window && Date.parse(patch.window.end) <= Date.parse(patch.window.start)) {
    errors['window.end'] = 'The window must end after it starts.';
  }
  return errors;
}

/** The price is already this: the pending quote's amount, or an accepted price with no newer quote. */
function alreadyPriced(job: Job, cents: number): boolean {
  if (job.quote?.state === 'pending') return job.quote.amountCents === cents;
  return job.priceCents === cents;
}

function definedSlots(crew: JobPatch['crew']): Partial<Record<CrewRole, string | null>> {
  if (!crew) return {};
  return Object.fromEntries(CREW_ROLES.filter((role) => crew[role] !== undefined).map((role) => [role, crew[role]]));
}

/** A booking the dispatcher took on the phone, already checked (dispatch-input.ts). */
export interface PhoneBooking {
  readonly phone: string;
  readonly name: string | null;
  readonly location: string;
  readonly window: PickupWindow | null;
  readonly notes: string;
  readonly items: string | null;
}

/**
 * A job booked by phone: the crew get the new-job email, the customer a confirmation text with the tracking link
 * (held in quiet hours: the customer did not just text us, so a late-evening booking is confirmed at 08:00).
 * @example bookByPhone(doc, { phone: '+15555550123', name: 'Dana', location: '12 Oak St', window: null, notes: '', items: null }, ctx).job.status // 'booking_confirmed'
 */
export function bookByPhone(doc: JobsDocument, booking: PhoneBooking, ctx: BusinessContext): JobChange {
  const created = createJob(doc, { ...booking, status: 'booking_confirmed', ...DISPATCHER }, ctx);
  const job: Job = { ...created, notes: booking.notes };
  return { ok: true, doc: putJob(doc, job), notify: bookedNotifications(job, ctx), job };
}

/** A new job's notifications, shared by phone-in and online bookings: crew email + customer confirmation text. */
export function bookedNotifications(job: Job, ctx: BusinessContext): NewOutboxItem[] {
  return [...newJobEmails(job, ctx), customerSmsOutsideQuietHours(job, 'booked', wording.booked(job, ctx), ctx)];
}
