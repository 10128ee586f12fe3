/**
 * How a text relates to a booking the customer already has. English and Spanish, on folded text (no accents):
 * - 'also' (another job): "also", "another", "second pickup", "as well", "my other (house)", "one more",
 *   "también", "otra / otro (dirección, casa, recogida)", "además".
 * - 'instead' (change the one on file): "instead", "actually", "wrong address", "change it to", "meant", "I mean",
 *   "correction", "mejor", "en vez", "en lugar", "cambiar a", "quise decir", "me equivoqué".
 * When both appear, 'instead' wins: a correction is the safer reading (nothing is booked twice).
 * "another day / time", "otro día" ask for a different time for the same job: 'instead', not 'also'. "second floor"
 * and "one second" are not a second job.
 */
import { foldWords } from './fold';
import type { Relation } from './parse-text';

const INSTEAD = new RegExp(
  [
    String.raw`\binstead\b`,
    String.raw`\bactually\b`,
    String.raw`\bwrong (?:address|day|time|date|street|number)\b`,
    String.raw`\bchange (?:it |that |this |the (?:address|time|day|date) |my (?:address|pickup) )?to\b`,
    String.raw`\b(?:i )?meant\b`,
    String.raw`^(?:sorry,? )?i mean\b`,
    String.raw`\bcorrection\b`,
    String.raw`\b(?:another|different|other) (?:day|time|date)\b`,
    String.raw`\bmejor\b`,
    String.raw`\ben (?:vez|lugar)\b`,
    String.raw`\bcambia(?:r|rlo|rla)? (?:(?:la|el) (?:direccion|hora|dia|fecha) )?(?:a|para)\b`,
    String.raw`\bquise decir\b`,
    String.raw`\bme equivoque\b`,
    String.raw`\b(?:otro|otra) (?:dia|hora|fecha)\b`,
  ].join('|'),
);

const ALSO = new RegExp(
  [
    String.raw`\balso\b`,
    String.raw`\banother\b`,
    String.raw`\bsecond (?:pick ?up|job|address|location|place|house|property|load|one|spot|trip|home)\b`,
    String.raw`\bas well\b`,
    String.raw`\bmy other\b`,
    String.raw`\bone more\b`,
    String.raw`\btambien\b`,
    String.raw`\bademas\b`,
    String.raw`\b(?:otra|otro)\b`,
  ].join('|'),
);

/**
 * @example relationOf('also need a pickup friday at 20 Cedar Ave') // 'also'
 * @example relationOf('wrong address, it is 14 Oak St') // 'instead'
 */
export function relationOf(text: string): Relation | null {
  const t = foldWords(text);
  if (INSTEAD.test(t)) return 'instead';
  if (ALSO.test(t)) return 'also';
  return null;
}
