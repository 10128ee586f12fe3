/**
 * Money in a text: "$600", "600", "1,250", "$450.50", "600 bucks" → integer cents. A number counts as money when it
 * carries a '$' (or "dollars"/"bucks"/"usd" after it); a bare number only when the caller says the text is about a
 * price (a crew "price K7Q2 600"), and never when it is a duration or a clock time ("10 min", "3pm", "10:30").
 * Callers blank job codes and addresses first so "K7Q2" or "1801 Central St" are never read as amounts.
 */

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?`;
/** Not part of a longer number, not a date or clock time. */
const NOT_BEFORE = String.raw`(?<![\d.,:/])`;
const NOT_AFTER = String.raw`(?![\d,:/]|\.\d)`;

const WITH_SIGN = new RegExp(String.raw`\$\s?${NUMBER}${NOT_AFTER}`, 'g');
const WITH_WORD = new RegExp(String.raw`${NOT_BEFORE}${NUMBER}\s?(?:dollars?|bucks?|usd)\b`, 'gi');
const BARE = new RegExp(
  String.raw`${NOT_BEFORE}(?<![\p{L}#-])${NUMBER}${NOT_AFTER}(?!\p{L})` +
    String.raw`(?!\s?(?:(?:am|pm|min|mins|minutes?|hrs?|hours?|h|m|ish|x|lbs?|ft|feet|items?|pieces?|bags?|trips?|loads?)\b|%))`,
  'giu',
);

/**
 * Cents for the first amount in the text, or null.
 * @example amountCents('price 9rz4 $450') // 45000
 * @example amountCents('600', { bare: true }) // 60000
 */
export function amountCents(text: string, options: { bare?: boolean } = {}): number | null {
  for (const pattern of options.bare ? [WITH_SIGN, WITH_WORD, BARE] : [WITH_SIGN, WITH_WORD]) {
    pattern.lastIndex = 0;
    const match = pattern.exec(text);
    if (match) return toCents(match[1] ?? '0', match[2]);
  }
  return null;
}

function toCents(whole: string, fraction: string | undefined): number {
  const dollars = Number(whole.replace(/,/g, ''));
  const cents = fraction === undefined ? 0 : Number(fraction.padEnd(2, '0'));
  return dollars * 100 + cents;
}
