/**
 * Phone numbers as people type them → E.164, the form Twilio and the jobs document use.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
// 'max' metadata, the same copy sms-destination.ts needs for number types (one copy in the bundle, loaded lazily).
import type { Channel } from './jobs-document';

/** Numbers without a country code are read as US numbers (the business's own country). */
export const DEFAULT_COUNTRY: CountryCode = 'US';

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

/** A text's sender as Twilio gave it (`From`), read once at the boundary. */
export interface Sender {
  /** How it reached us: the `whatsapp:` / `messenger:` prefix, else plain SMS. */
  readonly channel: Channel;
  /** E.164 when the sender is a phone number we can text back; null for short codes, names, Messenger ids. */
  readonly phone: string | null;
  /** What Twilio sent, trimmed (kept on the message when there is no phone). */
  readonly raw: string;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Reads Twilio's `From` (or `To`). `country` is the business's own, for numbers written without a country code.
 * Short codes ("12345"), alphanumeric sender ids ("ACME") and Messenger page-scoped ids are not phones: such a
 * sender is recorded but never becomes a customer and is never texted.
 * @example readSender('whatsapp:+15555550123') // { channel: 'whatsapp', phone: '+15555550123', raw: 'whatsapp:+15555550123' }
 * @example readSender('12345').phone // null
 */
export function readSender(from: string, country: CountryCode = DEFAULT_COUNTRY): Sender {
  const raw = from.trim();
  const prefix = /^(whatsapp|messenger):/i.exec(raw);
  const channel: Channel = prefix ? (prefix[1]!.toLowerCase() as Channel) : 'sms';
  const address = prefix ? raw.slice(prefix[0].length).trim() : raw;
  // Messenger addresses are page-scoped ids, whatever digits they hold.
  if (channel === 'messenger' || !/^\+?[\d\s().-]+$/.test(address)) return { channel, phone: null, raw };
  const parsed = parsePhoneNumberFromString(address, country);
  const phone = parsed && parsed.isPossible() && !parsed.ext && E164.test(parsed.number) ? parsed.number : null;
  return { channel, phone, raw };
}

/**
 * The country of the business's own number, the region numbers without a country code are read in; US without one.
 * @example countryOfNumber('+442079460958') // 'GB'
 */
export function countryOfNumber(phone: string | null): CountryCode {
  return (phone ? parsePhoneNumberFromString(phone)?.country : undefined) ?? DEFAULT_COUNTRY;
}
