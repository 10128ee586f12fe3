/**
 * What a customer's text does: answer a question, book (or ask for the address), change a job, ask which job,
 * check or cancel, confirm a quote, chat briefly, or reach a dispatcher. Replies follow the customer's language.
 */
import { answerQuestion } from './answer-question';
import { emptyBusinessProfile } from './business-profile';
import type { BusinessContext } from './context';
import { answerNewOrChange, askNewOrChange, bookOrAsk, changeJob, changesOf, type Turn } from './customer-booking';
import { customerLanguage, newOrChange, pickByAddress, sameAddress, smallTalkKind } from './customer-reading';
import { cancelledUnderWayTexts } from './crew-alerts';
import type { InboundText, Step } from './inbound';
import { putJob, transition } from './job';
import type { Job, JobsDocument, PendingBooking } from './jobs-document';
import { customerCancelledEmails, dispatcherAttentionEmail } from './notifications';
import type { NewOutboxItem } from './outbox';
import type { ParsedText } from './parse/parse-text';
import { isSmallTalk } from './parse/small-talk';
import { mergePending, pendingFor, withPending } from './pending-booking';
import { isOpenStatus } from './statuses';
import { clockWording } from './clock-wording';
import { awaitsReminderYes, confirmVisit } from './reminders';
import { formatDollars, wording } from './wording';

/**
 * Handles one customer text (already parsed; opt-out keywords handled before this).
 * @example handleCustomerText(doc, parsed, text, ctx).reply // 'Thanks! QuickDumpNow has you down for …'
 */
export function handleCustomerText(doc: JobsDocument, parsed: ParsedText, text: InboundText, ctx: BusinessContext): Step {
  const pending = pendingFor(doc, text.from, ctx.now);
  const before = openJobsOf(doc, text.from);
  const language = customerLanguage(parsed, text.body, pending?.language ?? before[0]?.language ?? 'en');
  const withLanguage = setLanguage(doc, before, language);
  const turn: Turn = { doc: withLanguage, parsed, text, ctx, opens: openJobsOf(withLanguage, text.from), pending, language };
  const { opens } = turn;
  const latest = opens[0];

  if (text.body.trim() === '' && text.media.length > 0) return photosOnly(turn);
  if (pending?.question) {
    const answered = answerPending(turn, pending.question);
    if (answered) return answered;
  }

  // "thanks!", "ok", 👍 after a booking: a short reply or none, never a dispatcher case. An "ok" to a pending quote
  // still confirms it.
  const quotePending = opens.some((job) => job.quote?.state === 'pending');
  if (isSmallTalk(text.body) && !(parsed.intent === 'confirm' && quotePending)) return smallTalk(turn);

  switch (parsed.intent) {
    case 'pickup':
      return pickup(turn);
    case 'question':
      return question(turn);
    case 'status':
      return onOneJob(turn, 'status');
    case 'cancel':
      return onOneJob(turn, 'cancel');
    case 'confirm':
      return confirm(turn);
    default:
      // Nothing we can act on: a person answers. (HELP is answered before this, conversation.ts; an address makes a text
      // a pickup, status, cancel or question, so none arrives here: the address on its own is a pickup.)
      return needsPerson(turn, latest);
  }
}

function pickup(turn: Turn): Step {
  const { parsed, opens } = turn;
  const latest = opens[0];
  if (!latest) return bookOrAsk(turn);
  const atSameAddress = parsed.location ? opens.find((job) => job.location && sameAddress(job.location, parsed.location!)) : undefined;
  if (atSameAddress) return changeJob(turn, atSameAddress, changesOf(parsed));
  if (parsed.relation === 'also') {
    // "also need a pickup friday at 20 Cedar Ave": another job. "can you also take a piano?": a person answers.
    if (parsed.location || parsed.window) return bookOrAsk({ ...turn, pending: null });
    return needsPerson(turn, latest);
  }
  if (parsed.location) {
    if (parsed.relation === 'instead' || !latest.location) return changeJob(turn, latest, changesOf(parsed));
    return askNewOrChange(turn, latest, parsed.location);
  }
  // "can you also take a piano?" sounds like a pickup but changes nothing we can act on: a person should answer it.
  if (!parsed.window && !parsed.itemsReady) return needsPerson(turn, latest);
  return changeJob(turn, latest, changesOf(parsed));
}

