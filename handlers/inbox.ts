/**
 * Nothing lost in a burst: a signed text (or a booking) that cannot be written to jobs.json within the time budget,
 * or while the store fails, is parked under its own key, `inbox/<MessageSid>.json`, written create-only
 * (If-None-Match: *): no contention with jobs.json or with other parked texts, and Twilio's retry of the same text
 * finds it already there. Twilio then gets its 200.
 *
 * Parked items are applied later in batches, in arrival order (so per phone too): by the next write in this
 * process and by the sweep (every minute in Lambda, every 15 s locally). Each is one change queued with the others
 * at the same moment, so the group commit writes them in one jobs.json write, and one that the document refuses
 * stays parked alone. The reply a parked text would have had in TwiML goes out through the SMS adapter (the outbox),
 * now, whatever the hour: it answers the customer's own text, which quiet hours never hold. An applied item's
 * object is deleted after the write that applied it; applying again changes nothing (its MessageSid, or the
 * booking's job id, is already in the document).
 */
import { createHash } from 'node:crypto';
import type { Booking } from '../domain/booking-form';
import { bookWithinLimits } from '../domain/booking-limits';
import type { BusinessProfile } from '../domain/business-profile';
import { trackingUrl } from '../domain/context';
import type { CrewRoster } from '../domain/crew';
import { handleInboundText } from '../domain/conversation';
import type { InboundText } from '../domain/inbound';
import { enqueue, type NewOutboxItem } from '../domain/outbox';
import { businessContext, type Deps } from './deps';
import { writeAndDeliver } from './deliver';
import { readBusiness, usableRoster, WRITE_BUDGET_MS } from './state';

export const INBOX_PREFIX = 'inbox/';

/** A text as it was received: the form Twilio posted (already signature-checked) and when it came. */
interface ParkedText {
  readonly kind: 'text';
  readonly receivedAt: string;
  readonly text: InboundText;
}

/** A booking as it was checked, with the job id and tracking token its answer already gave out. */
interface ParkedBooking {
  readonly kind: 'booking';
  readonly receivedAt: string;
  readonly booking: Booking;
  readonly jobId: string;
  readonly token: string;
}

type Parked = ParkedText | ParkedBooking;

/** `inbox/<name>.json`, where a name that is not a plain Twilio-style id becomes a hash (keys must stay file names). */
export function inboxKey(name: string): string {
  const safe = /^[A-Za-z0-9_-]{1,64}$/.test(name) ? name : `h${createHash('sha256').update(name).digest('hex').slice(0, 32)}`;
  return `${INBOX_PREFIX}${safe}.json`;
}

/** Parks a text; a second park of the same MessageSid (Twilio's retry) finds it there and is fine. */
export async function parkText(deps: Deps, text: InboundText, receivedAt: Date): Promise<void> {
  await park(deps, inboxKey(text.sid), { kind: 'text', receivedAt: receivedAt.toISOString(), text });
}

export async function parkBooking(deps: Deps, booking: Booking, ids: { jobId: string; token: string }, receivedAt: Date): Promise<void> {
  await park(deps, inboxKey(`book-${ids.jobId}`), { kind: 'booking', receivedAt: receivedAt.toISOString(), booking, ...ids });
}

async function park(deps: Deps, key: string, parked: Parked): Promise<void> {
  try {
    await deps.store.put(key, JSON.stringify(parked), { ifNoneMatch: '*' }, 'application/json');
  } catch (error) {
    // Already parked (a retry): the first copy stands. Anything else is the store failing: the caller must know.
    if ((error as Error).name !== 'ConflictError') throw error;
  }
  hasParked.add(deps.store);
  deps.log('warn', 'parked an inbound change; it will be applied by the next write or the sweep', { key });
}

/** Stores this process parked something in and has not drained since: the next writer drains them. */
const hasParked = new WeakSet<object>();

/** True when this process parked something the next writer should apply. */
export function parkedHere(deps: Deps): boolean {
  return hasParked.has(deps.store);
}

/**
 * Applies what is parked, oldest first, in as few writes as the group commit manages (one, when nothing else
 * interferes), and deletes each applied object. Returns how many were applied and how many stay parked.
 */
