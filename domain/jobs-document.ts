/**
 * jobs.json: the single source of truth for the open work, one versioned document, read record by record
 * (domain/document-records.ts: a bad record is quarantined) and validated where a change touches it.
 * `version` counts writes (every compare-and-swap write increments it); `schema` is the shape's version.
 * Schema 2 (the hot document): jobs carry `closedAt`, and closed jobs older than ARCHIVE_AFTER_DAYS live in the
 * monthly archive objects (domain/archive.ts), not here. A schema-1 document upgrades on read (upgradeJobsDocument).
 */
import * as z from 'zod';
import { STATUS_IDS } from './statuses';

export const CREW_ROLES = ['driver', 'first_mate', 'supervisor'] as const;
export type CrewRole = (typeof CREW_ROLES)[number];

const iso = z.string().min(1);
const phone = z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 phone number such as +15555550123');

export const WindowSchema = z.object({ start: iso, end: iso });
export type PickupWindow = z.infer<typeof WindowSchema>;

/** How a text reached us: plain SMS, or Twilio's WhatsApp / Facebook Messenger channels (the From prefix). */
export const CHANNELS = ['sms', 'whatsapp', 'messenger'] as const;
export type Channel = (typeof CHANNELS)[number];

export const MessageSchema = z.object({
  at: iso,
  direction: z.enum(['in', 'out']),
  /** Phone number (E.164) or 'system' for our own texts. */
  from: z.string(),
  to: z.string(),
  body: z.string(),
  /** Twilio MessageSid for inbound texts; the outbox key for outbound ones. */
  sid: z.string().nullable(),
  /** What the parser understood, for inbound texts. */
  intent: z.string().nullable().default(null),
  /** The number of photos that came with it (MMS). */
  media: z.number().int().nonnegative().default(0),
  /** Absent on SMS (most messages, and every message written before channels were kept). */
  channel: z.enum(CHANNELS).optional(),
});
export type Message = z.infer<typeof MessageSchema>;

export const PhotoSchema = z.object({
  url: z.string(),
  contentType: z.string(),
  from: z.string(),
  at: iso,
  messageSid: z.string(),
  /** Customer photos show the items; crew photos tagged with a code are proof of work. */
  kind: z.enum(['customer', 'proof']),
});
export type Photo = z.infer<typeof PhotoSchema>;

