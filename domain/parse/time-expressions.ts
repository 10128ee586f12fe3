/**
 * Reads what a text says about WHEN, without deciding any instant: a day ("tomorrow", "next tuesday", "6/10",
 * "June 12"), a part of the day ("afternoon"), and a time ("at 3", "2-4", "after 2", "by noon", "in an hour").
 * domain/pickup-window.ts turns these into a window in the business zone.
 *
 * When a text names several, the first one that is not negated wins: "not today, tomorrow" and
 * "can't do friday, saturday?" give the later day. A number is not read as a time when an item noun or a plural
 * follows it ("2-3 bags", "at 2 locations"), nor when it is a date ("6/10") or part of an address (cut out before).
 */
import { normalizeTimeWords, WEEKDAY, WEEKDAYS } from './time-words';

export type DayPart = 'morning' | 'afternoon' | 'evening';

export type DayRef =
  | { readonly kind: 'today' }
  | { readonly kind: 'in-days'; readonly days: number }
  | { readonly kind: 'weekday'; readonly weekday: number; readonly nextWeek: boolean }
  | { readonly kind: 'date'; readonly month: number; readonly day: number; readonly year: number | null }
  | { readonly kind: 'day-of-month'; readonly day: number };

/** A clock reading as written: hour 0–23, and the am/pm the text gave, if any. */
export interface ClockTime {
  readonly hour: number;
  readonly minute: number;
  readonly meridiem: 'am' | 'pm' | null;
}

export type TimeRef =
  | { readonly kind: 'at'; readonly time: ClockTime }
  | { readonly kind: 'between'; readonly from: ClockTime; readonly to: ClockTime }
  | { readonly kind: 'after'; readonly time: ClockTime }
  | { readonly kind: 'before'; readonly time: ClockTime }
  | { readonly kind: 'in'; readonly minutes: number };