export async function applyParked(deps: Deps): Promise<{ applied: number; kept: number }> {
  hasParked.delete(deps.store);
  const keys = await deps.store.list(INBOX_PREFIX);
  if (keys.length === 0) return { applied: 0, kept: 0 };
  const loaded = await Promise.all(
    keys.map(async (key) => {
      const stored = await deps.store.get(key);
      if (stored === null) return null; // applied and deleted meanwhile by another writer
      try {
        return { key, parked: JSON.parse(stored.body) as Parked };
      } catch {
        deps.log('error', 'a parked item is not JSON; left in place for a person to look at', { key });
        return null;
      }
    }),
  );
  const items = loaded.filter((item) => item !== null);
  items.sort((a, b) => a.parked.receivedAt.localeCompare(b.parked.receivedAt) || a.key.localeCompare(b.key));
  const roster = await usableRoster(deps.store, deps.log);
  const business = await readBusiness(deps.store);
  // Queued at the same moment, in order: the group commit applies them one after another in one write.
  const outcomes = await Promise.allSettled(
    items.map((item) =>
      item.parked.kind === 'text'
        ? applyText(deps, item.parked.text, roster, { now: new Date(item.parked.receivedAt), replyBySms: true, budgetMs: WRITE_BUDGET_MS, business })
        : applyBooking(deps, item.parked.booking, roster, { ...item.parked, now: new Date(item.parked.receivedAt), perPhone: false }),
    ),
  );
  let applied = 0;
  for (const [index, outcome] of outcomes.entries()) {
    const { key } = items[index]!;
    if (outcome.status === 'rejected') {
      deps.log('error', 'a parked item could not be applied; it stays parked', { key, error: String(outcome.reason) });
      continue;
    }
    await deps.store.delete(key);
    applied++;
  }
  return { applied, kept: items.length - applied };
}

/**
 * One inbound text: the conversation engine's change, its notifications claimed in the same write. With
 * `replyBySms` (a text applied after Twilio's answer) the reply is queued as a text to the sender, due now.
 */
export function applyText(
  deps: Deps,
  text: InboundText,
  roster: CrewRoster,
  options: { now?: Date; replyBySms?: boolean; budgetMs?: number; business?: BusinessProfile } = {},
): Promise<{ reply: string | null; version: number }> {
  return writeAndDeliver(
    deps,
    (doc) => {
      const ctx = {
        ...businessContext(deps, roster),
        ...(options.business ? { business: options.business } : {}),
        ...(options.now ? { now: options.now } : {}),
      };
      const seen = Object.hasOwn(doc.inbound, text.sid);
      const result = handleInboundText(doc, text, ctx);
      const keys = result.outbox.map((item) => item.key);
      if (!options.replyBySms || seen || result.reply === null || text.unreachable) {
        return { doc: result.doc, result: { reply: result.reply }, keys };
      }
      const reply: NewOutboxItem = {
        key: `${text.sid}:reply:sms`,
        channel: 'sms',
        to: text.from,
        body: result.reply,
        jobId: Object.hasOwn(result.doc.inbound, text.sid) ? (result.doc.inbound[text.sid]?.jobId ?? null) : null,
        notBefore: deps.clock(),
      };
      const queued = enqueue(result.doc, [reply], deps.clock());
      return { doc: queued.doc, result: { reply: result.reply }, keys: [...keys, ...queued.added.map((item) => item.key)] };
    },
    options.budgetMs === undefined ? {} : { budgetMs: options.budgetMs },
  );
}

/** What applying a booking gives: the job written, or the per-phone limit's refusal (nothing written). */
export type AppliedBooking =
  | { readonly ok: true; readonly jobId: string; readonly code: string; readonly link: string; readonly held: boolean; readonly version: number }
  | { readonly ok: false; readonly retryAfterSeconds: number; readonly version: number };

/**
 * One booking: the job (with the id and token given out, when it was parked) and its notifications, within the
 * booking limits counted in jobs.json (domain/booking-limits.ts): BOOKING_TEXTS_PER_HOUR holds the confirmation
 * text past the cap; the per-phone limit refuses, except for a parked booking (`perPhone: false`), which was
 * already answered with its link.
 */
export function applyBooking(
  deps: Deps,
  booking: Booking,
  roster: CrewRoster,
  options: { jobId?: string; token?: string; now?: Date; perPhone?: boolean } = {},
): Promise<AppliedBooking> {
  return writeAndDeliver<Omit<AppliedBooking, 'version'>>(deps, (doc) => {
    const base = businessContext(deps, roster);
    const ctx = {
      ...base,
      ...(options.now ? { now: options.now } : {}),
      ...(options.jobId ? { newId: () => options.jobId! } : {}),
      ...(options.token ? { newToken: () => options.token! } : {}),
    };
    const existing = options.jobId && Object.hasOwn(doc.jobs, options.jobId) ? doc.jobs[options.jobId] : undefined;
    if (existing) {
      const result = { ok: true as const, jobId: existing.id, code: existing.code, link: trackingUrl(ctx, existing.token), held: existing.confirmationHeld };
      return { doc, result, keys: [] };
    }
    const limits = { textsPerHour: deps.config.bookingTextsPerHour, perPhone: options.perPhone ?? true };
    const booked = bookWithinLimits(doc, booking, ctx, limits);
    if (!booked.ok) return { doc, result: { ok: false as const, retryAfterSeconds: booked.retryAfterSeconds }, keys: [] };
    const { doc: next, added } = enqueue(booked.doc, booked.notify, base.now);
    return {
      doc: next,
      result: { ok: true as const, jobId: booked.job.id, code: booked.job.code, link: trackingUrl(ctx, booked.job.token), held: booked.held },
      keys: added.map((item) => item.key),
    };
  }) as Promise<AppliedBooking>;
}
