/**
 * What every pure domain change needs besides the document: the clock, the business, the roster and the sources
 * of randomness. Handlers build it once per request; tests build it from fixed values.
 */
import type { BusinessProfile } from './business-profile';
import type { CrewRoster } from './crew';

export interface BusinessContext {
  readonly now: Date;
  readonly tz: string;
  readonly businessName: string;
  /** The business number (E.164) customers can call or text; null when not configured. */
  readonly businessPhone: string | null;
  /** e.g. https://dispatch.example.com — tracking links are `${publicBaseUrl}/track/<token>`. */
  readonly publicBaseUrl: string;
  readonly dispatchEmail: string | null;
  readonly crew: CrewRoster;
  /** business.json: what questions are answered from; absent = nothing to answer from (a person answers). */
  readonly business?: BusinessProfile;
  /** A new unique job id. */
  readonly newId: () => string;
  /** A new unguessable tracking token (nanoid, 21+ chars); never derived from the id. */
  readonly newToken: () => string;
  /** Uniform in [0, 1): job codes. */
  readonly random: () => number;
}

/** @example trackingUrl(ctx, 'V1StGXR8_Z5jdHi6B-myT') // 'https://dispatch.example.com/track/V1StGXR8_Z5jdHi6B-myT' */
export function trackingUrl(ctx: Pick<BusinessContext, 'publicBaseUrl'>, token: string): string {
  return `${ctx.publicBaseUrl}/track/${token}`;
}
