/**
 * The street address in a customer's text, as they wrote it: "1801 Central St Apt 3B", "Soderblom Ave",
 * "12 Oak St, Evanston, IL 60201". Without the words around it ("I'm at", "address is", "pickup at", "tmrw am").
 *
 * How it reads an address (documented choices):
 * - The anchor is a street-type word (Ave, St, Rd, Blvd, Dr, Ln, Ct, Way, Pl, Pkwy, Hwy, Ter, Cir, Trl, Street,
 *   Avenue, Drive ...). Walking back from it, up to four street-name words are taken, stopping at punctuation, a
 *   number, a day/time word or a lead-in word; then an optional house number ("12", "12B", "12-14").
 * - Without a house number the name must be capitalised, unless the street type is an abbreviation ("oak st") or an
 *   unambiguous word (avenue, street, boulevard...): so "i'll drive over" and "on my way" are not addresses.
 * - A unit written before the number is kept too ("Unit 5, 300 W Lake St").
 * - After the street type: a direction ("N"), a unit ("Apt 3B", "Unit 5", "#4", "Suite 200"), and a city with a
 *   state and/or ZIP ("Evanston IL", ", Evanston, IL 60201", "60201") are kept. A city alone is kept when it is
 *   capitalised (not all caps) and ends the clause or comes before a time word: "12 Oak St, Evanston.",
 *   "12 Oak St Evanston tmrw"; after a comma it
 *   may have up to three words (", Park Ridge"), without one at most two.
 * - The rest of the USPS suffix table (Publication 28 C1, street-suffixes.ts: Cmn, Xrd, Fls, Mews, Pass, Land …)
 *   anchors an address only after a house number, with a capitalised name (location-words.ts RARE_SUFFIXES), and
 *   not when the name is a junk noun ("2 Box Springs" is two box springs).
 * - Types written first: "48 Rue Royale", "1177 Avenue of the Americas" (house number, type, capitalised name).
 * - Fractional house numbers: "3813 1/2 Some Road" (the "1/2" is part of the number, never January 2).
 * - Numbered roads: "Hwy 61", "County Rd 12", "Route 9", "COUNTY HWY 60E", "State Route 9", "US Hwy 1",
 *   "FM 1960", with an optional house number before. ZIP+4 ("60614-1234") is kept whole.
 * - No street type: "at 1801 Central" / "address is 1801 Central" is taken when the number cannot be an hour
 *   (> 24) or the next word is capitalised in a text that is not ALL CAPS; "at 3 tomorrow" is never an address.
 * - The first address in the text wins. Whitespace inside is collapsed; a trailing period is dropped.
 */
import { foldWords } from './fold';
import { itemsIn } from './items';
import {
  DIRECTIONS, NOT_STREET_WORDS, NUMBERED_ROAD, PREFIX_STREET_TYPES, RARE_SUFFIXES, STATE_CODES, STATE_NAMES,
  SUFFIX_ABBREVIATIONS, SUFFIX_WORDS, TIME_WORDS, UNIT_WORDS,
} from './location-words';

export interface FoundLocation {
  /** The address as written. */
  readonly text: string;
  /** Its span in the message, so callers can blank it before reading times, codes and amounts. */
  readonly start: number;
  readonly end: number;
}

interface Token {
  /** The word without surrounding punctuation/emoji ('St.' keeps no period: 'St'). */
  readonly core: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** A comma, semicolon, sentence end or similar follows the word, so an address cannot run on across it. */
  readonly breakAfter: boolean;
  readonly commaAfter: boolean;
}

