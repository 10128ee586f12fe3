/**
 * Answers a customer's question (intent 'question') from the business profile: what is taken, prices, hours, the
 * service area. Null when the profile holds no answer: the text then goes to the dispatcher and the customer is
 * told a person will answer. An answer never guesses: an item the profile does not list, a ZIP outside the listed
 * ones, a day with no hours given — all go to a person.
 */
import type { BusinessProfile, Weekday } from './business-profile';
import { WEEKDAYS } from './business-profile';
import type { BusinessContext } from './context';
import type { ParsedText } from './parse/parse-text';
import { foldCase } from './parse/sms-text';
import { listOr } from './wording-en';
import { fitOneSegment, type Language } from './wording-parts';
import { businessDay, weekdayOf } from './zoned-date';

type Question = Pick<ParsedText, 'topic' | 'items' | 'window' | 'language'>;

const DAY_NAMES: Record<Language, Record<Weekday, string>> = {
  en: { sun: 'Sunday', mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday' },
  es: { sun: 'domingo', mon: 'lunes', tue: 'martes', wed: 'miércoles', thu: 'jueves', fri: 'viernes', sat: 'sábado' },
};
const SHORT_DAYS: Record<Language, Record<Weekday, string>> = {
  en: { sun: 'Sun', mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat' },
  es: { sun: 'dom', mon: 'lun', tue: 'mar', wed: 'mié', thu: 'jue', fri: 'vie', sat: 'sáb' },
};

const W = {
  en: {
    toBook: 'To book, text your address and a time.',
    yesTake: (items: string) => `Yes, we take ${items}!`,
    noTake: (items: string) => `Sorry, we don't take ${items}.`,
    butNot: (yes: string, no: string) => `We take ${yes}, but not ${no}.`,
    weTake: (items: string) => `We take ${items}.`,
    priceGuide: (lines: string) => `Price guide: ${lines}. Final price on site.`,
    hoursOn: (day: string, hours: string) => `${day}: ${hours}.`,
    closedOn: (day: string) => `We're closed on ${day}.`,
    hours: (summary: string) => `Our hours: ${summary}.`,
    closed: 'closed',
    serveYes: (place: string) => `Yes, we serve ${place}!`,
    serveList: (places: string) => `We serve ${places}.`,
    or: 'or',
  },
  es: {
    toBook: 'Para reservar, escriba su dirección y una hora.',
    yesTake: (items: string) => `¡Sí, llevamos ${items}!`,
    noTake: (items: string) => `Lo sentimos, no llevamos ${items}.`,
    butNot: (yes: string, no: string) => `Llevamos ${yes}, pero no ${no}.`,
    weTake: (items: string) => `Llevamos ${items}.`,
    priceGuide: (lines: string) => `Precios: ${lines}. Precio final en el sitio.`,
    hoursOn: (day: string, hours: string) => `El ${day}: ${hours}.`,
    closedOn: (day: string) => `Cerramos el ${day}.`,
    hours: (summary: string) => `Horario: ${summary}.`,
    closed: 'cerrado',
    serveYes: (place: string) => `¡Sí, vamos a ${place}!`,
    serveList: (places: string) => `Vamos a ${places}.`,
    or: 'o',
  },
} as const;

/**
 * @example answerQuestion('do you take mattresses?', { topic: 'items', items: [{ name: 'mattress', count: 1 }], window: null, language: 'en' }, profile, ctx)
 * // 'Yes, we take mattress! To book, text your address and a time.'  (or null with no answer in the profile)
 */
export function answerQuestion(
  text: string,
  question: Question,
  profile: BusinessProfile,
  ctx: Pick<BusinessContext, 'now' | 'tz'>,
): string | null {
  const w = W[question.language];
  const names = namedItems(text, question, profile);
  let answer: string | null = null;
  switch (question.topic) {
    case 'items':
      answer = itemsAnswer(names, profile, question.language);
      break;
    case 'price':
      answer = priceAnswer(names, profile, question.language);
      break;
    case 'hours':
      answer = hoursAnswer(question, profile, ctx);
      break;
    case 'area':
      answer = areaAnswer(text, profile, question.language);
      break;
    default:
      return null;
  }
  if (answer === null) return null;
  return fitOneSegment(`${answer} ${w.toBook}`, answer);
}

/**
 * The items a question names: the parser's, plus any item of the profile written in the text (the owner may list
 * things the parser has no word for, such as "paint" or "tires").
 */
function namedItems(text: string, question: Question, profile: BusinessProfile): string[] {
  const names = question.items.map((item) => item.name);
  const words = ` ${plain(text).replace(/[^a-z0-9]+/g, ' ')} `;
  for (const item of [...profile.itemsTaken, ...profile.itemsRefused]) {
    const written = new RegExp(` ${stem(item)}(s|es)? `).test(words);
    if (written && !names.some((name) => sameItem(name, item))) names.push(item);
  }
  return names;
}

/** "couches" and "Couch" are the same item. */
function sameItem(a: string, b: string): boolean {
  return stem(a) === stem(b);
}

/** "mattresses" → "mattress", "tires" → "tire", "boxes" → "box". */
function stem(word: string): string {
  return plain(word.trim()).replace(/(s|x|z|ch|sh)es$/, '$1').replace(/([^s])s$/, '$1');
}

function itemsAnswer(names: readonly string[], profile: BusinessProfile, language: Language): string | null {
  const w = W[language];
  if (names.length === 0) return profile.itemsTaken.length ? w.weTake(fitList(profile.itemsTaken, language, 90)) : null;
  const refused = names.map((name) => profile.itemsRefused.find((item) => sameItem(item, name))).filter((item): item is string => !!item);
  const known = names.filter((name) => profile.itemsTaken.some((item) => sameItem(item, name)));
  if (refused.length + known.length < names.length) return null; // an item the profile does not mention
  if (known.length === 0) return w.noTake(listOr(refused, w.or));
  // Named as the owner wrote them in the profile ("mattresses", "paint").
  const taken = names.map((name) => profile.itemsTaken.find((item) => sameItem(item, name))).filter((item): item is string => !!item);
  const and = language === 'es' ? 'y' : 'and';
  if (refused.length === 0) return w.yesTake(listOr(taken, and));
  return w.butNot(listOr(taken, and), listOr(refused, w.or));
}

function priceAnswer(names: readonly string[], profile: BusinessProfile, language: Language): string | null {
  const general = profile.prices.filter((line) => line.item === '*').map((line) => line.price);
  const specific = profile.prices.filter((line) => line.item !== '*');
  const chosen = names.length
    ? names.map((name) => specific.find((line) => sameItem(line.item, name)))
    : specific;
  if (chosen.some((line) => line === undefined)) return null; // asked about something with no price
  const lines = [...chosen.map((line) => `${line!.item} ${line!.price}`), ...general];
  if (lines.length === 0) return null;
  return W[language].priceGuide(fitList(lines, language, 100, ', '));
}

function hoursAnswer(question: Question, profile: BusinessProfile, ctx: Pick<BusinessContext, 'now' | 'tz'>): string | null {
  const w = W[question.language];
  if (question.window) {
    const day = WEEKDAYS[weekdayOf(businessDay(new Date(question.window.start), ctx.tz))]!;
    const hours = profile.hours[day];
    if (hours === undefined) return null;
    const name = DAY_NAMES[question.language][day];
    return hours === null ? w.closedOn(name) : w.hoursOn(name, hours);
  }
  const summary = hoursSummary(profile, question.language);
  return summary ? w.hours(summary) : null;
}

/** "Mon-Fri 8 AM-5 PM, Sat 8 AM-2 PM, Sun closed": runs of days with the same hours, Monday first. */
function hoursSummary(profile: BusinessProfile, language: Language): string | null {
  const order: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const runs: { from: Weekday; to: Weekday; hours: string }[] = [];
  for (const day of order) {
    const value = profile.hours[day];
    if (value === undefined) continue;
    const hours = value ?? W[language].closed;
    const last = runs[runs.length - 1];
    if (last && last.hours === hours && order.indexOf(last.to) === order.indexOf(day) - 1) last.to = day;
    else runs.push({ from: day, to: day, hours });
  }
  if (runs.length === 0) return null;
  const names = SHORT_DAYS[language];
  return runs.map((run) => `${names[run.from]}${run.to !== run.from ? `-${names[run.to]}` : ''} ${run.hours}`).join(', ');
}

function areaAnswer(text: string, profile: BusinessProfile, language: Language): string | null {
  const w = W[language];
  const folded = plain(text);
  const zip = /\b(\d{5})(?:-\d{4})?\b/.exec(folded)?.[1];
  if (zip) return profile.serviceArea.zips.includes(zip) ? w.serveYes(zip) : null;
  const city = profile.serviceArea.cities.find((name) => folded.includes(plain(name)));
  if (city) return w.serveYes(city);
  // A place we cannot find in the list goes to a person (it may be the town next door); no place: the list.
  if (mentionsPlace(folded)) return null;
  const places = [...profile.serviceArea.cities, ...profile.serviceArea.zips];
  return places.length ? w.serveList(fitList(places, language, 90)) : null;
}

/** Lower case, no accents: "Evanston" and "evanston", "Cicero" and "Cícero" match. */
function plain(text: string): string {
  return foldCase(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** "do you come to Skokie?", "van a Cicero?": a place word after in/to/near/en/a. */
function mentionsPlace(folded: string): boolean {
  return /\b(?:in|to|near|around|en|a)\s+(?!the\b|your\b|my\b|our\b|this\b|su\b|mi\b|la\b|el\b|esta\b|area\b|zona\b)[a-z]{3,}/.test(folded);
}

/** A list cut to `max` characters, ending "…" when cut. */
function fitList(items: readonly string[], language: Language, max: number, separator?: string): string {
  const out: string[] = [];
  for (const item of items) {
    const next = separator ? [...out, item].join(separator) : listOr([...out, item], language === 'es' ? 'y' : 'and');
    if (next.length > max && out.length > 0) {
      return `${out.join(', ')}...`;
    }
    out.push(item);
  }
  return separator ? out.join(separator) : listOr(out, language === 'es' ? 'y' : 'and');
}
