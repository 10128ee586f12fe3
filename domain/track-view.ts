/**
 * What the public tracking page may show: customer-safe fields only. Never the customer's phone number, a message,
 * crew contact details or another job — the token is the only key and the page is public to whoever holds the link.
 * The crew appear by first name only, once they are on the way; the business's own number is public.
 */
import type { CrewRoster } from './crew';
import { findCrewByPhone } from './crew';
import { CREW_ROLES, type Job, type PickupWindow } from './jobs-document';
import { clockInWords, dateTimeInWords, phoneForPeople, windowInWords, type PageLanguage } from './page-words';
import { canTransition, isOpenStatus, STATUSES, type StatusId } from './statuses';

/** Who the customer can reach: shown on every customer page, the not-found page included. */
export interface BusinessContact {
  readonly businessName: string;
  /** E.164, for tel: and sms: links; null when BUSINESS_PHONE is not set. */
  readonly businessPhone: string | null;
  /** "(555) 555-0100". */
  readonly businessPhoneText: string | null;
}

export interface Receipt {
  readonly code: string;
  readonly items: string | null;
  readonly location: string | null;
  readonly priceCents: number | null;
  readonly bookedText: string;
  readonly doneText: string;
  readonly crewFirstName: string | null;
}

export interface TrackView extends BusinessContact {
  /** The job's language ('es' once the customer writes Spanish or books on the Spanish page). */
  readonly language: PageLanguage;
  /** The business time zone, so the page shows times as the business (and usually the customer) reads them. */
  readonly timeZone: string;
  readonly code: string;
  readonly status: StatusId;
  readonly label: string;
  readonly window: PickupWindow | null;
  /** "Today, 12–5 PM" / "Hoy, de 12 a 5 p. m.", in the business time zone (the phone's zone may differ). */
  readonly windowText: string;
  readonly location: string | null;
  readonly priceCents: number | null;
  /** The first name of the crew member on the way (driver first), once the job is en route or later. */
  readonly crewFirstName: string | null;
  /** "2:40 PM" when the crew on the way gave an ETA ("omw 20 min"); null otherwise. */
  readonly etaText: string | null;
  /** When the customer confirmed the pickup (YES to the reminder). */
  readonly confirmedAt: string | null;
  /** The page offers Cancel: the status table allows it. */
  readonly canCancel: boolean;
  /** The page offers a new time: the same rule as a text (not once the crew are on the way). */
  readonly canReschedule: boolean;
  /** Once the job is done. */
  readonly receipt: Receipt | null;
  readonly history: readonly { readonly at: string; readonly status: StatusId; readonly label: string }[];
  readonly updatedAt: string;
  /** The customer confirmed the pickup (YES to the day-before reminder). */
  readonly confirmed: boolean;
}

export interface TrackContext {
  readonly businessName: string;
  readonly businessPhone: string | null;
  readonly now: Date;
  readonly tz: string;
  readonly crew: CrewRoster;
}

/**
 * The business's public contact details.
 * @example businessContact({ businessName: 'QuickDumpNow', businessPhone: '+15555550100' }).businessPhoneText // '(555) 555-0100'
 */
export function businessContact(ctx: { businessName: string; businessPhone: string | null }): BusinessContact {
  return {
    businessName: ctx.businessName,
    businessPhone: ctx.businessPhone,
    businessPhoneText: ctx.businessPhone ? phoneForPeople(ctx.businessPhone) : null,
  };
}

/** @example trackView(job, { businessName: 'QuickDumpNow', businessPhone: null, now, tz: 'America/Chicago', crew }).label // 'Booked' */
export function trackView(job: Job, ctx: TrackContext): TrackView {
  const language = job.language;
  const crewFirstName = onTheWayOrLater(job.status) ? crewFirstNameOf(job, ctx.crew) : null;
  return {
    ...businessContact(ctx),
    language,
    timeZone: ctx.tz,
    code: job.code,
    status: job.status,
    label: STATUSES[job.status].label,
    window: job.window,
    windowText: windowInWords(job.window, ctx.now, ctx.tz, language),
    location: job.location,
    priceCents: job.priceCents,
    crewFirstName,
    etaText: job.status === 'en_route' && job.eta ? clockInWords(job.eta, ctx.tz, language) : null,
    confirmedAt: job.confirmedAt,
    canCancel: isOpenStatus(job.status) && canTransition(job.status, 'cancelled'),
    canReschedule: canRescheduleOnline(job.status),
    receipt: job.status === 'completed' ? receiptOf(job, crewFirstName, ctx.tz) : null,
    history: job.history.map((entry) => ({ at: entry.at, status: entry.status, label: STATUSES[entry.status].label })),
    updatedAt: job.updatedAt,
    confirmed: job.confirmedAt !== null,
  };
}

/**
 * A customer may move their pickup until the crew set out (after that a text goes to a dispatcher instead).
 * @example canRescheduleOnline('en_route') // false
 */
export function canRescheduleOnline(status: StatusId): boolean {
  return status === 'booking_confirmed' || status === 'ready_for_pickup';
}

/** Tokens are nanoid strings; anything else cannot be one, so we answer 404 without reading the store. */
export function isTrackingToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{21,64}$/.test(value);
}

function onTheWayOrLater(status: StatusId): boolean {
  return status === 'en_route' || status === 'in_progress' || status === 'completed';
}

/** The first word of the name of whoever holds the job, the driver first; null when no roster member does. */
function crewFirstNameOf(job: Job, roster: CrewRoster): string | null {
  for (const role of CREW_ROLES) {
    const phone = job.crew[role];
    const member = phone ? findCrewByPhone(roster, phone) : undefined;
    const first = member?.name.trim().split(/\s+/)[0];
    if (first) return first;
  }
  return null;
}

function receiptOf(job: Job, crewFirstName: string | null, tz: string): Receipt {
  const done = [...job.history].reverse().find((entry) => entry.status === 'completed')?.at ?? job.updatedAt;
  return {
    code: job.code,
    items: job.items,
    location: job.location,
    priceCents: job.priceCents,
    bookedText: dateTimeInWords(job.createdAt, tz, job.language),
    doneText: dateTimeInWords(done, tz, job.language),
    crewFirstName,
  };
}
