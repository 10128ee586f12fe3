/**
 * The SMS text parser: one inbound text → what it asks for, when, where, which job and how much. Pure: `now` and the
 * business time zone are arguments; the machine's zone never matters.
 *
 * Customer texts: intent (domain/customer-intent.ts), window (time-expressions.ts + pickup-window.ts), address
 * (location.ts), items ready (items-ready.ts), a job code if one is written, and an amount only with '$'/"dollars".
 * Crew texts: intent (crew-intent.ts), job code (job-code-text.ts) and amount (amount.ts, where a bare number counts
 * only in a price command). Window and address are read the same way for both roles (the role changes what a text
 * asks for, not what its words mean), except that a crew "in 10 min" is an ETA and gives no window; itemsReady is a
 * customer statement and always false for crew.
 *
 * The address is cut out of the text before times, codes and amounts are read, so "12 Oak St" is never "at 12",
 * and the code is cut out before the amount, so "price 9rz4 450" is 450 dollars.
 *
 * Also for customers: a question's topic (question.ts), items with counts (items.ts, item-words.ts), access notes
 * (access-notes.ts), the days ruled out (time-expressions.ts, pickup-window.ts), another job or a change
 * (relation.ts), and whether a passed today was moved to tomorrow (lateForToday). Small talk is small-talk.ts.
 *
 * Spanish (language.ts): accents are dropped in place (fold.ts) so "mañana" and "manana" read alike; a Spanish
 * text's time words are rewritten into the English ones (spanish-time-words.ts: "mañana en la tarde" → tomorrow
 * afternoon, "mañana" alone → tomorrow, "en la mañana" → morning, "a las 3", "entre 2 y 4", "después de las 2"),
 * and Spanish intent words sit beside the English (customer-words-es.ts). Addresses are US-style in both languages.
 */
import { accessNotes } from './access-notes';
import { amountCents } from './amount';
import { crewIntent, type CrewIntent } from './crew-intent';
import { customerIntent, customerTopic, type CustomerIntent } from './customer-intent';
import { unaccent } from './fold';
import { itemsIn } from './items';
import { itemsAreReady } from './items-ready';
import { findJobCode } from './job-code-text';
import { languageOf } from './language';
import { findLocation } from './location';
import { resolvePickup } from './pickup-window';
import { relationOf } from './relation';
import { blank, plainText } from './sms-text';
import { spanishTimeWords } from './spanish-time-words';
import { readTimeExpressions } from './time-expressions';

export type Role = 'customer' | 'crew';
export type { CrewIntent, CustomerIntent };

/** What a customer's question is about ('question' intent only). */
export type QuestionTopic = 'items' | 'price' | 'hours' | 'area' | 'other';
/** One thing to haul, by its canonical singular English name ("couch", "mattress", "box spring"). */
export interface HaulItem {
  name: string;
  count: number;
}
export type Language = 'en' | 'es';
/** How a text relates to the customer's booking already on file: another job, or a change to it. */
export type Relation = 'also' | 'instead';

export interface ParsedText {
  intent: CustomerIntent | CrewIntent;
  /** The question's topic when intent is 'question' (or a booking that asks one in passing); else null. */
  topic: QuestionTopic | null;
  /** ISO 8601 with the business-zone offset, e.g. "2026-06-04T12:00:00-05:00"; null = no time given (ASAP). */
  window: { start: string; end: string } | null;
  /** The street address as written, e.g. "1801 Central St Apt 3B". */
  location: string | null;
  /** Upper-cased, no '#'. */
  jobCode: string | null;
  amountCents: number | null;
  /** The customer says the items are ready / out / on the curb / by the garage. Always false for crew. */
  itemsReady: boolean;
  /** What is to be hauled, in the order first named; counts summed per name. Empty for crew. */
  items: HaulItem[];
  /** Access notes as short phrases ("back alley", "gate code 1234", "2nd floor no elevator"). Empty for crew. */
  notes: string[];
  /** The text's language; 'en' unless it reads as Spanish. */
  language: Language;
  /** Business-zone days (YYYY-MM-DD) the text rules out ("not tomorrow", "can't do Friday"). */
  excludedDays: string[];
  /** 'also' = another job ("also", "another", "my other"); 'instead' = change this one ("actually", "wrong address"). */
  relation: Relation | null;
  /** The text asked for today (or a part of it) that has passed, so the window was moved to the next day. */
  lateForToday: boolean;
  /** Crew wrote "now" ("omw K7Q2 now"): they mean it even for a job on a later day. Always false for customers. */
  explicitNow: boolean;
}

