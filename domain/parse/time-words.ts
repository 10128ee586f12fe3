/**
 * Rewrites SMS spellings of day and time words into one spelling each ("tmrw" → "tomorrow", "aftn" → "afternoon",
 * "sat" → "saturday", "til" → "until", "3ish" → "3", "tmrw am" → "tomorrow morning"), so the expression reader in
 * domain/time-expressions.ts needs one pattern per idea. Input is already folded to lower case (sms-text.ts).
 * Rewrites may change the length: run them after addresses and codes have been cut out.
 */

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export const WEEKDAY = `(?:${WEEKDAYS.join('|')})`;
const DAY_WORD = `(?:today|tomorrow|tonight|${WEEKDAY}|\\d{1,2}/\\d{1,2})`;

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const NUMBER_WORD = `(?:${Object.keys(NUMBER_WORDS).join('|')})`;

const REWRITES: ReadonlyArray<readonly [RegExp, string | ((...groups: string[]) => string)]> = [
  [/\ba\.\s?m\b\.?/g, 'am'],
  [/\bp\.\s?m\b\.?/g, 'pm'],
  [/@/g, ' at '],
  [/~\s*/g, ' around '],
  // "3ish", "3 o'clock" are clock times: written as "3:00" so the colon-time pattern reads them.
  [/\b(\d{1,2})(?::(\d\d))?\s*-?\s*(?:ish|o'?\s?clock)\b/g, (_: string, h: string, m?: string) => `${h}:${m ?? '00'}`],
  [/\b12\s*noon\b/g, 'noon'],
  [/\b12\s*midnight\b/g, 'midnight'],
  [/\b(?:noonish|noontime|noon time|mid-?day|lunch\s?time|lunch)\b/g, 'noon'],
  [/\b(?:tmrw|tmrrw|tmmrw|tmr|tmw|tmrow|tmoro|tmorrow|tomm?orr?ow|2mor+ow|2moro|2mrw|2mro|tomoz|tomo)\b/g, 'tomorrow'],
  [/\b(?:2day|tday|tdy|tooday)\b/g, 'today'],
  [/\b(?:tonite|2nite|2night|tnite|tonight)\b/g, 'tonight'],
  [/\b(?:aftn|aftrn|aftnoon|afternoon|afternon|arvo|afternoons|aft)\b/g, 'afternoon'],
  [/\b(?:mornin|morn|mrng|mrning|morning|mornings)\b/g, 'morning'],
  [/\b(?:eve|evening|evenings|evenin|evng)\b/g, 'evening'],
  [/(?<!')\b(?:mon|mondays?)\b/g, 'monday'],
  [/(?<!')\b(?:tue|tues|tuesdays?)\b/g, 'tuesday'],
  [/(?<!')\b(?:wed|weds|wednesdays?|wensday|wendsday|wednsday)\b/g, 'wednesday'],
  [/(?<!')\b(?:thu|thur|thurs|thrs|thursdays?)\b/g, 'thursday'],
  [/(?<!')\b(?:fri|fridays?)\b/g, 'friday'],
  [/(?<!')\b(?:sat|saturdays?)\b/g, 'saturday'],
  [/(?<!')\b(?:sun|sundays?)\b/g, 'sunday'],
  [/\bnxt\b/g, 'next'],
  // "not this saturday, next one": the weekday again, so the day after the one ruled out is read.
  [new RegExp(`\\b(${WEEKDAY})\\b([^.?!]{0,24}?)\\b(?:the\\s+)?(?:next|following)\\s+one\\b`, 'g'), '$1$2$1'],
  [/\bno later than\b/g, 'before'],
  // "not home until 3", "won't be ready till 2": available AFTER that time (and not a negated time).
  [/\b(?:won'?t|will not|not|isn'?t|aren'?t|can'?t)\s+(?:be\s+)?(?:home|back|there|around|available|free|ready|off|out)\s+(?:until|til|till)\b/g, 'after'],
  // "at work until 5", "busy till 2": free after it.
  [/\b(?:at work|work|working|busy|away|gone|at the office|in meetings?|in class|at school)\s+(?:until|til|till)\b/g, 'after'],
  [/\b(?:til|till|untill|until|thru|through)\b/g, 'until'],
  [/\bb4\b/g, 'before'],
  [/\b(?:btwn|btw|betw|bw)\s+(?=\d|noon)/g, 'between '],
  [/\b(?:about|abt|approx|approximately|round|ard|roughly|around)\b/g, 'around'],
  [/\bat\s+(?:like\s+)?(?:around\s+)?/g, 'at '],
  [/\b(?:any\s?time|whenever)\s+(?=after|before|between|until|from)/g, ''],
  [/\b(?:around|at)\s+(?=after|before)/g, ''],
  [new RegExp(`\\b(${DAY_WORD}|this|in the)\\s+am\\b`, 'g'), '$1 morning'],
  [new RegExp(`\\b(${DAY_WORD}|this|in the)\\s+pm\\b`, 'g'), '$1 afternoon'],
  [new RegExp(`(?<![\\d:]\\s*)\\bam\\s+(?=${DAY_WORD})`, 'g'), 'morning '],
  [new RegExp(`(?<![\\d:]\\s*)\\bpm\\s+(?=${DAY_WORD})`, 'g'), 'afternoon '],
  [/\b(?:night|nite)\b/g, 'evening'],
  [new RegExp(`\\b(at|around|after|before|by|until|between|and|from)\\s+(${NUMBER_WORD})\\b(?!\\s+(?:of|more|or)\\b)`, 'g'), '$1 #$2'],
  [new RegExp(`(?<!#)\\b(${NUMBER_WORD})(?=\\s*(?:am|pm)\\b)`, 'g'), '#$1'],
];

/**
 * @example normalizeTimeWords('tmrw am') // 'tomorrow morning'
 * @example normalizeTimeWords('sat aftn til 4ish') // 'saturday afternoon until 4'
 */
export function normalizeTimeWords(text: string): string {
  let out = text;
  for (const [pattern, replacement] of REWRITES) out = out.replace(pattern, replacement as (...groups: string[]) => string);
  return out.replace(new RegExp(`#(${NUMBER_WORD})\\b`, 'g'), (_, word: string) => String(NUMBER_WORDS[word]));
}