export const HistoryEntrySchema = z.object({
  at: iso,
  status: z.enum(STATUS_IDS),
  /** Who did it: a phone number, a crew name, 'dispatcher' or 'system'. */
  by: z.string(),
  via: z.enum(['sms', 'dashboard', 'web', 'system']),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const QuoteSchema = z.object({
  amountCents: z.number().int().nonnegative(),
  /** Phone of the crew member who set it, or 'dispatcher'. */
  by: z.string(),
  at: iso,
  state: z.enum(['pending', 'accepted']),
});
export type Quote = z.infer<typeof QuoteSchema>;

const slot = phone.nullable().default(null);

export const JobSchema = z.object({
  id: z.string().min(1),
  code: z.string().regex(/^[2-9A-HJ-NP-Z]{4}$/),
  token: z.string().min(21),
  customer: z.object({ phone, name: z.string().nullable().default(null) }),
  location: z.string().nullable(),
  window: WindowSchema.nullable(),
  status: z.enum(STATUS_IDS),
  priceCents: z.number().int().nonnegative().nullable(),
  quote: QuoteSchema.nullable().default(null),
  notes: z.string().default(''),
  items: z.string().nullable().default(null),
  crew: z
    .object({ driver: slot, first_mate: slot, supervisor: slot })
    .default({ driver: null, first_mate: null, supervisor: null }),
  photos: z.array(PhotoSchema).default([]),
  messages: z.array(MessageSchema).default([]),
  history: z.array(HistoryEntrySchema).default([]),
  /** The customer texted something the bot could not act on and no dispatcher has answered yet. */
  needsAttention: z.boolean().default(false),
  /** The customer's language: texts and pages follow it ('es' once they write Spanish, 'en' again on English). */
  language: z.enum(['en', 'es']).default('en'),
  /** When the customer confirmed the pickup (YES to the day-before reminder); shown on the board and track page. */
  confirmedAt: iso.nullable().default(null),
  /** When the crew on the way expect to arrive (from "omw 20 min"); null when they gave no ETA. */
  eta: iso.nullable().default(null),
  /**
   * A booking-form job whose confirmation text was not sent because the hourly cap on booking texts was reached
   * (SMS pumping guard); the dispatcher sends it from the board, or calls the customer.
   */
  confirmationHeld: z.boolean().default(false),
  /** When the job became completed or cancelled (null while open): the archive's clock and month. */
  closedAt: iso.nullable().default(null),
  // Once-only bookkeeping for what the clock sends (domain/clock-tick.ts); the outbox keys are the second guard.
  /** When the day-before reminder was queued (YES after it confirms the pickup). */
  reminderSentAt: iso.nullable().default(null),
  /** When the dispatcher was told nobody was on the way LATE_AFTER_MIN into the window (the board's late mark). */
  lateAlertAt: iso.nullable().default(null),
  /** When the customer was sent the apology for a window that ended with nobody on the way. */
  apologySentAt: iso.nullable().default(null),
  /** When the review request was queued (never twice). */
  reviewRequestedAt: iso.nullable().default(null),
  /** The dispatcher marked a complaint on the job: no review request. */
  complaint: z.boolean().default(false),
  createdAt: iso,
  updatedAt: iso,
});
export type Job = z.infer<typeof JobSchema>;

export const OutboxItemSchema = z.object({
  /** Stable: job + event (e.g. "job_abc:en_route:sms"). Enqueuing an existing key is a no-op. */
  key: z.string().min(1),
  channel: z.enum(['sms', 'email']),
  to: z.string().min(1),
  subject: z.string().nullable().default(null),
  body: z.string(),
  jobId: z.string().nullable(),
  createdAt: iso,
  /** Not before this time (quiet hours, backoff). */
  notBefore: iso,
  attempts: z.number().int().nonnegative().default(0),
  /**
   * pending → sending (claimed by one deliverer until leaseUntil) → sent | failed (gave up after N tries) |
   * skipped (recipient opted out).
   */
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'skipped']),
  leaseUntil: iso.nullable().default(null),
  lastError: z.string().nullable().default(null),
  sentAt: iso.nullable().default(null),
  /** The provider's id for the sent message (Twilio MessageSid): status callbacks find the item by it. */
  providerId: z.string().nullable().default(null),
  /** What the carrier says became of a sent text (Twilio status callbacks); null until the first callback. */
  delivery: z
    .object({ status: z.enum(['queued', 'sent', 'delivered', 'undelivered', 'failed']), errorCode: z.string().nullable(), at: iso })
    .nullable()
    .default(null),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

export const InboundRecordSchema = z.object({
  at: iso,
  /** The TwiML reply text we gave (null for an empty reply), so a duplicate delivery gets the same answer. */
  reply: z.string().nullable(),
  jobId: z.string().nullable(),
});

/** The document shape this code writes. */
export const JOBS_SCHEMA = 2;

/**
 * A record that failed validation when the document was read, kept aside with why, so one bad record never makes
 * the whole document unreadable. `key` names where it was ("jobs.job_abc", "outbox.3"); the dashboard lists these.
 */
export const QuarantinedSchema = z.object({
  key: z.string(),
  reason: z.string(),
  raw: z.unknown(),
});
export type Quarantined = z.infer<typeof QuarantinedSchema>;
/**
 * A booking in the making, per phone (domain/pending-booking.ts): what the customer told us before the address
 * arrived, or the question we asked and are waiting on ("Reply NEW or CHANGE", "Which pickup?"). Kept 48 hours.
 */
export const PendingBookingSchema = z.object({
  at: iso,
  window: WindowSchema.nullable().default(null),
  /** Display string, as Job.items ("piano, 2 mattresses"). */
  items: z.string().nullable().default(null),
  notes: z.array(z.string()).default([]),
  photos: z.array(PhotoSchema).default([]),
  name: z.string().nullable().default(null),
  language: z.enum(['en', 'es']).default('en'),
  itemsReady: z.boolean().default(false),
  /** A new address for another job or for the open one: "Reply NEW or CHANGE" is waiting on this. */
  location: z.string().nullable().default(null),
  question: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('new-or-change'), jobId: z.string() }),
      z.object({ kind: z.literal('which'), action: z.enum(['status', 'cancel']), jobIds: z.array(z.string()) }),
    ])
    .nullable()
    .default(null),
});
export type PendingBooking = z.infer<typeof PendingBookingSchema>;