/** A question: answered from the business profile, else a person answers. */
function question(turn: Turn): Step {
  const { parsed, text, ctx, language } = turn;
  const answer = answerQuestion(text.body, parsed, ctx.business ?? emptyBusinessProfile(), ctx);
  if (answer) return reply(turn, answer, turn.opens[0]);
  const step = needsPerson(turn, turn.opens[0]);
  // A question always has a topic (parse-text.ts); 'other' is one we cannot even name.
  const known = parsed.topic !== 'other';
  return known ? { ...step, reply: wording.personWillAnswer(ctx, language) } : step;
}

/** Status or cancel: with several open pickups, the one the text names by address, else ask which. */
function onOneJob(turn: Turn, action: 'status' | 'cancel', chosen?: Job): Step {
  const { ctx, language, opens, text, parsed } = turn;
  const job = chosen ?? (opens.length === 1 ? opens[0] : pickByAddress(opens, text.body, parsed.location));
  if (job) return action === 'status' ? reply(turn, wording.status(job, ctx), job) : cancel(turn.doc, job, turn.text, turn.ctx);
  if (opens.length === 0) return reply(turn, action === 'status' ? wording.noOpenJob(ctx, language) : wording.nothingToCancel(language), undefined);
  const pending = { ...mergePending(null, parsed, [], language, ctx.now), question: { kind: 'which' as const, action, jobIds: opens.map((o) => o.id) } };
  return { doc: withPending(turn.doc, text.from, pending, ctx.now), reply: wording.askWhich(opens, language), notify: [], jobId: null };
}

/** A reply to the question we asked ("NEW", "CHANGE", "the Oak St one"); null when the text is about something else. */
function answerPending(turn: Turn, question: NonNullable<PendingBooking['question']>): Step | null {
  if (question.kind === 'new-or-change') {
    const answer = newOrChange(turn.text.body);
    return answer ? answerNewOrChange(turn, answer) : null;
  }
  const candidates = turn.opens.filter((job) => question.jobIds.includes(job.id));
  const job = pickByAddress(candidates, turn.text.body, turn.parsed.location);
  if (!job) return null;
  const cleared: Turn = { ...turn, doc: withPending(turn.doc, turn.text.from, null, turn.ctx.now) };
  return onOneJob(cleared, question.action, job);
}

/** Thanks → "You're welcome!"; hi → the pickup's status, or how to book; ok / 👍 → no reply at all. */
function smallTalk(turn: Turn): Step {
  const { text, ctx, language } = turn;
  const latest = turn.opens[0];
  const kind = smallTalkKind(text.body);
  if (kind === 'thanks') return reply(turn, wording.thanksReply(ctx, language), latest);
  if (kind === 'hello') return reply(turn, latest ? wording.status(latest, ctx) : wording.hello(ctx, language), latest);
  return reply(turn, null, latest);
}

function photosOnly(turn: Turn): Step {
  const { text, ctx, language, opens } = turn;
  if (opens[0]) return reply(turn, wording.photoThanks(text.media.length, opens[0]), opens[0]);
  // Before any booking: keep the photos for the job the address will create.
  const step = bookOrAsk(turn);
  return { ...step, reply: wording.photosHeld(text.media.length, ctx, language) };
}

function reply(turn: Turn, text: string | null, job: Job | undefined): Step {
  return { doc: turn.doc, reply: text, notify: [], jobId: job?.id ?? null };
}

function needsPerson(turn: Turn, open: Job | undefined): Step {
  return {
    doc: turn.doc,
    reply: wording.dispatcherWillReply(turn.ctx, turn.language),
    notify: dispatcherAttentionEmail(turn.text, open, turn.ctx),
    jobId: open?.id ?? null,
    needsAttention: true,
  };
}

