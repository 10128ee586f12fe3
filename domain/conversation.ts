/**
 * The conversation engine: (jobs document, inbound text, context) → (next document, reply, new outbox items).
 * Pure. The webhook handler reads the document, calls this, writes the result in one compare-and-swap, and answers
 * Twilio with `reply` as TwiML.
 */
import type { BusinessContext } from './context';
import { findCrewByPhone } from './crew';
import { handleCrewText } from './crew-commands';
import { handleCustomerText, openJobsOf } from './customer-texts';
import type { InboundText, Step } from './inbound';
import { findOpenJobForPhone, putJob, withMessage } from './job';
import type { Job, JobsDocument, Message, OutboxItem, Photo } from './jobs-document';
import { jobLabel } from './notifications';
import { isHelpKeyword, isOptInKeyword, isOptOutKeyword } from './parse/keywords';
import { enqueue, type NewOutboxItem } from './outbox';
import { parseText, type ParsedText } from './parse/parse-text';
import { wording } from './wording';

export interface ConversationOutcome {
  readonly doc: JobsDocument;
  /** TwiML reply text; null → an empty <Response/>. */
  readonly reply: string | null;
  /** Outbox items this text added (the handler delivers them right after the write). */
  readonly outbox: readonly OutboxItem[];
}

/** How long we remember a MessageSid: Twilio retries a failed webhook within minutes, we keep a week. */
const REMEMBER_SIDS_MS = 7 * 24 * 3600_000;

/**
 * Handles one inbound text. A MessageSid seen before returns the first reply and the same document (no write).
 * @example handleInboundText(doc, { sid: 'SM1', from: '+15555550123', to: '+15555550100', body: 'where r u', media: [] }, ctx).reply
 */
export function handleInboundText(doc: JobsDocument, text: InboundText, ctx: BusinessContext): ConversationOutcome {
  // An own-property look-up: a MessageSid such as "constructor" or "__proto__" is just another text.
  const seen = Object.hasOwn(doc.inbound, text.sid) ? doc.inbound[text.sid] : undefined;
  if (seen) return { doc, reply: seen.reply, outbox: [] };

  const member = text.unreachable ? undefined : findCrewByPhone(ctx.crew, text.from);
  const role = member ? 'crew' : 'customer';
  const parsed = parseText(text.body, { now: ctx.now, tz: ctx.tz, role });
  // Twilio's own verdict (OptOutType, sent with Advanced Opt-Out for whatever keywords the owner set) counts
  // beside our keyword list, so a custom opt-out word is honoured too.
  let step: Step;
  if (text.unreachable) step = { doc, reply: null, notify: [], jobId: null };
  else if (isOptOutKeyword(text.body) || text.optOutType === 'STOP') step = optOut(doc, text, member !== undefined, ctx);
  else if (isOptInKeyword(text.body) || text.optOutType === 'START') step = optIn(doc, text, ctx);
  else if (member) step = handleCrewText(doc, parsed, text, member, ctx);
  else if (isHelpKeyword(text.body) || text.optOutType === 'HELP') step = helpStep(doc, text, parsed, ctx);
  else step = handleCustomerText(doc, parsed, text, ctx);

  const recorded = recordMessages(step, text, parsed.intent, role, ctx);
  const { doc: withOutbox, added } = enqueue(recorded, step.notify, ctx.now);
  const next: JobsDocument = {
    ...withOutbox,
    inbound: {
      ...forgetOldSids(withOutbox.inbound, ctx.now),
      [text.sid]: { at: ctx.now.toISOString(), reply: step.reply, jobId: step.jobId },
    },
  };
  return { doc: next, reply: step.reply, outbox: added };
}

/**
 * STOP and friends: Twilio has already opted the number out; we record it so nothing is queued for it. A customer
 * with a booked pickup who texts a bare CANCEL (or STOP) most likely meant the pickup, and can no longer be texted:
 * every open job of theirs is flagged for the dispatcher to call.
 */
