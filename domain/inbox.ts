/**
 * The dispatcher's two-way inbox: one thread per phone (customer or crew), built from what the jobs document
 * already keeps — texts in and the bot's replies (on jobs, or in the unmatched log), and every text we sent (the
 * outbox, with its delivery state from Twilio's status callbacks). The dispatcher answers from the business number
 * through the outbox; the reply is kept on the thread's job like any other message.
 */
import type { BusinessContext } from './context';
import { findCrewByPhone } from './crew';
import { deliveryProblem } from './delivery-status';
import { findOpenJobForPhone, putJob, withMessage } from './job';
import type { Job, JobsDocument, Message, OutboxItem } from './jobs-document';
import { jobLabel } from './notifications';
import type { NewOutboxItem } from './outbox';

/** One message as the thread view shows it. */
export interface ThreadMessage {
  readonly at: string;
  readonly direction: 'in' | 'out';
  readonly body: string;
  /** Who wrote it: 'customer' / 'crew' for texts in, 'bot' for automatic replies and notices, 'dispatcher'. */
  readonly by: 'customer' | 'crew' | 'bot' | 'dispatcher';
  readonly jobCode: string | null;
  readonly media: number;
  /** For texts we sent: pending | sending | sent | failed | skipped, then the carrier's word (delivered …). */
  readonly delivery: string | null;
  /** A failed delivery in plain words ("Not delivered: it is a landline …"). */
  readonly problem: string | null;
}

export interface ThreadSummary {
  readonly phone: string;
  readonly name: string | null;
  readonly kind: 'customer' | 'crew';
  readonly lastAt: string;
  readonly lastBody: string;
  readonly lastDirection: 'in' | 'out';
  readonly unread: boolean;
  readonly needsReply: boolean;
  readonly optedOut: boolean;
  readonly jobs: readonly { id: string; code: string; label: string; status: string }[];
}

export interface Thread extends ThreadSummary {
  readonly messages: readonly ThreadMessage[];
}

/** Short answers the dispatcher sends often; the thread view offers them as one tap. */
export const CANNED_REPLIES: readonly string[] = [
  'Thanks! We got your message and will get back to you shortly.',
  'Yes, we can take that. The crew will confirm the price on site.',
  'Sorry, we cannot make that time. Could another time work for you?',
  'Your crew is on the way. Reply here if anything changes.',
];

/** A dispatcher reply fits in a few SMS segments; longer is a letter, not a text. */
export const MAX_REPLY_CHARS = 480;

/**
 * Every thread, newest first.
 * @example threadList(doc, ctx)[0]?.phone // '+15555550123'
 */
export function threadList(doc: JobsDocument, ctx: BusinessContext): ThreadSummary[] {
  const phones = new Set<string>();
  for (const message of allMessages(doc)) phones.add(message.direction === 'in' ? message.from : message.to);
  for (const item of doc.outbox) if (item.channel === 'sms') phones.add(item.to);
  return [...phones]
    .filter((phone) => phone.startsWith('+'))
    .map((phone) => summary(thread(doc, phone, ctx)))
    .sort((a, b) => b.lastAt.localeCompare(a.lastAt) || a.phone.localeCompare(b.phone));
}

/**
 * One phone's thread: every message both ways, oldest first, with delivery state.
 * @example thread(doc, '+15555550123', ctx).messages.map((m) => m.direction) // ['in', 'out', 'out']
 */
export function thread(doc: JobsDocument, phone: string, ctx: BusinessContext): Thread {
  const member = findCrewByPhone(ctx.crew, phone);
  const jobs = Object.values(doc.jobs)
    .filter((job) => job.customer.phone === phone || job.messages.some((m) => m.from === phone || m.to === phone))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const outboxByKey = new Map(doc.outbox.filter((item) => item.channel === 'sms' && item.to === phone).map((item) => [item.key, item]));
  const messages: ThreadMessage[] = [];
  const seen = new Set<string>();
  const add = (message: Message, job: Job | null) => {
    if (message.from !== phone && message.to !== phone) return;
    const item = message.sid ? outboxByKey.get(message.sid) : undefined;
    if (item) seen.add(item.key);
    messages.push({
      at: message.at,
      direction: message.direction,
      body: message.body,
      by: message.direction === 'in' ? (member ? 'crew' : 'customer') : message.intent === 'dispatcher' ? 'dispatcher' : 'bot',
      jobCode: job?.code ?? null,
      media: message.media,
      ...deliveryOf(item),
    });
  };
  for (const job of jobs) for (const message of job.messages) add(message, job);
  for (const message of doc.unmatched) add(message, null);
  for (const item of outboxByKey.values()) {
    if (seen.has(item.key)) continue;
    const job = item.jobId ? doc.jobs[item.jobId] : undefined;
    messages.push({ at: item.createdAt, direction: 'out', body: item.body, by: 'bot', jobCode: job?.code ?? null, media: 0, ...deliveryOf(item) });
  }
  messages.sort((a, b) => a.at.localeCompare(b.at));
  const state = doc.threads[phone] ?? { readAt: null, handledAt: null };
  const last = messages.at(-1);
  const lastIn = messages.filter((m) => m.direction === 'in').at(-1)?.at ?? '';
  const lastAnswer = [state.handledAt ?? '', messages.filter((m) => m.by === 'dispatcher').at(-1)?.at ?? ''].sort().at(-1) ?? '';
  const flagged = jobs.some((job) => job.needsAttention && job.customer.phone === phone) || doc.unmatched.some((m) => m.from === phone && m.at > lastAnswer);
  return {
    phone,
    name: member?.name ?? jobs.find((job) => job.customer.phone === phone)?.customer.name ?? null,
    kind: member ? 'crew' : 'customer',
    lastAt: last?.at ?? '',
    lastBody: last?.body ?? '',
    lastDirection: last?.direction ?? 'out',
    unread: lastIn !== '' && lastIn > (state.readAt ?? ''),
    needsReply: flagged && lastIn > lastAnswer,
    optedOut: doc.optOuts.includes(phone),
    jobs: jobs.map((job) => ({ id: job.id, code: job.code, label: jobLabel(job), status: job.status })),
    messages,
  };
}

