/**
 * Small helpers for reading raw SMS text: case folding that keeps every character at the same index (so a span
 * found in the folded copy can be cut from the original), blanking a span, and trimming the punctuation and emoji
 * people put around a one-word reply.
 */

/**
 * Lower-cases `text` without changing its length or any index: the few characters whose lower case is longer
 * (e.g. "İ") are kept as they are, so a match in the result is the same span in `text`.
 * @example foldCase('Tmrw AM 12 Oak St') // 'tmrw am 12 oak st'
 */
export function foldCase(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

/**
 * Replaces `text[start, end)` with spaces, keeping every other index where it was.
 * @example blank('at 12 Oak St now', 3, 12) // 'at           now'
 */
export function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(Math.max(0, end - start)) + text.slice(end);
}

/**
 * The message with surrounding whitespace, punctuation and emoji removed, upper-cased: what Twilio compares its
 * keywords against.
 * @example bareWord('  Stop!! ') // 'STOP'
 */
export function bareWord(text: string): string {
  return text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toUpperCase();
}

/**
 * Folded, with curly quotes straightened, dashes made '-', and emoji and other symbols turned into spaces, so the
 * regular expressions after it only meet ASCII punctuation. Keeps indices (every replacement is one code unit for
 * one code unit, and surrogate pairs become two spaces).
 * @example plainText('OMW 👍 K7Q2') // 'omw    k7q2'
 */
export function plainText(text: string): string {
  return foldCase(text)
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Emoji_Component}\uFE0F\u200D]/gu, (m) =>
      /[0-9#*]/.test(m) ? m : ' '.repeat(m.length),
    );
}
