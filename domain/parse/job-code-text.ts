/**
 * Finding a job code inside a text ("omw #k7q2", "price 9rz4 $450"). A code is 4 characters of the job-code
 * alphabet with at least one digit and one letter, standing alone (a '#' in front is allowed). Some SMS words have
 * exactly that shape — "2day", "2mrw", "22nd", "5hrs" — and are not read as codes unless written with '#'.
 * The code's shape lives here (not in job-code.ts, which generates codes) so the two files import one way only.
 */

/** The job-code alphabet: no look-alikes (no 0/O, 1/I/L). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** @example isJobCode('K7Q2') // true;  isJobCode('DONE') // false */
export function isJobCode(value: string): boolean {
  return /^[2-9A-HJ-NP-Z]{4}$/.test(value) && /[2-9]/.test(value) && /[A-Z]/.test(value);
}

/** Text words shaped like a code: ordinals, clock and unit suffixes, number-spelled slang. */
const NOT_A_CODE = [
  /^\d+(ST|ND|RD|TH)$/,
  /^\d+(AM|PM|HR|HRS|HZ|MN|MNS|MS|KG|KM|LB|LBS|FT|YD|YDS|PCS|PK|GB|MB)$/,
  /^\d(DAY|DYS|MRW|NTE|NYT|GTH|EVA|EVR|GET)$/,
  /^\d+X\d+[A-Z]?$/,
];

export interface FoundCode {
  /** Upper-cased, without the '#'. */
  readonly code: string;
  /** Span in the text, '#' included, so callers can blank it before reading amounts. */
  readonly start: number;
  readonly end: number;
}

/**
 * The first job code in the text, or null.
 * @example findJobCode('OMW #k7q2') // { code: 'K7Q2', start: 4, end: 9 }
 */
export function findJobCode(text: string): FoundCode | null {
  const pattern = /(?<![\p{L}\p{N}_'-])(#\s?)?([\p{L}\p{N}]{4})(?![\p{L}\p{N}_]|'[a-z])/giu;
  for (const match of text.matchAll(pattern)) {
    const word = (match[2] ?? '').toUpperCase();
    if (!isJobCode(word)) continue;
    // With a '#' the writer means a code, even one that looks like "22ND".
    if (!match[1] && NOT_A_CODE.some((re) => re.test(word))) continue;
    return { code: word, start: match.index, end: match.index + match[0].length };
  }
  return null;
}

/**
 * A word written where a command expects a code but not shaped like one ("claim ZZZZ", "omw #OAK1"): the crew
 * member meant a code, so the reply can name it instead of asking "which job?". Null for ordinary words.
 * @example codeAttempt('claim ZZZZ') // 'ZZZZ'
 * @example codeAttempt('claim that') // null
 */
export function codeAttempt(text: string): string | null {
  const match = /^\s*(?:claim|take|grab|omw|otw|here|at|done|release|drop|price|quote)\s+(#\s?)?([\p{L}\p{N}]{4})(?:\s+\$?\d[\d.,]*)?\s*$/iu.exec(text);
  if (!match) return null;
  const word = match[2] ?? '';
  // Upper case, a digit or a '#' says "code"; a lower-case word ("omw soon", "claim mine") is just a word.
  return match[1] || /\d/.test(word) || word === word.toUpperCase() ? word.toUpperCase() : null;
}