const HOUSE_NUMBER = /^\d{1,6}[A-Za-z]?(?:-\d{1,5}[A-Za-z]?)?$/;
const ZIP = /^\d{5}(?:-\d{4})?$/;
const ORDINAL = /^\d{1,3}(?:st|nd|rd|th)$/i;
const WORD = /^\p{L}[\p{L}'.-]*$/u;
/** Short words a period does not end ("St.", "N.", "Mt."). */
const ABBREVIATION = /^(?:\p{L}|st|ave|av|rd|blvd|dr|ln|ct|pl|pkwy|hwy|ter|cir|trl|mt|ft|jr|sr|apt|ste|bldg|fl|rm|ne|nw|se|sw|co)$/iu;

/**
 * The first street address in the text, or null.
 * @example findLocation('ready this afternoon, Soderblom Ave')?.text // 'Soderblom Ave'
 * @example findLocation('tmrw am 12 Oak St')?.text // '12 Oak St'
 */
export function findLocation(text: string): FoundLocation | null {
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const span = numberedRoadAt(tokens, i) ?? prefixStreetAt(tokens, i) ?? streetAt(tokens, i);
    if (span) return finish(text, tokens, unitBefore(tokens, span.first), extendAddress(tokens, span.last));
  }
  for (let i = 0; i < tokens.length; i++) {
    const span = leadInAddressAt(tokens, i, text);
    if (span) return finish(text, tokens, span.first, extendAddress(tokens, span.last));
  }
  return null;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    const raw = match[0];
    const lead = /^[^\p{L}\p{N}#]*/u.exec(raw)?.[0].length ?? 0;
    const trail = /[^\p{L}\p{N}]*$/u.exec(raw.slice(lead))?.[0] ?? '';
    const core = raw.slice(lead, raw.length - trail.length);
    if (!core) continue;
    const period = trail.startsWith('.') && !ABBREVIATION.test(core);
    tokens.push({
      core,
      lower: core.toLowerCase(),
      start: match.index + lead,
      end: match.index + lead + core.length,
      breakAfter: period || /[,;:!?)\]]/.test(trail) || /[\p{Extended_Pictographic}]/u.test(trail),
      commaAfter: trail.startsWith(','),
    });
  }
  return tokens;
}

function isStreetType(token: Token): boolean {
  return SUFFIX_ABBREVIATIONS.has(token.lower) || SUFFIX_WORDS.has(token.lower) || RARE_SUFFIXES.has(token.lower);
}

/** The first token of the house number ending at `j` ("12", "12B", "3813 1/2"), or null. */
function houseAt(tokens: Token[], j: number): number | null {
  const token = tokens[j];
  if (!token || token.breakAfter) return null;
  if (HOUSE_NUMBER.test(token.core)) return j;
  const whole = tokens[j - 1];
  if (/^\d\/\d{1,2}$/.test(token.core) && whole && !whole.breakAfter && /^\d{1,6}$/.test(whole.core)) return j - 1;
  return null;
}

/** "48 Rue Royale", "1177 Avenue of the Americas": house number, a type written first, a capitalised name. */
function prefixStreetAt(tokens: Token[], i: number): { first: number; last: number } | null {
  const type = tokens[i];
  const house = houseAt(tokens, i - 1);
  if (!type || house === null || type.breakAfter || !PREFIX_STREET_TYPES.has(type.lower) || !isCapitalised(type.core)) return null;
  let last = i;
  for (let k = i + 1; k < tokens.length && k <= i + 4; k++) {
    const t = tokens[k]!;
    const joiner = /^(of|the|de|del|la|los|las)$/.test(t.lower);
    if (!joiner && !(isCapitalised(t.core) && WORD.test(t.core)) && !/^[A-Z0-9]$/.test(t.core)) break;
    if (TIME_WORDS.has(t.lower) || (isStreetType(t) && k > i + 1)) break;
    if (!joiner) last = k;
    if (t.breakAfter) break;
  }
  return last > i ? { first: house, last } : null;
}

