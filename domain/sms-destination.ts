/**
 * Which numbers the public booking form may text. SMS pumping: a bot books with numbers whose carriers pay the
 * attacker per message (premium-rate, shared-cost, far-away countries), and the business pays for every text. So
 * the form texts only numbers in the business's own countries, and never number types that cost the sender extra.
 * libphonenumber's 'max' metadata is needed: the default 'min' metadata cannot tell a number's type.
 */
import { parsePhoneNumberFromString, type NumberType } from 'libphonenumber-js/max';

/** Types a confirmation text may go to. Unknown (undefined: a possible but unassigned number, like 555-01xx) too. */
const TEXTABLE_TYPES: ReadonlySet<NumberType> = new Set<NumberType>(['MOBILE', 'FIXED_LINE_OR_MOBILE', 'FIXED_LINE', 'VOIP']);

/**
 * Why the form must not text `phone` (E.164), or null when it may. Premium-rate, shared-cost, toll-free, pager,
 * personal (follow-me), UAN and voicemail numbers are refused, as is any country not in `allowedCountries`.
 * @example smsDestinationProblem('+15555550123', ['US']) // null
 * @example smsDestinationProblem('+19005550123', ['US']) // 'We can't text that kind of number…'
 * @example smsDestinationProblem('+37120000000', ['US']) // 'We only text United States numbers from this form…'
 */
export function smsDestinationProblem(phone: string, allowedCountries: readonly string[]): string | null {
  const parsed = parsePhoneNumberFromString(phone);
  const countries = parsed ? countriesOf(parsed) : [];
  if (!countries.some((country) => allowedCountries.includes(country))) {
    return `We only text ${countryNames(allowedCountries)} numbers from this form. Please call or text us instead.`;
  }
  const type = parsed?.getType();
  if (type !== undefined && !TEXTABLE_TYPES.has(type)) {
    return "We can't text that kind of number. Please give a mobile number, or call or text us instead.";
  }
  return null;
}

/**
 * The countries the booking form texts: ALLOWED_COUNTRIES when set, else the business's own (its phone's), else US.
 * @example textableCountries(null, '+442079460958') // ['GB']
 */
export function textableCountries(allowed: readonly string[] | null, businessPhone: string | null): readonly string[] {
  return allowed ?? [countryOfPhone(businessPhone) ?? 'US'];
}

/**
 * The country of an E.164 number (its region), or null when it has none or is not a number.
 * @example countryOfPhone('+442079460958') // 'GB'
 */
export function countryOfPhone(phone: string | null): string | null {
  if (phone === null) return null;
  const parsed = parsePhoneNumberFromString(phone);
  return parsed ? (countriesOf(parsed)[0] ?? null) : null;
}

/**
 * A valid number has one country. A possible but unassigned one (+1 555 555 0123) has none of its own, so it gets
 * the main country of its calling code (US for +1): +1 876 (Jamaica) is valid and so is never read as US.
 */
function countriesOf(parsed: NonNullable<ReturnType<typeof parsePhoneNumberFromString>>): string[] {
  if (parsed.country) return [parsed.country];
  if (parsed.isValid()) return [];
  const main = parsed.getPossibleCountries();
  return main.length > 0 ? [main[0]!] : [];
}

function countryNames(codes: readonly string[]): string {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  return codes.map((code) => names.of(code) ?? code).join(' or ');
}