/**
 * @example parseText('tmrw am 12 Oak St', { now: new Date('2026-06-04T14:30:00Z'), tz: 'America/Chicago', role: 'customer' })
 * // { intent: 'pickup', window: { start: '2026-06-05T08:00:00-05:00', end: '2026-06-05T12:00:00-05:00' },
 * //   location: '12 Oak St', jobCode: null, amountCents: null, itemsReady: false, explicitNow: false }
 * @example parseText('price 9rz4 $450', { now, tz, role: 'crew' }) // { intent: 'price', jobCode: '9RZ4', amountCents: 45000, ... }
 */
export function parseText(text: string, options: { now: Date; tz: string; role: Role }): ParsedText {
  const crew = options.role === 'crew';
  let rest = plainText(text);
  const location = findLocation(text);
  if (location) rest = blank(rest, location.start, location.end);
  const code = findJobCode(rest);
  if (code) rest = blank(rest, code.start, code.end);
  // Accents dropped in place (indices kept), so Spanish with or without them reads the same.
  const words = unaccent(rest);
  const language = languageOf(words, text) ?? 'en';
  const when = readTimeExpressions(language === 'es' ? spanishTimeWords(words) : words);
  // A crew "be there in 10 min" is an ETA, not a pickup window.
  const resolved = resolvePickup(crew && when.time?.kind === 'in' ? { ...when, time: null } : when, options.now, options.tz);
  const { window } = resolved;
  const common = { window, location: location?.text ?? null, jobCode: code?.code ?? null };

  if (crew) {
    const dollars = amountCents(rest);
    const bare = amountCents(rest, { bare: true });
    // "K7Q2 600" with nothing else is a price too.
    const onlyCodeAndNumber = code !== null && bare !== null && /^[\s\d.,$#:;!-]*$/.test(rest);
    const intent = crewIntent(text, { hasCode: code !== null, hasDollarAmount: dollars !== null || onlyCodeAndNumber });
    const explicitNow = /\bnow\b/i.test(rest);
    return {
      intent, topic: null, ...common, amountCents: intent === 'price' ? bare : dollars, itemsReady: false,
      items: [], notes: [], language, excludedDays: resolved.excludedDays, relation: null, lateForToday: resolved.lateForToday,
      explicitNow,
    };
  }
  const itemsReady = itemsAreReady(text);
  const items = itemsIn(words);
  // Questions are read without the address, so a ZIP in it is no area question.
  const asked = location ? blank(text, location.start, location.end) : text;
  const topic = customerTopic(asked);
  const intent = customerIntent(asked, {
    hasWindow: window !== null,
    hasLocation: location !== null,
    itemsReady,
    hasItems: items.length > 0,
    excludesDay: resolved.excludedDays.length > 0,
    topic,
  });
  return {
    intent,
    // A booking that asks in passing ("can you take a couch tomorrow am, 12 Oak St?") keeps a specific topic.
    topic: intent === 'question' ? topic : intent === 'pickup' && topic !== 'other' ? topic : null,
    ...common,
    amountCents: amountCents(rest),
    itemsReady,
    items,
    notes: accessNotes(words, text),
    language,
    excludedDays: resolved.excludedDays,
    relation: relationOf(text),
    lateForToday: resolved.lateForToday,
    explicitNow: false,
  };
}