function isNameWord(token: Token): boolean {
  if (ORDINAL.test(token.core)) return true;
  return WORD.test(token.core) && !NOT_STREET_WORDS.has(token.lower) && !TIME_WORDS.has(token.lower);
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** Street types that are not also everyday verbs or nouns, so a lower-case name before them is still a street. */
const PLAIN_STREET_WORDS = new Set(['avenue', 'street', 'boulevard', 'parkway', 'highway', 'terrace']);

/** "[number] Name Words Suffix" ending at token `i`. */
function streetAt(tokens: Token[], i: number): { first: number; last: number } | null {
  const suffix = tokens[i];
  if (!suffix || !isStreetType(suffix)) return null;
  let j = i - 1;
  const names: number[] = [];
  while (j >= 0 && names.length < 4) {
    const token = tokens[j]!;
    if (token.breakAfter || !(isNameWord(token) || capitalisedAfterLongNumber(tokens, j))) break;
    names.unshift(j);
    j--;
  }
  if (names.length === 0) return null;
  const house = houseAt(tokens, j);
  if (RARE_SUFFIXES.has(suffix.lower)) {
    // "150 Clinton Cmn", "90 Meadow Land": a house number and a capitalised name; "2 box springs" is no street.
    const name = tokens[names[0]!]!.core;
    const lowerOk = !/[aeiou]/.test(suffix.lower);
    if (house === null || (!lowerOk && !isCapitalised(name) && !ORDINAL.test(name))) return null;
    // "300 W Lake St", "44 Lake Shore Dr": a street type just after means the name goes on.
    const next = tokens[i + 1];
    const then = tokens[i + 2];
    if (!suffix.breakAfter && next && (isStreetType(next) || (!next.breakAfter && then && isStreetType(then)))) return null;
    if (itemsIn(foldWords(names.map((n) => tokens[n]!.core).join(' ') + ' ' + suffix.core)).length > 0) return null;
  }
  if (house === null) {
    const firstName = tokens[names[0]!]!.core;
    const plain = SUFFIX_ABBREVIATIONS.has(suffix.lower) || PLAIN_STREET_WORDS.has(suffix.lower);
    if (!plain && !(isCapitalised(firstName) && isCapitalised(suffix.core))) return null;
  }
  return { first: house ?? names[0]!, last: i };
}

/**
 * "3813 1/2 Some Road", "1200 The Strand Way": a capitalised word that would end a name walking back (some, the) is
 * still the name right after a house number of three or more digits or with a fraction.
 */
function capitalisedAfterLongNumber(tokens: Token[], j: number): boolean {
  const token = tokens[j]!;
  if (!WORD.test(token.core) || !isCapitalised(token.core) || token.core === token.core.toUpperCase() || TIME_WORDS.has(token.lower)) return false;
  const house = houseAt(tokens, j - 1);
  return house !== null && (house < j - 1 || /^\d{3,}/.test(tokens[house]!.core));
}

/** "[number] Hwy 61", "County Rd 12" starting at token `i`. */
function numberedRoadAt(tokens: Token[], i: number): { first: number; last: number } | null {
  for (const width of [4, 3, 2, 1]) {
    const words = tokens.slice(i, i + width);
    const number = tokens[i + width];
    if (words.length < width || !number || words.slice(0, -1).some((w) => w.breakAfter)) continue;
    if (words[width - 1]!.breakAfter) continue;
    if (!NUMBERED_ROAD.test(words.map((w) => w.lower).join(' '))) continue;
    if (!/^\d{1,4}[A-Za-z]?$/.test(number.core)) continue;
    // "us 12"/"cr 5" only in capitals: "text us 5 times" is not a road.
    if (/^(us|cr|sr|fm)$/.test(words[0]!.lower) && words[0]!.core !== words[0]!.core.toUpperCase()) continue;
    const house = houseAt(tokens, i - 1);
    return { first: house ?? i, last: i + width };
  }
  return null;
}

/** "at 1801 Central" / "address is 1801 Central": a house number after a lead-in word, without a street type. */
function leadInAddressAt(tokens: Token[], i: number, text: string): { first: number; last: number } | null {
  const lead = tokens[i - 1];
  const house = tokens[i];
  if (!lead || !house || !/^(at|@|is|address|addr|to)$/.test(lead.lower) || house.breakAfter) return null;
  if (!/^\d{1,6}[A-Za-z]?$/.test(house.core)) return null;
  let last = i;
  while (last + 1 < tokens.length && last - i < 3 && isNameWord(tokens[last + 1]!) && !ORDINAL.test(tokens[last + 1]!.core)) {
    last++;
    if (tokens[last]!.breakAfter) break;
  }
  if (last === i) return null;
  const shouting = text === text.toUpperCase();
  const firstName = tokens[i + 1]!.core;
  if (!(Number.parseInt(house.core, 10) > 24 || (!shouting && isCapitalised(firstName)))) return null;
  return { first: i, last };
}

/** Direction, unit and city/state/ZIP after the street; returns the index of the last token kept. */
function extendAddress(tokens: Token[], last: number): number {
  let end = last;
  const next = (k: number) => tokens[k];
  const direction = next(end + 1);
  if (direction && !tokens[end]!.breakAfter && DIRECTIONS.test(direction.core)) end++;
  end = unitAfter(tokens, end);
  return cityAfter(tokens, end);
}

/** "Unit 5, 300 W Lake St" / "Apt 3B 1801 Central St": a unit written before the house number. */
function unitBefore(tokens: Token[], first: number): number {
  const value = tokens[first - 1];
  const word = tokens[first - 2];
  if (!value || (value.breakAfter && !value.commaAfter)) return first;
  if (/^#\d{1,5}[A-Za-z]?$/.test(value.core) && /^(?:apt|unit|ste|suite)$/i.test(word?.lower ?? '')) return first - 2;
  if (!word || word.breakAfter || !UNIT_WORDS.has(word.lower)) return first;
  return /^#?[A-Za-z0-9]{0,4}\d[A-Za-z0-9]{0,4}$/.test(value.core) || /^[A-Za-z]$/.test(value.core) ? first - 2 : first;
}

function unitAfter(tokens: Token[], end: number): number {
  const word = tokens[end + 1];
  if (!word || (tokens[end]!.breakAfter && !tokens[end]!.commaAfter)) return end;
  if (/^#\d{1,5}[A-Za-z]?$/.test(word.core) || /^(apt|unit|ste|suite)#?\d{1,5}[a-z]?$/i.test(word.core)) return end + 1;
  const value = tokens[end + 2];
  const unitWord = word.lower.replace(/\.$/, '');
  if (!UNIT_WORDS.has(unitWord) || word.breakAfter || !value) return end;
  const v = value.core.replace(/^#/, '');
  const plausible = /^[A-Za-z0-9]{1,5}(?:-[A-Za-z0-9]{1,4})?$/.test(v) && (/\d/.test(v) || v.length <= 2) && !ZIP.test(v);
  return plausible && !TIME_WORDS.has(value.lower) ? end + 2 : end;
}

function isState(token: Token, followedByZip: boolean, isLast: boolean): boolean {
  if (STATE_NAMES.has(token.lower)) return isCapitalised(token.core) || followedByZip;
  if (!STATE_CODES.has(token.core.toUpperCase())) return false;
  return token.core === token.core.toUpperCase() || followedByZip || isLast;
}

function cityAfter(tokens: Token[], end: number): number {
  const afterStreet = tokens[end]!;
  if (afterStreet.breakAfter && !afterStreet.commaAfter) return end;
  const zipAt = (k: number) => tokens[k] !== undefined && ZIP.test(tokens[k]!.core);
  const stateAt = (k: number) => {
    const t = tokens[k];
    return t !== undefined && isState(t, zipAt(k + 1) && !t.breakAfter, k === tokens.length - 1);
  };
  let k = end + 1;
  // State right after the street (", IL 60201") or a ZIP alone.
  if (stateAt(k) && zipAt(k + 1)) return k + 1;
  if (zipAt(k)) return k;
  const cityStart = k;
  while (k < tokens.length && k - cityStart < 3) {
    const t = tokens[k]!;
    if (k > cityStart && stateAt(k)) break;
    if (!WORD.test(t.core) || NOT_STREET_WORDS.has(t.lower) || TIME_WORDS.has(t.lower)) break;
    k++;
    if (t.breakAfter && !t.commaAfter) break;
    if (t.commaAfter) break;
  }
  if (k === cityStart) return end;
  const cityEnd = k - 1;
  const lastCity = tokens[cityEnd]!;
  if (!lastCity.breakAfter || lastCity.commaAfter) {
    if (stateAt(k)) return zipAt(k + 1) && !tokens[k]!.breakAfter ? k + 1 : k;
    if (zipAt(k) && !lastCity.breakAfter) return k;
  }
  // A city alone: capitalised, closing the clause, after a comma or (in a text not in capitals) right after the street.
  const following = tokens[cityEnd + 1];
  const closes = lastCity.breakAfter || !following || TIME_WORDS.has(following.lower);
  const capitalised = tokens.slice(cityStart, k).every((t) => isCapitalised(t.core) && t.core !== t.core.toUpperCase());
  const commaOrMixedCase = afterStreet.commaAfter || cityEnd - cityStart < 2;
  return closes && capitalised && commaOrMixedCase ? cityEnd : end;
}

function finish(text: string, tokens: Token[], first: number, last: number): FoundLocation {
  const start = tokens[first]!.start;
  const end = tokens[last]!.end;
  return { text: text.slice(start, end).replace(/\s+/g, ' '), start, end };
}
