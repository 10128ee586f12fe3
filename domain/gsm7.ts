/**
 * SMS encoding and cost. A text whose every character is in the GSM 03.38 alphabet (GSM-7) fits 160 characters in
 * one segment (153 a segment once split); a single character outside it sends the whole text as UCS-2: 70
 * characters, 67 a segment once split — about three times the cost. The extension table (^ { } \ [ ~ ] | €) is
 * GSM-7 but takes two septets each.
 *
 * `toGsm7` is what every customer text goes through last: typographic dashes and quotes become plain ones and
 * letters GSM-7 lacks lose their accent (á → a, í → i, ó → o, ú → u), the way Twilio's Smart Encoding does. The
 * letters GSM-7 has keep theirs (é è ù ì ò à ñ Ñ ü Ü ä ö Ä Ö Ç å ø æ ß É), and so do ¿ and ¡ (both are GSM-7).
 * Followed: 3GPP TS 23.038 §6.2.1 (default alphabet and extension table) and Twilio's "What the heck is a segment?"
 * and Smart Encoding pages for the replacements.
 */

const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '^{}\\[~]|€\f';

const BASIC_SET = new Set(BASIC);
const EXTENSION_SET = new Set(EXTENSION);

/** Smart-Encoding style replacements for common characters outside GSM-7. */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u2013': '-', // en dash
  '\u2014': '-', // em dash
  '\u2012': '-',
  '\u2212': '-',
  '\u00b7': '-', // middle dot
  '\u2022': '-', // bullet
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u02bc': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2026': '...',
  // Letters whose accent is not a combining mark (NFD leaves them whole): a crew member Łukasz stays Lukasz.
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\t': ' ',
};

/** @example isGsm7('Today, 12-5 PM') // true;  isGsm7('Today, 12–5 PM') // false (en dash) */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!BASIC_SET.has(ch) && !EXTENSION_SET.has(ch)) return false;
  return true;
}

export interface SegmentCount {
  readonly encoding: 'GSM-7' | 'UCS-2';
  /** Septets for GSM-7 (extension characters count two), UTF-16 code units for UCS-2. */
  readonly units: number;
  readonly segments: number;
}

/**
 * How a text is billed: its encoding, length in that encoding's units, and segments (0 for an empty text).
 * @example segments('Thanks!') // { encoding: 'GSM-7', units: 7, segments: 1 }
 * @example segments('x'.repeat(161)).segments // 2
 */
export function segments(text: string): SegmentCount {
  if (isGsm7(text)) {
    let units = 0;
    for (const ch of text) units += EXTENSION_SET.has(ch) ? 2 : 1;
    return { encoding: 'GSM-7', units, segments: units === 0 ? 0 : units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  const units = text.length;
  return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

/**
 * The text in GSM-7: known typographic characters replaced, accents GSM-7 lacks dropped, anything else (emoji)
 * removed.
 * @example toGsm7('Today, 12–5 PM · “Oak St”') // 'Today, 12-5 PM - "Oak St"'
 * @example toGsm7('¿Mañana a qué hora?') // '¿Mañana a que hora?'
 */
export function toGsm7(text: string): string {
  let out = '';
  for (const ch of text) {
    if (BASIC_SET.has(ch) || EXTENSION_SET.has(ch)) out += ch;
    else if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else out += withoutAccent(ch);
  }
  return out;
}

/**
 * A table of wordings whose every text comes out through toGsm7: what crew read (crew-wording.ts,
 * crew-alert-wording.ts) carries names, addresses and window texts ("12–5 PM") that would otherwise make it UCS-2.
 * @example inGsm7({ hi: (name: string) => `Hi ${name} · on the way` }).hi('Ána') // 'Hi Ana - on the way'
 */
export function inGsm7<T extends Record<string, (...args: never[]) => string>>(wordings: T): T {
  const plain = Object.entries(wordings).map(([name, wording]) => [
    name,
    (...args: never[]) => toGsm7(wording(...args)),
  ]);
  return Object.freeze(Object.fromEntries(plain)) as T;
}

/** 'á' → 'a', 'Í' → 'I'; a character with no GSM-7 base letter (emoji, CJK) → ''. */
function withoutAccent(ch: string): string {
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return [...base].every((c) => BASIC_SET.has(c)) ? base : '';
}
