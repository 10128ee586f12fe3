/**
 * jobs.json: the single source of truth, one versioned document validated on every read.
 * `version` counts writes (every compare-and-swap write increments it); `schema` is the shape's version.
 */
import * as z from 'zod';
import { STATUS_IDS } from './statuses';

export const CREW_ROLES = ['driver', 'first_mate', 'supervisor'] as const;
export type CrewRole = (typeof CREW_ROLES)[number];

const iso = z.string().min(1);
const phone = z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 phone number such as +15555550123');

export const WindowSchema = z.object({ start: iso, end: iso });
export type PickupWindow = z.infer<typeof WindowSchema>;

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
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

export const InboundRecordSchema = z.object({
  at: iso,
  /** The TwiML reply text we gave (null for an empty reply), so a duplicate delivery gets the same answer. */
  reply: z.string().nullable(),
  jobId: z.string().nullable(),
});

export const JobsDocumentSchema = z.object({
  schema: z.literal(1),
  version: z.number().int().nonnegative(),
  jobs: z.record(z.string(), JobSchema),
  /** E.164 numbers that texted STOP (or that Twilio reported as 21610); never texted until START. */
  optOuts: z.array(phone),
  /** Inbound texts that matched no job. */
  unmatched: z.array(MessageSchema).default([]),
  /** Every MessageSid we have acted on, so a second delivery of the same text changes nothing. */
  inbound: z.record(z.string(), InboundRecordSchema).default({}),
  outbox: z.array(OutboxItemSchema).default([]),
});
export type JobsDocument = z.infer<typeof JobsDocumentSchema>;

/** An empty jobs document, as a missing jobs.json reads. @example emptyJobsDocument().version // 0 */
export function emptyJobsDocument(): JobsDocument {
  return { schema: 1, version: 0, jobs: {}, optOuts: [], unmatched: [], inbound: {}, outbox: [] };
}

/**
 * Parses and validates a jobs document; throws a zod error naming the bad path.
 * @example parseJobsDocument('{"schema":1,"version":0,"jobs":{},"optOuts":[]}').version // 0
 */
export function parseJobsDocument(text: string): JobsDocument {
  return JobsDocumentSchema.parse(JSON.parse(text));
}
