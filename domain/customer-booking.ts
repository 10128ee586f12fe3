/**
 * Booking by text: a new job (only once the address is known; until then the details wait in the pending
 * booking), a change to an open job, and the question between the two ("New pickup, or change your 14 Oak St
 * pickup to 20 Cedar Ave? Reply NEW or CHANGE").
 */
import type { BusinessContext } from './context';
import { changeAskedUnderWayTexts } from './crew-alerts';
import type { InboundText, Step } from './inbound';
import { createJob, putJob, sameWindow, transition } from './job';
import type { Job, JobsDocument, PendingBooking, Photo } from './jobs-document';
import { dispatcherAttentionEmail, newJobEmails, rescheduleEmails } from './notifications';
import type { NewOutboxItem } from './outbox';
import type { ParsedText } from './parse/parse-text';
import { appendNotes, itemsText, joinItems, mergePending, withPending } from './pending-booking';
import { wording, type Language } from './wording';

/** One customer text, with what the conversation knows about the sender. */
export interface Turn {
  readonly doc: JobsDocument;
  readonly parsed: ParsedText;
  readonly text: InboundText;
  readonly ctx: BusinessContext;
  /** The sender's open jobs, newest first (already in `language`). */
  readonly opens: readonly Job[];
  readonly pending: PendingBooking | null;
  readonly language: Language;
}

/** The photos of this text, as they will sit on a job. */
export function photosOf(text: InboundText, at: string): Photo[] {
  return text.media.map((media) => ({ url: media.url, contentType: media.contentType, from: text.from, at, messageSid: text.sid, kind: 'customer' }));
}

/**
 * A booking: creates the job when the address is known (from this text or the pending booking), else keeps what
 * was said and asks for the address. The pending booking's photos go on the job; this text's photos are added by
 * the engine when it records the message.
 */
export function bookOrAsk(turn: Turn): Step {
  const { doc, parsed, text, ctx } = turn;
  const base = turn.pending && turn.pending.question === null ? turn.pending : null;
  const location = parsed.location ?? base?.location ?? null;
  if (!location) {
    const photos = photosOf(text, ctx.now.toISOString());
    const pending = mergePending(base, parsed, photos, turn.language, ctx.now);
    // Photos are now in the pending booking: recorded there, not in the unmatched log as a count.
    return { doc: withPending(doc, text.from, pending, ctx.now), reply: wording.askAddress(pending.window, ctx, turn.language), notify: [], jobId: null };
  }
  const details = mergePending(base, parsed, [], turn.language, ctx.now);
  return createFromDetails(turn, { ...details, location });
}

/** Creates the job from everything known, forgets the pending booking, and says what was booked. */
export function createFromDetails(turn: Turn, details: PendingBooking & { location: string }): Step {
  const { doc, text, ctx } = turn;
  const created = createJob(
    doc,
    {
      phone: text.from,
      name: details.name,
      location: details.location,
      window: details.window,
      items: details.items,
      status: details.itemsReady ? 'ready_for_pickup' : 'booking_confirmed',
      by: text.from,
      via: 'sms',
    },
    ctx,
  );
  const job: Job = { ...created, notes: appendNotes('', details.notes), photos: details.photos, language: turn.language };
  const next = withPending(putJob(doc, job), text.from, null, ctx.now);
  const reply = turn.parsed.lateForToday ? wording.lateForToday(job, ctx) : wording.booked(job, ctx);
  return { doc: next, reply, notify: newJobEmails(job, ctx), jobId: job.id };
}

/** A different address than the open job's, with no "also" or "instead": ask, and remember the new details. */
export function askNewOrChange(turn: Turn, job: Job, location: string): Step {
  const { doc, parsed, text, ctx } = turn;
  const held = mergePending(null, parsed, photosOf(text, ctx.now.toISOString()), turn.language, ctx.now);
  const pending: PendingBooking = { ...held, location, question: { kind: 'new-or-change', jobId: job.id } };
  return { doc: withPending(doc, text.from, pending, ctx.now), reply: wording.askNewOrChange(job, location), notify: [], jobId: null };
}

/** The answer to NEW or CHANGE: a new job from the held details, or the held details applied to the open job. */
export function answerNewOrChange(turn: Turn, answer: 'new' | 'change'): Step | null {
  const pending = turn.pending;
  if (!pending || pending.question?.kind !== 'new-or-change' || !pending.location) return null;
  const location = pending.location;
  if (answer === 'new') return createFromDetails(turn, { ...pending, location, question: null });
  const job = turn.opens.find((open) => open.id === (pending.question as { jobId: string }).jobId);
  if (!job) return createFromDetails(turn, { ...pending, location, question: null });
  const cleared: Turn = { ...turn, doc: withPending(turn.doc, turn.text.from, null, turn.ctx.now) };
  return changeJob(cleared, job, { window: pending.window, location, items: pending.items, notes: pending.notes, itemsReady: pending.itemsReady }, pending.photos);
}

export interface JobChanges {
  readonly window: Job['window'];
  readonly location: string | null;
  readonly items: string | null;
  readonly notes: readonly string[];
  readonly itemsReady: boolean;
}

/** The changes a text asks of an open job. */
export function changesOf(parsed: ParsedText): JobChanges {
  return { window: parsed.window, location: parsed.location, items: itemsText(parsed.items), notes: parsed.notes, itemsReady: parsed.itemsReady };
}

/**
 * Changes an open job's time, address, items or notes (never while the crew is on the way or loading: a person
 * handles that) and tells the crew on it when the time or place moved.
 */
export function changeJob(turn: Turn, open: Job, changes: JobChanges, photos: readonly Photo[] = []): Step {
  const { doc, text, ctx } = turn;
  if (open.status === 'en_route' || open.status === 'in_progress') {
    return {
      doc,
      reply: wording.crewBusy(open, ctx),
      notify: [...dispatcherAttentionEmail(text, open, ctx), ...changeAskedUnderWayTexts(open, text, ctx)],
      jobId: open.id,
      needsAttention: true,
    };
  }
  let job: Job = {
    ...open,
    window: changes.window ?? open.window,
    location: changes.location ?? open.location,
    items: joinItems(open.items, changes.items),
    notes: appendNotes(open.notes, changes.notes),
    photos: [...open.photos, ...photos],
    updatedAt: ctx.now.toISOString(),
  };
  if (changes.itemsReady && job.status === 'booking_confirmed') {
    const moved = transition(job, 'ready_for_pickup', { by: text.from, via: 'sms' }, ctx.now);
    if (moved.ok) job = moved.job;
  }
  // By value: a text repeating the time it is booked for ("tomorrow morning still works") moves nothing.
  const moved = !sameWindow(job.window, open.window) || job.location !== open.location;
  const notify: NewOutboxItem[] = moved ? rescheduleEmails(job, text.sid, ctx) : [];
  const reply = turn.parsed.lateForToday && changes.window ? wording.lateForToday(job, ctx) : wording.updated(job, ctx);
  return { doc: putJob(doc, job), reply, notify, jobId: job.id };
}
