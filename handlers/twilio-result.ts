/**
 * How a failed Twilio "create Message" call becomes a SendResult. Shared by the REST-client adapter
 * (twilio-sms.ts) and the fetch adapter (twilio-sms-fetch.ts) so both decide retries the same way.
 *
 * Twilio answers an error with a JSON body such as
 * `{ "code": 21610, "message": "Attempt to send to unsubscribed recipient",
 *    "more_info": "https://www.twilio.com/docs/errors/21610", "status": 400 }`.
 */
import { ConfigError } from '../domain/errors';
import type { SendResult } from '../domain/ports';

/** "Attempt to send to unsubscribed recipient": the number texted STOP. Never retried; the number is opted out. */
export const TWILIO_UNSUBSCRIBED = 21610;

export interface TwilioFailure {
  /** HTTP status, or null when no response came back (connection refused or reset, timeout). */
  readonly status: number | null;
  /** Twilio's error code from the body, when there was one. */
  readonly code: number | null;
  readonly message: string;
}

/**
 * 21610 → opted out, no retry. No response, 429 (20429: "never processed and always safe to retry") or 5xx → retry.
 * Any other 4xx (bad number, unverified sender, wrong credentials) → no retry: sending the same request again
 * gets the same answer, so the outbox marks it failed at once and the dispatcher sees why.
 * @example twilioFailure({ status: 400, code: 21610, message: 'unsubscribed' }).optedOut // true
 */
export function twilioFailure(failure: TwilioFailure): SendResult & { ok: false } {
  const { status, code } = failure;
  const error = `Twilio ${status === null ? 'request failed' : `HTTP ${status}`}${code === null ? '' : ` error ${code}`}: ${failure.message}`;
  if (code === TWILIO_UNSUBSCRIBED) return { ok: false, retry: false, optedOut: true, error };
  const retry = status === null || status === 429 || status >= 500;
  return { ok: false, retry, optedOut: false, error };
}

/** What both Twilio adapters need to send. */
export interface TwilioOptions {
  readonly accountSid: string;
  readonly authToken: string;
  /** The business number (E.164). */
  readonly from?: string | null;
  /** A Messaging Service (MG…). Twilio accepts it instead of, or together with, `From` (see error 21603). */
  readonly messagingServiceSid?: string | null;
  /** Where Twilio's REST API lives; tests point it at a local stand-in. Default https://api.twilio.com. */
  readonly baseUrl?: string;
  /**
   * Where Twilio posts delivery status for each message (Messages create parameter `StatusCallback`, per Twilio's
   * "Track the Message Status of Outbound Messages" guide): `${PUBLIC_BASE_URL}/sms/status`.
   */
  readonly statusCallback?: string | null;
}

export const TWILIO_API = 'https://api.twilio.com';

/**
 * Checks the options a misconfiguration would otherwise only reveal at the first send. Throws ConfigError.
 * @example checkTwilioOptions({ accountSid: 'AC' + '0'.repeat(32), authToken: 't', from: '+15555550100' }) // ok
 */
export function checkTwilioOptions(options: TwilioOptions): void {
  if (!/^AC[0-9a-fA-F]{32}$/.test(options.accountSid)) {
    throw new ConfigError('TWILIO_ACCOUNT_SID', 'must be AC followed by 32 hex digits (Twilio console → Account info)');
  }
  if (!options.authToken) throw new ConfigError('TWILIO_AUTH_TOKEN', 'is required to send texts through Twilio');
  if (!options.from && !options.messagingServiceSid) {
    throw new ConfigError('TWILIO_FROM', 'set TWILIO_FROM (the business number) or TWILIO_MESSAGING_SERVICE_SID');
  }
}