function summary(full: Thread): ThreadSummary {
  const { messages: _messages, ...rest } = full;
  return rest;
}

function allMessages(doc: JobsDocument): Message[] {
  return [...Object.values(doc.jobs).flatMap((job) => job.messages), ...doc.unmatched];
}

function deliveryOf(item: OutboxItem | undefined): { delivery: string | null; problem: string | null } {
  if (!item) return { delivery: null, problem: null };
  const problem = deliveryProblem(item.delivery) ?? (item.status === 'failed' ? `Not sent: ${item.lastError ?? 'gave up after retries'}.` : null);
  return { delivery: item.delivery?.status ?? item.status, problem };
}

export type ReplyOutcome =
  | { readonly ok: true; readonly doc: JobsDocument; readonly notify: NewOutboxItem[]; readonly key: string }
  | { readonly ok: false; readonly problem: 'opted_out' | 'invalid'; readonly message: string };

/**
 * The dispatcher answers a thread from the business number: an outbox text sent now (a person answering is never
 * held for quiet hours), kept on the phone's job (its open one, else its latest) or in the unmatched log, and the
 * thread counts as answered. An opted-out number is refused: Twilio would block it anyway (error 21610).
 * @example dispatcherReply(doc, '+15555550123', 'Yes, 3 PM works.', ctx).ok // true
 */
export function dispatcherReply(doc: JobsDocument, phone: string, body: string, ctx: BusinessContext): ReplyOutcome {
  const text = body.trim();
  if (text === '') return { ok: false, problem: 'invalid', message: 'Write a message first.' };
  if (text.length > MAX_REPLY_CHARS) return { ok: false, problem: 'invalid', message: `Keep it under ${MAX_REPLY_CHARS} characters.` };
  if (doc.optOuts.includes(phone)) {
    return { ok: false, problem: 'opted_out', message: `${phone} has opted out (texted STOP). They can't be texted until they text START.` };
  }
  const at = ctx.now.toISOString();
  const job = findOpenJobForPhone(doc, phone) ?? latestJobFor(doc, phone);
  const key = `reply:${phone}:${at}`;
  const message: Message = { at, direction: 'out', from: ctx.businessPhone ?? 'business', to: phone, body: text, sid: key, intent: 'dispatcher', media: 0 };
  let next: JobsDocument = job ? putJob(doc, { ...withMessage(job, message), needsAttention: false }) : { ...doc, unmatched: [...doc.unmatched, message] };
  next = markThread(next, phone, { read: true, handled: true }, ctx.now);
  return { ok: true, doc: next, notify: [{ key, channel: 'sms', to: phone, body: text, jobId: job?.id ?? null, notBefore: ctx.now }], key };
}

/**
 * Marks a thread read and/or handled (handled also clears the attention mark on the phone's jobs).
 * @example markThread(doc, '+15555550123', { read: true }, now).threads['+15555550123']?.readAt
 */
export function markThread(doc: JobsDocument, phone: string, what: { read?: boolean; handled?: boolean }, now: Date): JobsDocument {
  const at = now.toISOString();
  const current = doc.threads[phone] ?? { readAt: null, handledAt: null };
  const state = { readAt: what.read || what.handled ? at : current.readAt, handledAt: what.handled ? at : current.handledAt };
  let jobs = doc.jobs;
  if (what.handled) {
    jobs = Object.fromEntries(
      Object.entries(doc.jobs).map(([id, job]) => [id, job.customer.phone === phone && job.needsAttention ? { ...job, needsAttention: false } : job]),
    );
  }
  return { ...doc, jobs, threads: { ...doc.threads, [phone]: state } };
}

function latestJobFor(doc: JobsDocument, phone: string): Job | undefined {
  return Object.values(doc.jobs)
    .filter((job) => job.customer.phone === phone)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}