function optOut(doc: JobsDocument, text: InboundText, isCrew: boolean, ctx: BusinessContext): Step {
  const optOuts = doc.optOuts.includes(text.from) ? doc.optOuts : [...doc.optOuts, text.from];
  const opens = isCrew ? [] : openJobsOf(doc, text.from);
  const word = text.body.trim().toUpperCase().replace(/[^A-Z]/g, '') || 'STOP';
  const notify = opens.length ? optedOutEmail(text, word, opens, ctx) : [];
  const flagged = opens.reduce((next, job) => putJob(next, { ...job, needsAttention: true }), { ...doc, optOuts });
  return { doc: flagged, reply: null, notify, jobId: opens[0]?.id ?? null, needsAttention: opens.length > 0 };
}

function optedOutEmail(text: InboundText, word: string, opens: readonly Job[], ctx: BusinessContext): NewOutboxItem[] {
  if (!ctx.dispatchEmail) return [];
  const what = `${text.from} opted out of texts by texting ${word} - call to check the pickup`;
  const jobs = opens.map((job) => `${jobLabel(job)}, ${job.location ?? 'no address'}`).join('\n');
  return [{ key: `inbound:${text.sid}:opted-out:email`, channel: 'email', to: ctx.dispatchEmail, subject: `${what} (${opens.map((job) => job.code).join(', ')})`, body: `${what}.\nOpen pickups:\n${jobs}`, jobId: opens[0]!.id }];
}

function optIn(doc: JobsDocument, text: InboundText, ctx: BusinessContext): Step {
  const open = findOpenJobForPhone(doc, text.from);
  return {
    doc: { ...doc, optOuts: doc.optOuts.filter((phone) => phone !== text.from) },
    reply: wording.welcomeBack(ctx, open?.language ?? 'en'),
    notify: [],
    jobId: open?.id ?? null,
  };
}

function helpStep(doc: JobsDocument, text: InboundText, parsed: ParsedText, ctx: BusinessContext): Step {
  const open = findOpenJobForPhone(doc, text.from);
  const language = parsed.language === 'es' ? 'es' : (open?.language ?? 'en');
  return { doc, reply: wording.help(ctx, language), notify: [], jobId: open?.id ?? null };
}

/** Keeps the inbound text (with its MessageSid), its photos and our reply on the job, or in the unmatched log. */
function recordMessages(step: Step, text: InboundText, intent: string, role: 'crew' | 'customer', ctx: BusinessContext): JobsDocument {
  const at = ctx.now.toISOString();
  const inbound: Message = {
    at,
    direction: 'in',
    from: text.from,
    to: text.to,
    body: text.body,
    sid: text.sid,
    intent,
    media: text.media.length,
    ...(text.channel && text.channel !== 'sms' ? { channel: text.channel } : {}),
  };
  const reply: Message | null =
    step.reply === null
      ? null
      : {
          at,
          direction: 'out',
          from: text.to,
          to: text.from,
          body: step.reply,
          sid: null,
          intent: null,
          media: 0,
          ...(text.channel && text.channel !== 'sms' ? { channel: text.channel } : {}),
        };
  const job = step.jobId ? step.doc.jobs[step.jobId] : undefined;
  if (!job) {
    return { ...step.doc, unmatched: [...step.doc.unmatched, inbound, ...(reply ? [reply] : [])] };
  }
  const photos: Photo[] = text.media.map((media) => ({
    url: media.url,
    contentType: media.contentType,
    from: text.from,
    at,
    messageSid: text.sid,
    kind: role === 'crew' ? 'proof' : 'customer',
  }));
  let next = withMessage(job, inbound);
  if (reply) next = withMessage(next, reply);
  next = {
    ...next,
    photos: [...next.photos, ...photos],
    // Stays set until a dispatcher deals with it: a later, understood text does not answer an earlier one.
    needsAttention: step.needsAttention === true || next.needsAttention,
  };
  return putJob(step.doc, next);
}

function forgetOldSids(inbound: JobsDocument['inbound'], now: Date): JobsDocument['inbound'] {
  const cutoff = now.getTime() - REMEMBER_SIDS_MS;
  const entries = Object.entries(inbound);
  if (entries.every(([, record]) => Date.parse(record.at) >= cutoff)) return inbound;
  return Object.fromEntries(entries.filter(([, record]) => Date.parse(record.at) >= cutoff));
}
