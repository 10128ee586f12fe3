/**
 * Cancel and Reschedule from the tracking page. The token is the authority (the link was texted to the customer),
 * and each action runs the very steps a customer's text runs (customer-texts.ts: the same rules, the same crew
 * emails). What the text would have replied is texted to the customer instead and shown on the page; history
 * entries it adds say `via: 'web'`.
 */
import { windowFromForm } from './booking-form';
import type { BusinessContext } from './context';
import { cancel, reschedule } from './customer-texts';
import type { FieldErrors } from './field-errors';
import type { InboundText, Step } from './inbound';
import { putJob } from './job';
import type { Job, JobsDocument } from './jobs-document';
import { customerSmsOutsideQuietHours } from './notifications';
import type { NewOutboxItem } from './outbox';
import { parseText, type ParsedText } from './parse/parse-text';
import { isOpenStatus } from './statuses';

/** Longest free-text time the page sends ("next Tuesday after 3"); a text message is 160 characters. */
export const MAX_WHEN_TEXT = 160;

/** What the page posts to /reschedule: a day and part of the day as on the booking form, or words as in a text. */
export interface RescheduleRequest {
  readonly day?: unknown;
  readonly part?: unknown;
  readonly text?: unknown;
}

export type TrackActionResult =
  | { readonly outcome: 'not_found' }
  | { readonly outcome: 'invalid'; readonly errors: FieldErrors }
  /** Nothing changed: `message` says why (the job is done, the crew are on the way…). */
  | { readonly outcome: 'refused'; readonly doc: JobsDocument; readonly message: string; readonly notify: readonly NewOutboxItem[] }
  | { readonly outcome: 'done'; readonly doc: JobsDocument; readonly message: string; readonly notify: readonly NewOutboxItem[]; readonly job: Job };

/**
 * Cancels the token's job as a "cancel" text would.
 * @example cancelFromTrackPage(doc, job.token, ctx) // { outcome: 'done', message: 'Your pickup K7Q2 is cancelled. …', … }
 */
export function cancelFromTrackPage(doc: JobsDocument, token: string, ctx: BusinessContext): TrackActionResult {
  const job = jobByToken(doc, token);
  if (!job) return { outcome: 'not_found' };
  const text = webText(job, 'cancel (track page)', ctx);
  return finish(doc, job, cancel(doc, job, text, ctx), text, 'cancel', ctx);
}

/**
 * Moves the token's job to a new time as "actually tomorrow morning" would: from a day and part of the day, or from
 * the same words a text accepts.
 * @example rescheduleFromTrackPage(doc, job.token, { day: '2026-06-05', part: 'morning' }, ctx).outcome // 'done'
 */
export function rescheduleFromTrackPage(doc: JobsDocument, token: string, request: RescheduleRequest, ctx: BusinessContext): TrackActionResult {
  const job = jobByToken(doc, token);
  if (!job) return { outcome: 'not_found' };
  const parsed = requestedTime(request, ctx);
  if (!parsed.ok) return { outcome: 'invalid', errors: parsed.errors };
  if (!isOpenStatus(job.status)) {
    return { outcome: 'refused', doc, message: `${job.code} is already ${job.status === 'cancelled' ? 'cancelled' : 'completed'}.`, notify: [] };
  }
  const text = webText(job, typeof request.text === 'string' ? request.text : 'reschedule (track page)', ctx);
  return finish(doc, job, reschedule(doc, job, parsed.value, text, ctx), text, 'reschedule', ctx);
}

function jobByToken(doc: JobsDocument, token: string): Job | undefined {
  return Object.values(doc.jobs).find((candidate) => candidate.token === token);
}

/** The action as the text it stands for; the id makes each one's notification keys its own. */
function webText(job: Job, body: string, ctx: BusinessContext): InboundText {
  return { sid: `web_${ctx.newId()}`, from: job.customer.phone, to: ctx.businessPhone ?? '', body, media: [] };
}

function requestedTime(request: RescheduleRequest, ctx: BusinessContext): { ok: true; value: ParsedText } | { ok: false; errors: FieldErrors } {
  const blank: Omit<ParsedText, 'window' | 'location'> = {
    intent: 'pickup',
    topic: null,
    jobCode: null,
    amountCents: null,
    itemsReady: false,
    items: [],
    notes: [],
    language: 'en',
    excludedDays: [],
    relation: null,
    lateForToday: false,
    explicitNow: false,
    etaMinutes: null,
  };
  if (typeof request.text === 'string' && request.text.trim() !== '') {
    const words = request.text.trim();
    if (words.length > MAX_WHEN_TEXT) return { ok: false, errors: { text: `Keep it to ${MAX_WHEN_TEXT} characters or fewer.` } };
    const parsed = parseText(words, { now: ctx.now, tz: ctx.tz, role: 'customer' });
    if (!parsed.window) return { ok: false, errors: { text: 'We could not read a day or time in that. Try e.g. "tomorrow morning".' } };
    return { ok: true, value: { ...blank, window: parsed.window, location: parsed.location } };
  }
  if (request.day === undefined && request.part === undefined) return { ok: false, errors: { day: 'Pick a day.' } };
  const form = windowFromForm(request.day, request.part, { now: ctx.now, tz: ctx.tz });
  if (!form.ok) return form;
  if (!form.window) return { ok: false, errors: { day: 'Pick a day.' } };
  return { ok: true, value: { ...blank, window: form.window, location: null } };
}

/** The step's reply becomes a text to the customer; its changes are marked as made on the web. */
function finish(doc: JobsDocument, before: Job, step: Step, text: InboundText, action: string, ctx: BusinessContext): TrackActionResult {
  const after = step.doc.jobs[before.id];
  const message = step.reply ?? '';
  if (step.doc === doc || !after) {
    // "The crew are already on the way": nothing moves, and (as for the text) a dispatcher is asked to reach out.
    const flagged = step.needsAttention ? putJob(doc, { ...before, needsAttention: true }) : doc;
    return { outcome: 'refused', doc: flagged, message, notify: step.notify };
  }
  const job: Job = {
    ...after,
    history: after.history.map((entry, i) => (i >= before.history.length ? { ...entry, via: 'web' as const } : entry)),
    needsAttention: after.needsAttention || step.needsAttention === true,
  };
  const notify = [...step.notify, customerSmsOutsideQuietHours(job, `web-${action}:${text.sid}`, message, ctx)];
  return { outcome: 'done', doc: putJob(step.doc, job), message, notify, job };
}