export const JobsDocumentSchema = z.object({
  schema: z.literal(JOBS_SCHEMA),
  version: z.number().int().nonnegative(),
  jobs: z.record(z.string(), JobSchema),
  /** E.164 numbers that texted STOP (or that Twilio reported as 21610); never texted until START. */
  optOuts: z.array(phone),
  /** Inbound texts that matched no job. */
  unmatched: z.array(MessageSchema).default([]),
  /** Every MessageSid we have acted on, so a second delivery of the same text changes nothing. */
  inbound: z.record(z.string(), InboundRecordSchema).default({}),
  outbox: z.array(OutboxItemSchema).default([]),
  /** Records set aside because they failed validation on read (see domain/document-records.ts). */
  quarantine: z.array(QuarantinedSchema).default([]),
  /** Bookings waiting on an address or an answer, by customer phone (E.164). */
  pendingBookings: z.record(z.string(), PendingBookingSchema).default({}),
  /** The dispatcher's inbox state per phone (E.164): when its thread was last read and last marked handled. */
  threads: z.record(z.string(), z.object({ readAt: iso.nullable().default(null), handledAt: iso.nullable().default(null) })).default({}),
});
export type JobsDocument = z.infer<typeof JobsDocumentSchema>;

/** An empty jobs document, as a missing jobs.json reads. @example emptyJobsDocument().version // 0 */
export function emptyJobsDocument(): JobsDocument {
  return {
    schema: JOBS_SCHEMA,
    version: 0,
    jobs: {},
    optOuts: [],
    unmatched: [],
    inbound: {},
    outbox: [],
    quarantine: [],
    pendingBookings: {},
    threads: {},
  };
}

/**
 * A document as today's code wrote it, raised to the current schema before validation: schema 1 (every job ever,
 * no `closedAt`) gets `closedAt` from each closed job's history. Anything else passes through unchanged, so
 * validation names what is wrong. The next write stores schema 2; archiving the old closed jobs is the sweep's.
 * @example upgradeJobsDocument({ schema: 1, version: 3, jobs: {}, optOuts: [] }).schema // 2
 */
export function upgradeJobsDocument(raw: unknown): unknown {
  if (!isRecord(raw) || raw.schema !== 1) return raw;
  const jobs = isRecord(raw.jobs) ? raw.jobs : {};
  const upgraded: Record<string, unknown> = {};
  for (const [id, job] of Object.entries(jobs)) {
    upgraded[id] = isRecord(job) && !('closedAt' in job) ? { ...job, closedAt: closingTimeOf(job) } : job;
  }
  return { ...raw, schema: JOBS_SCHEMA, jobs: upgraded };
}

/** A schema-1 job's closing time: its last closing history entry (else updatedAt), null while it is open. */
function closingTimeOf(job: Record<string, unknown>): string | null {
  const status = job.status;
  if (status !== 'completed' && status !== 'cancelled') return null;
  const history = Array.isArray(job.history) ? (job.history as unknown[]) : [];
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i];
    if (isRecord(entry) && entry.status === status && typeof entry.at === 'string') return entry.at;
  }
  return typeof job.updatedAt === 'string' ? job.updatedAt : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
