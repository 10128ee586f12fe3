/**
 * What the public tracking page may show: customer-safe fields only. Never a phone number, a message, crew
 * contact details or another job — the token is the only key and the page is public to whoever holds the link.
 */
import { describeWindow } from './describe-window';
import { etaText } from './eta';
import type { Job, PickupWindow } from './jobs-document';
import { STATUSES, type StatusId } from './statuses';

export interface TrackView {
  readonly businessName: string;
  /** The business time zone, so the page shows times as the business (and usually the customer) reads them. */
  readonly timeZone: string;
  readonly code: string;
  readonly status: StatusId;
  readonly label: string;
  readonly window: PickupWindow | null;
  /** "Today, 12–5 PM", computed in the business time zone (the phone's zone may differ). */
  readonly windowText: string;
  readonly location: string | null;
  readonly priceCents: number | null;
  readonly history: readonly { readonly at: string; readonly status: StatusId; readonly label: string }[];
  readonly updatedAt: string;
  /** The customer confirmed the pickup (YES to the day-before reminder). */
  readonly confirmed: boolean;
  /** "arriving around 2:40 PM" while the crew is on the way with an ETA (in the customer's language), else null. */
  readonly etaText: string | null;
}

/** @example trackView(job, { businessName: 'QuickDumpNow', now, tz: 'America/Chicago' }).label // 'Booked' */
export function trackView(job: Job, ctx: { businessName: string; now: Date; tz: string }): TrackView {
  return {
    businessName: ctx.businessName,
    timeZone: ctx.tz,
    code: job.code,
    status: job.status,
    label: STATUSES[job.status].label,
    window: job.window,
    windowText: describeWindow(job.window, ctx.now, ctx.tz),
    location: job.location,
    priceCents: job.priceCents,
    history: job.history.map((entry) => ({ at: entry.at, status: entry.status, label: STATUSES[entry.status].label })),
    updatedAt: job.updatedAt,
    confirmed: job.confirmedAt !== null,
    etaText: etaText(job, ctx.tz),
  };
}

/** Tokens are nanoid strings; anything else cannot be one, so we answer 404 without reading the store. */
export function isTrackingToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{21,64}$/.test(value);
}
