/**
 * The pieces customer texts are built from, shared by the English and Spanish wording: the language type, an
 * address short enough for one segment, dollars, a crew member's first name, and picking the longest variant of a
 * text that still fits one segment.
 */
import { isGsm7, segments, toGsm7 } from './gsm7';

export type Language = 'en' | 'es';

/** Longest address quoted back in a text; the full address stays on the job. Sized so a text keeps to one segment. */
export const MAX_LOCATION_IN_TEXT = 32;
/** One GSM-7 segment. */
export const ONE_SEGMENT = 160;

/** @example shortLocation('1801 Central St Apt 3B') // '1801 Central St Apt 3B' */
export function shortLocation(location: string | null, language: Language = 'en'): string {
  if (!location) return language === 'es' ? 'su dirección' : 'your address';
  const plain = toGsm7(location.replace(/\s+/g, ' ').trim());
  return plain.length > MAX_LOCATION_IN_TEXT ? `${plain.slice(0, MAX_LOCATION_IN_TEXT - 3).trimEnd()}...` : plain;
}

/** @example formatDollars(60000) // '$600';  formatDollars(45050) // '$450.50' */
export function formatDollars(cents: number): string {
  const dollars = cents / 100;
  return Number.isInteger(dollars)
    ? `$${dollars.toLocaleString('en-US')}`
    : `$${dollars.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** @example firstName('Sam Rivera') // 'Sam' */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/**
 * The first variant that fits one GSM-7 segment, else the last (shortest) one; always in GSM-7. Variants go from
 * most to least detail, so a short address gets the items named and a long one still gets one segment.
 * @example fitOneSegment('Booked: piano, tomorrow at 12 Oak St.', 'Booked: tomorrow at 12 Oak St.')
 */
export function fitOneSegment(...variants: string[]): string {
  const plain = variants.map(toGsm7);
  return plain.find((text) => isGsm7(text) && segments(text).segments <= 1) ?? plain[plain.length - 1] ?? '';
}

/** "piano, 2 mattresses" trimmed to `max` characters at a comma. */
export function shortItems(items: string | null, max = 40): string | null {
  if (!items) return null;
  if (items.length <= max) return items;
  const cut = items.slice(0, max);
  const comma = cut.lastIndexOf(',');
  return `${comma > 0 ? cut.slice(0, comma) : cut.trimEnd()}...`;
}
