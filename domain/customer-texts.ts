/**
 * What a customer's text does to their job: book, reschedule, ask, cancel, confirm a quote, or reach a dispatcher.
 */
import type { BusinessContext } from './context';
import type { InboundText, Step } from './inbound';
import { createJob, findOpenJobForPhone, putJob, transition } from './job';
import type { Job, JobsDocument } from './jobs-document';
import {
  customerCancelledEmails,
  dispatcherAttentionEmail,
  newJobEmails,
  rescheduleEmails,
} from './notifications';
import type { NewOutboxItem } from './outbox';
import type { ParsedText } from './parse/parse-text';
import { clockWording } from './clock-wording';
import { awaitsReminderYes, confirmVisit } from './reminders';
import { formatDollars, wording } from './wording';

/**
 * Handles one customer text (already parsed; opt-out keywords handled before this).
 * @example handleCustomerText(doc, parsed, text, ctx).reply // 'Thanks! QuickDumpNow has you down for …'
 */
export function handleCustomerText(doc: JobsDocument, parsed: ParsedText, text: InboundText, ctx: BusinessContext): Step {
  const open = findOpenJobForPhone(doc, text.from);
  const photoOnly = text.body.trim() === '' && text.media.length > 0;
  if (photoOnly) return { doc, reply: wording.photoThanks(text.media.length, open, ctx), notify: [], jobId: open?.id ?? null };

  switch (parsed.intent) {
    case 'pickup':
      if (!open) return book(doc, parsed, text, ctx);
      // "can you also take a piano?" sounds like a pickup but changes nothing: a person should answer it.
      if (!parsed.window && !parsed.location && !parsed.itemsReady) return needsPerson(doc, open, text, ctx);
      return reschedule(doc, open, parsed, text, ctx);
    case 'status':
      return { doc, reply: open ? wording.status(open, ctx) : wording.noOpenJob(ctx), notify: [], jobId: open?.id ?? null };
    case 'cancel':
      return open ? cancel(doc, open, text, ctx) : { doc, reply: wording.nothingToCancel(), notify: [], jobId: null };
    case 'confirm':
      return confirm(doc, open, text, ctx);
    case 'help':
      return { doc, reply: wording.help(ctx), notify: [], jobId: open?.id ?? null };
    default:
      // The next text fills a missing address even when the parser heard no booking words ("it's 12 Oak St").
      if (open && !open.location && parsed.location) return reschedule(doc, open, parsed, text, ctx);
      return needsPerson(doc, open, text, ctx);
  }
}

function needsPerson(doc: JobsDocument, open: Job | undefined, text: InboundText, ctx: BusinessContext): Step {
  return {
    doc,
    reply: wording.dispatcherWillReply(ctx),
    notify: dispatcherAttentionEmail(text, open, ctx),
    jobId: open?.id ?? null,
    needsAttention: true,
  };
}

function book(doc: JobsDocument, parsed: ParsedText, text: InboundText, ctx: BusinessContext): Step {
  const job = createJob(
    doc,
    {
      phone: text.from,
      location: parsed.location,
      window: parsed.window,
      status: parsed.itemsReady ? 'ready_for_pickup' : 'booking_confirmed',
      by: text.from,
      via: 'sms',
    },
    ctx,
  );
  return { doc: putJob(doc, job), reply: wording.booked(job, ctx), notify: newJobEmails(job, ctx), jobId: job.id };
}

function reschedule(doc: JobsDocument, open: Job, parsed: ParsedText, text: InboundText, ctx: BusinessContext): Step {
  if (open.status === 'en_route' || open.status === 'in_progress') {
    return {
      doc,
      reply: wording.crewBusy(open, ctx),
      notify: dispatcherAttentionEmail(text, open, ctx),
      jobId: open.id,
      needsAttention: true,
    };
  }
  let job: Job = {
    ...open,
    window: parsed.window ?? open.window,
    location: parsed.location ?? open.location,
    updatedAt: ctx.now.toISOString(),
  };
  if (parsed.itemsReady && job.status === 'booking_confirmed') {
    const moved = transition(job, 'ready_for_pickup', { by: text.from, via: 'sms' }, ctx.now);
    if (moved.ok) job = moved.job;
  }
  const changed = job.window !== open.window || job.location !== open.location;
  const notify: NewOutboxItem[] = changed ? rescheduleEmails(job, text.sid, ctx) : [];
  return { doc: putJob(doc, job), reply: wording.updated(job, ctx), notify, jobId: job.id };
}

function cancel(doc: JobsDocument, open: Job, text: InboundText, ctx: BusinessContext): Step {
  const moved = transition(open, 'cancelled', { by: text.from, via: 'sms' }, ctx.now);
  if (!moved.ok) return { doc, reply: moved.reason, notify: [], jobId: open.id };
  return {
    doc: putJob(doc, moved.job),
    reply: wording.cancelled(moved.job),
    notify: customerCancelledEmails(moved.job, ctx),
    jobId: open.id,
  };
}

/** YES: accepts a pending quote; after a day-before reminder it also confirms the visit (reminders.ts). */
function confirm(doc: JobsDocument, open: Job | undefined, text: InboundText, ctx: BusinessContext): Step {
  const quote = open?.quote;
  if (open && awaitsReminderYes(open) && quote?.state !== 'pending') {
    const job = confirmVisit(open, ctx.now);
    return { doc: putJob(doc, job), reply: clockWording.visitConfirmed(job, ctx), notify: [], jobId: job.id };
  }
  if (!open || !quote || quote.state !== 'pending') {
    return { doc, reply: wording.nothingToConfirm(open, ctx), notify: [], jobId: open?.id ?? null };
  }
  const at = ctx.now.toISOString();
  // A YES with both a quote and a reminder open answers both: the price is agreed and the visit confirmed.
  const visit = awaitsReminderYes(open) ? confirmVisit(open, ctx.now) : open;
  const job: Job = { ...visit, quote: { ...quote, state: 'accepted' }, priceCents: quote.amountCents, updatedAt: at };
  return {
    doc: putJob(doc, job),
    reply: wording.quoteAccepted(job, quote.amountCents, ctx),
    notify: quoteAcceptedNotice(job, quote, ctx),
    jobId: job.id,
  };
}

/** "K7Q2 quote $600 accepted" to whoever set the quote: the crew member by text, the dispatcher by email. */
function quoteAcceptedNotice(job: Job, quote: NonNullable<Job['quote']>, ctx: BusinessContext): NewOutboxItem[] {
  const body = `${job.code} quote ${formatDollars(quote.amountCents)} accepted (${job.location ?? 'no address'}).`;
  const key = `${job.id}:quote-accepted:${quote.at}`;
  if (quote.by.startsWith('+')) return [{ key: `${key}:sms`, channel: 'sms', to: quote.by, body, jobId: job.id }];
  if (!ctx.dispatchEmail) return [];
  return [{ key: `${key}:email`, channel: 'email', to: ctx.dispatchEmail, subject: body, body, jobId: job.id }];
}

