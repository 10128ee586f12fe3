/**
 * The minutes in a crew member's "omw": "omw 20", "omw K7Q2 20m", "omw now 20 min", "be there in 15", "eta 1 hr",
 * in any order. Read from the text with the job code and address already blanked out, so neither is taken for
 * minutes. A number needs a minutes/hours word unless it is the only number in a short command.
 */

/** Longer than this is not an ETA anyone means ("omw 300" is a typo or a house number). */
export const MAX_ETA_MINUTES = 240;

const WITH_UNIT = /\b(\d{1,3})\s*(m|mins?|minutes?|h|hrs?|hours?)\b/;
const BARE = /(?:^|[\s#:,(])(\d{1,3})(?=$|[\s.,!)])(?!\s*(?:am|pm|a\.m|p\.m|o'?clock)\b)/g;
const CLOCK_WORD = /(?:\b(?:at|by|around|till|until|before|after|from)|@)$/;

/**
 * @example etaMinutes('omw      20 min') // 20
 * @example etaMinutes('omw 1 hr') // 60
 * @example etaMinutes('omw now') // null
 */
export function etaMinutes(rest: string): number | null {
  const text = rest.toLowerCase();
  const unit = WITH_UNIT.exec(text);
  if (unit) return bounded(Number(unit[1]) * (unit[2]!.startsWith('h') ? 60 : 1));
  const bare = [...text.matchAll(BARE)];
  if (bare.length !== 1) return null;
  // "there at 3" is a clock time, not three minutes.
  const before = text.slice(0, bare[0]!.index).trimEnd();
  return CLOCK_WORD.test(before) ? null : bounded(Number(bare[0]![1]));
}

function bounded(minutes: number): number | null {
  return minutes >= 1 && minutes <= MAX_ETA_MINUTES ? minutes : null;
}