/**
 * A customer's new time or place for their open job, as the track page's Reschedule sends it
 * (domain/track-actions.ts): the same change a text makes.
 * @example reschedule(doc, job, parseText('tomorrow am', { now, tz, role: 'customer' }), text, ctx).reply // 'Updated: …'
 */
export function reschedule(doc: JobsDocument, open: Job, parsed: ParsedText, text: InboundText, ctx: BusinessContext): Step {
  const turn: Turn = { doc, parsed, text, ctx, opens: [open], pending: null, language: open.language };
  return changeJob(turn, open, changesOf(parsed));
}

/**
 * A customer cancels their open job (a text, or the track page's Cancel, domain/track-actions.ts).
 * @example cancel(doc, job, text, ctx).reply // 'Your pickup is cancelled. Text us anytime to book again.'
 */
export function cancel(doc: JobsDocument, open: Job, text: InboundText, ctx: BusinessContext): Step {
  const moved = transition(open, 'cancelled', { by: text.from, via: 'sms' }, ctx.now);
  if (!moved.ok) return { doc, reply: moved.reason, notify: [], jobId: open.id };
  return { doc: putJob(doc, moved.job), reply: wording.cancelled(moved.job), notify: [...customerCancelledEmails(moved.job, ctx), ...cancelledUnderWayTexts(open, 'customer', ctx)], jobId: open.id };
}

/** YES: accepts a pending quote; after a day-before reminder it also confirms the visit (reminders.ts). */
function confirm(turn: Turn): Step {
  const { doc, ctx, language } = turn;
  const open = turn.opens.find((job) => job.quote?.state === 'pending') ?? turn.opens.find(awaitsReminderYes) ?? turn.opens[0];
  const quote = open?.quote;
  if (open && awaitsReminderYes(open) && quote?.state !== 'pending') {
    const job = confirmVisit(open, ctx.now);
    return { doc: putJob(doc, job), reply: clockWording.visitConfirmed(job, ctx), notify: [], jobId: job.id };
  }
  if (!open || !quote || quote.state !== 'pending') return reply(turn, wording.nothingToConfirm(open, ctx, language), open);
  const at = ctx.now.toISOString();
  // A YES with both a quote and a reminder open answers both: the price is agreed and the visit confirmed.
  const visit = awaitsReminderYes(open) ? confirmVisit(open, ctx.now) : open;
  const job: Job = { ...visit, quote: { ...quote, state: 'accepted' }, priceCents: quote.amountCents, updatedAt: at };
  return { doc: putJob(doc, job), reply: wording.quoteAccepted(job, quote.amountCents, ctx), notify: quoteAcceptedNotice(job, quote, ctx), jobId: job.id };
}

/** "K7Q2 quote $600 accepted" to whoever set the quote: the crew member by text, the dispatcher by email. */
function quoteAcceptedNotice(job: Job, quote: NonNullable<Job['quote']>, ctx: BusinessContext): NewOutboxItem[] {
  const body = `${job.code} quote ${formatDollars(quote.amountCents)} accepted (${job.location ?? 'no address'}).`;
  const key = `${job.id}:quote-accepted:${quote.at}`;
  if (quote.by.startsWith('+')) return [{ key: `${key}:sms`, channel: 'sms', to: quote.by, body, jobId: job.id }];
  if (!ctx.dispatchEmail) return [];
  return [{ key: `${key}:email`, channel: 'email', to: ctx.dispatchEmail, subject: body, body, jobId: job.id }];
}

/** The phone's open jobs, newest first. @example openJobsOf(doc, '+15555550123').length */
export function openJobsOf(doc: JobsDocument, phone: string): Job[] {
  return Object.values(doc.jobs)
    .filter((job) => job.customer.phone === phone && isOpenStatus(job.status))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The customer's open jobs switched to the language they now write in (texts and pages follow it). */
function setLanguage(doc: JobsDocument, opens: readonly Job[], language: 'en' | 'es'): JobsDocument {
  return opens.reduce((next, job) => (job.language === language ? next : putJob(next, { ...job, language })), doc);
}
