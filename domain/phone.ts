/**
 * Phone numbers as people type them → E.164, the form Twilio and the jobs document use.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
// 'max' metadata, the same copy sms-destination.ts needs for number types (one copy in the bundle, loaded lazily).

/** Numbers without a country code are read as US numbers (the business's own country). */
export const DEFAULT_COUNTRY = 'US';

export type PhoneResult = { ok: true; phone: string } | { ok: false; error: string };

/**
 * Reads a phone number typed any usual way. "Possible" (the right length for its country), not "valid": the
 * 555-01xx numbers used in demos and tests are not assigned to anyone, yet they are the numbers everyone types
 * when trying the product; a real typo in the digits would be caught when the confirmation text bounces.
 * @example toE164('(555) 555-0123') // { ok: true, phone: '+15555550123' }
 * @example toE164('12345') // { ok: false, error: "That doesn't look like a phone number…" }
 */
export function toE164(typed: string): PhoneResult {
  const text = typed.trim();
  if (text === '') return { ok: false, error: 'Please enter a mobile number.' };
  const parsed = parsePhoneNumberFromString(text, DEFAULT_COUNTRY);
  if (!parsed || !parsed.isPossible()) {
    return {
      ok: false,
      error: "That doesn't look like a phone number. Try e.g. (555) 555-0123, or +44 20 7946 0958 outside the US.",
    };
  }
  // Texts cannot reach an extension: a number with one is a desk phone.
  if (parsed.ext) return { ok: false, error: 'Enter a mobile number we can text, without an extension.' };
  return { ok: true, phone: parsed.number };
}