export interface TimeExpressions {
  readonly day: DayRef | null;
  readonly part: DayPart | null;
  readonly time: TimeRef | null;
  /** Days the text rules out ("not tomorrow", "can't do friday", "busy today", "saturday doesn't work"). */
  readonly excluded?: readonly DayRef[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** One clock reading: "3", "3pm", "3 pm", "3p", "10:30", "noon", "midnight". */
const T = String.raw`(noon|midnight|\d{1,2}(?::[0-5]\d)?(?:\s?(?:am|pm)\b|[ap]\b)?)`;
const NOT_IN_NUMBER = String.raw`(?<![\d:/.$,#])`;
const ITEM_NOUNS = new Set([
  'bag', 'bags', 'item', 'items', 'piece', 'pieces', 'couch', 'couches', 'chair', 'chairs', 'bed', 'beds', 'box',
  'boxes', 'load', 'loads', 'truck', 'trucks', 'truckload', 'ton', 'tons', 'yard', 'yards', 'hour', 'hours', 'hr',
  'hrs', 'min', 'mins', 'minute', 'minutes', 'day', 'days', 'week', 'weeks', 'guys', 'men', 'people', 'of', 'x',
  'more', 'mattress', 'mattresses', 'fridge', 'tv', 'tvs', 'table', 'tables', 'dresser', 'desk', 'sofa', 'sofas',
  'lbs', 'lb', 'ft', 'feet', 'foot', 'cubic', 'trips', 'trip', 'story', 'stories', 'flights', 'flight',
  'locations', 'location', 'spots', 'other', 'others', 'different', 'big', 'small', 'large', 'old', 'full',
  'floor', 'fl', 'level', 'story', 'street', 'st', 'ave', 'avenue', 'time', 'one', 'house', 'door', 'unit', 'apt',
]);
/** Ends with a day or part word (checked on the text before anything was taken). */
const AFTER_DAY_OR_PART = new RegExp(String.raw`\b(?:today|tomorrow|tonight|${WEEKDAY}|morning|afternoon|evening)\s*,?\s+$`);
const PLURALS_THAT_ARE_FINE = new Set(['works', 'thanks', 'this', 'is', 'pls', 'plus', 'was', 'has', 'yes', 'its', 'as', 'us', 'thx']);

interface Found<T> {
  readonly at: number;
  /** Where the words end, to read a negation after them ("friday doesn't work"). */
  readonly end?: number;
  readonly value: T;
}

/**
 * @example readTimeExpressions('tmrw am') // { day: { kind: 'in-days', days: 1 }, part: 'morning', time: null }
 */
export function readTimeExpressions(text: string): TimeExpressions {
  const original = normalizeTimeWords(text);
  let rest = original;
  const days: Found<DayRef>[] = [];
  const parts: Found<DayPart>[] = [];
  const times: Found<TimeRef>[] = [];

  /** Runs `pattern` over what is not yet taken; an accepted match is blanked so later patterns skip it. */
  const take = (pattern: RegExp, accept: (m: RegExpMatchArray, after: string) => boolean) => {
    for (const m of [...rest.matchAll(pattern)]) {
      const end = m.index! + m[0].length;
      if (accept(m, rest.slice(end))) rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(end);
    }
  };
  const day = (m: RegExpMatchArray, value: DayRef) => days.push({ at: m.index!, end: m.index! + m[0].length, value });
  const time = (m: RegExpMatchArray, value: TimeRef | null) => (value ? (times.push({ at: m.index!, value }), true) : false);

  // Days. Dates first, so "6/10" and "june 12" never become times.
  // "3813 1/2 Some Road": a fraction after a number is half a house number, never a date.
  take(/(?<![\d/$.])(?<!\d\s+)\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?\b(?![/\d])/g, (m, after) => {
    const [month, d] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12 || d < 1 || d > 31 || followedByNoun(after)) return false;
    day(m, { kind: 'date', month, day: d, year: m[3] ? fullYear(m[3]) : null });
    return true;
  });
  take(new RegExp(String.raw`\b${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!:)(?:,?\s+(\d{4}))?`, 'g'), (m) => {
    const d = Number(m[2]);
    if (d < 1 || d > 31) return false;
    day(m, { kind: 'date', month: monthNumber(m[1]!), day: d, year: m[3] ? Number(m[3]) : null });
    return true;
  });
  take(new RegExp(String.raw`\b(\d{1,2})(st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\b`, 'g'), (m) => {
    const d = Number(m[1]);
    // "at 3 may work" is not May 3rd: "may"/"mar" need an ordinal ("3rd may").
    if (d < 1 || d > 31 || (!m[2] && /^ma[yr]$/.test(m[3]!))) return false;
    day(m, { kind: 'date', month: monthNumber(m[3]!), day: d, year: null });
    return true;
  });
  take(/\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b/g, (m, after) => {
    const d = Number(m[1]);
    // "the 2nd floor", "the 3rd trip" are not days.
    if (d < 1 || d > 31 || followedByNoun(after)) return false;
    day(m, { kind: 'day-of-month', day: d });
    return true;
  });
  take(/\b(?:the\s+)?day after tomorrow\b/g, (m) => (day(m, { kind: 'in-days', days: 2 }), true));
  take(new RegExp(String.raw`\b(?:(next|this|this coming|coming)\s+(?:week\s+)?(?:on\s+)?)?(${WEEKDAY})(\s+(?:of\s+)?next week)?\b`, 'g'), (m) => {
    day(m, { kind: 'weekday', weekday: WEEKDAYS.indexOf(m[2] as never), nextWeek: m[1] === 'next' || Boolean(m[3]) });
    return true;
  });
  take(/\b(?:(next|this)\s+)?weekend\b/g, (m) => (day(m, { kind: 'weekday', weekday: 6, nextWeek: m[1] === 'next' }), true));
  take(/\b(today|tonight|tomorrow)\b/g, (m) => {
    day(m, m[1] === 'tomorrow' ? { kind: 'in-days', days: 1 } : { kind: 'today' });
    if (m[1] === 'tonight') parts.push({ at: m.index!, value: 'evening' });
    return true;
  });

  // Times. Ranges and "after"/"before" before single clock readings.
  take(/\bin\s+(an?|one|two|three|\d{1,3}|half an?|a couple(?: of)?|a few)\s*(hours?|hrs?|h|minutes?|mins?|m)\b/g, (m) =>
    time(m, { kind: 'in', minutes: relativeMinutes(m[1]!, m[2]!) }),
  );
  take(new RegExp(String.raw`\bbetween\s+${T}\s*(?:and|&|-|to|until)\s*${T}(?![\d:])`, 'g'), (m) =>
    time(m, range(m[1]!, m[2]!)),
  );
  take(new RegExp(String.raw`${NOT_IN_NUMBER}\b(from\s+)?${T}\s*(?:-|to|until)\s*${T}(?![\d:])`, 'g'), (m, after) => {
    const sure = Boolean(m[1]) || /[ap]/.test(m[2]! + m[3]!) || /noon|midnight/.test(m[0]);
    return (sure || !followedByNoun(after)) && time(m, range(m[2]!, m[3]!));
  });
  take(new RegExp(String.raw`\b(?:after|from|starting(?:\s+at)?)\s+${T}(?![\d:])(?:\s+on(?:wards?)?\b)?`, 'g'), (m, after) =>
    !followedByNoun(after) && time(m, clock(m[1]!, (t) => ({ kind: 'after', time: t }))),
  );
  take(new RegExp(String.raw`\b(?:before|by|until)\s+${T}(?![\d:])`, 'g'), (m, after) =>
    !followedByNoun(after) && time(m, clock(m[1]!, (t) => ({ kind: 'before', time: t }))),
  );
  // "3 in the afternoon": the part is read below and decides am/pm.
  take(/(?<![\d:/.$,#])\b(\d{1,2}(?::[0-5]\d)?)\s+(?=(?:in the|this)\s+(?:morning|afternoon|evening)\b)/g, (m) =>
    time(m, clock(m[1]!, (t) => ({ kind: 'at', time: t }))),
  );
  take(new RegExp(String.raw`${NOT_IN_NUMBER}\b(\d{1,2}(?::[0-5]\d)?(?:\s?(?:am|pm)|[ap]))\b`, 'g'), (m) =>
    time(m, clock(m[1]!, (t) => ({ kind: 'at', time: t }))),
  );
  take(new RegExp(String.raw`${NOT_IN_NUMBER}\b(\d{1,2}:[0-5]\d)(?![\d:])`, 'g'), (m) =>
    time(m, clock(m[1]!, (t) => ({ kind: 'at', time: t }))),
  );
  take(/\b(noon|midnight)\b/g, (m) => time(m, clock(m[1]!, (t) => ({ kind: 'at', time: t }))));
  // "at 0800", "1400 hrs": a 24-hour clock written without a colon.
  take(/(?:\bat\s+(?=[01]\d[0-5]\d\b|2[0-3][0-5]\d\b)|(?<![\d:/.$,#])\b(?=\d{4}\s?(?:hrs|hours|h)\b))(\d\d)(\d\d)(?:\s?(?:hrs|hours|h)\b)?/g, (m) =>
    time(m, clock(`${Number(m[1])}:${m[2]}`, (t) => ({ kind: 'at', time: t }))),
  );
  // "9 or 10": the first time offered.
  take(/(?<![\d:/.$,#])\b(\d{1,2}(?::[0-5]\d)?)\s+or\s+\d{1,2}(?::[0-5]\d)?\b(?![\d:/])/g, (m, after) =>
    !followedByNoun(after) && time(m, clock(m[1]!, (t) => ({ kind: 'at', time: t }))),
  );
  take(/\b(?:at|around)\s+(\d{1,2})\b(?![\d:/]|\.\d)/g, (m, after) =>
    !followedByNoun(after) && time(m, clock(m[1]!, (t) => ({ kind: 'at', time: t }))),
  );
  // "tomorrow 3", "sat morning 10": a bare number right after a day or part word, if nothing but filler follows.
  take(/(?<![\d:/.$,#])\b(\d{1,2})\b(?![\d:/]|\.\d)/g, (m, after) =>
    AFTER_DAY_OR_PART.test(original.slice(0, m.index)) &&
    onlyFillerFollows(after) &&
    time(m, clock(m[1]!, (t) => ({ kind: 'at', time: t }))),
  );
  take(/\b(morning|afternoon|evening)\b/g, (m) => (parts.push({ at: m.index!, value: m[1] as DayPart }), true));

  return {
    // A written date is more precise than a weekday beside it ("Wed 6/9" when the 9th is a Tuesday → the 9th).
    day: firstWanted(days.filter((d) => d.value.kind === 'date'), original) ?? firstWanted(days, original),
    part: firstWanted(parts, original),
    time: firstWanted(times, original),
    excluded: days.filter((d) => negated(original, d)).map((d) => d.value),
  };
}

function firstWanted<V>(found: Found<V>[], text: string): V | null {
  const sorted = [...found].sort((a, b) => a.at - b.at);
  return (sorted.find((f) => !negated(text, f)) ?? null)?.value ?? null;
}

/**
 * Ruled out by the words before it ("not today", "can't do friday", "I'm not home tomorrow", "busy today",
 * "instead of saturday", "except monday", "cancel friday (, saturday instead)") or after it ("friday doesn't
 * work", "tomorrow is no good", "monday's out").
 */
function negated(text: string, found: Found<unknown>): boolean {
  const before = text.slice(Math.max(0, found.at - 40), found.at);
  if (NEGATED_BEFORE.test(before)) return true;
  return found.end !== undefined && NEGATED_AFTER.test(text.slice(found.end, found.end + 30));
}

const NEGATED_BEFORE =
  /(?:\bnot|\bcan'?t|\bcannot|\bcan not|\bwon'?t|\binstead of|\bexcept|\bbut not|\bno|\bcancel|\bbusy|\baway|\bunavailable|\bout of town|\bgone|\bworking)\s+(?:(?:do|make it|make|be|home|there|around|available|free|in town|work|on|this|in the|at|any ?time|for me|for us)\s+)*$/;
const NEGATED_AFTER =
  /^(?:'s\s+out\b|\s*(?:(?:is|are|does|will)\s+)?(?:doesn'?t work|does not work|won'?t work|will not work|not work|is out\b|no good|not good|bad for me|is bad|isn'?t good|is not good|not possible|is not possible|impossible|(?:is|'s)?\s*not (?:ok|okay|possible)))/;

function followedByNoun(after: string): boolean {
  const word = /^\s*([a-z]+)/.exec(after)?.[1];
  if (!word) return false;
  return ITEM_NOUNS.has(word) || (word.length > 3 && word.endsWith('s') && !PLURALS_THAT_ARE_FINE.has(word));
}

const FILLER = /^(?:or|ok|okay|pls|please|plz|works?|if|is|would|thanks|thx|good|fine|then|maybe|at|to|and|sharp|on|for|pickup|pick|is|sounds|should|would|could|thank|ty)$/;

function onlyFillerFollows(after: string): boolean {
  if (/^\s*(?:$|[.,!?;)])/.test(after)) return true;
  const word = /^\s*([a-z]+)/.exec(after)?.[1];
  return word !== undefined && FILLER.test(word);
}

function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3)) + 1;
}

function relativeMinutes(count: string, unit: string): number {
  const words: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, 'a few': 3 };
  const n = count.startsWith('half') ? 0.5 : count.startsWith('a couple') ? 2 : (words[count] ?? Number(count));
  return Math.round(n * (/^h/.test(unit) ? 60 : 1));
}

/**
 * A clock reading as written; null for an impossible one ("25", "13pm").
 * @example clockTime('3pm') // { hour: 3, minute: 0, meridiem: 'pm' }
 */
export function clockTime(text: string): ClockTime | null {
  if (text === 'noon') return { hour: 12, minute: 0, meridiem: 'pm' };
  if (text === 'midnight') return { hour: 12, minute: 0, meridiem: 'am' };
  const m = /^(\d{1,2})(?::(\d\d))?\s?(am|pm|a|p)?$/.exec(text);
  if (!m) return null;
  const hour = Number(m[1]);
  const meridiem = m[3] ? (m[3].startsWith('a') ? 'am' : 'pm') : null;
  if (hour > 23 || (meridiem && (hour < 1 || hour > 12))) return null;
  return { hour, minute: Number(m[2] ?? 0), meridiem };
}

function clock(text: string, make: (t: ClockTime) => TimeRef): TimeRef | null {
  const t = clockTime(text);
  return t ? make(t) : null;
}

function range(from: string, to: string): TimeRef | null {
  const a = clockTime(from);
  const b = clockTime(to);
  return a && b ? { kind: 'between', from: a, to: b } : null;
}
