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
 */
import { amountCents } from './amount';
import { crewIntent, type CrewIntent } from './crew-intent';
import { customerIntent, type CustomerIntent } from './customer-intent';
import { etaMinutes } from './eta-minutes';
import { itemsAreReady } from './items-ready';
import { findJobCode } from './job-code-text';
import { findLocation } from './location';
import { resolveWindow } from './pickup-window';
import { blank, plainText } from './sms-text';
import { readTimeExpressions } from './time-expressions';

export type Role = 'customer' | 'crew';
export type { CrewIntent, CustomerIntent };

export interface ParsedText {
  intent: CustomerIntent | CrewIntent;
  /** ISO 8601 with the business-zone offset, e.g. "2026-06-04T12:00:00-05:00"; null = no time given (ASAP). */
  window: { start: string; end: string } | null;
  /** The street address as written, e.g. "1801 Central St Apt 3B". */
  location: string | null;
  /** Upper-cased, no '#'. */
  jobCode: string | null;
  amountCents: number | null;
  /** The customer says the items are ready / out / on the curb / by the garage. Always false for crew. */
  itemsReady: boolean;
  /** Crew "omw 20 min": minutes until they arrive (eta-minutes.ts). Null for customers and for other commands. */
  etaMinutes: number | null;
}

/**
 * @example parseText('tmrw am 12 Oak St', { now: new Date('2026-06-04T14:30:00Z'), tz: 'America/Chicago', role: 'customer' })
 * // { intent: 'pickup', window: { start: '2026-06-05T08:00:00-05:00', end: '2026-06-05T12:00:00-05:00' },
 * //   location: '12 Oak St', jobCode: null, amountCents: null, itemsReady: false }
 * @example parseText('price 9rz4 $450', { now, tz, role: 'crew' }) // { intent: 'price', jobCode: '9RZ4', amountCents: 45000, ... }
 */
export function parseText(text: string, options: { now: Date; tz: string; role: Role }): ParsedText {
  const crew = options.role === 'crew';
  let rest = plainText(text);
  const location = findLocation(text);
  if (location) rest = blank(rest, location.start, location.end);
  const code = findJobCode(rest);
  if (code) rest = blank(rest, code.start, code.end);
  const when = readTimeExpressions(rest);
  // A crew "be there in 10 min" is an ETA, not a pickup window.
  const window = resolveWindow(crew && when.time?.kind === 'in' ? { ...when, time: null } : when, options.now, options.tz);
  const common = { window, location: location?.text ?? null, jobCode: code?.code ?? null };

  if (crew) {
    const dollars = amountCents(rest);
    const bare = amountCents(rest, { bare: true });
    // "K7Q2 600" with nothing else is a price too.
    const onlyCodeAndNumber = code !== null && bare !== null && /^[\s\d.,$#:;!-]*$/.test(rest);
    const intent = crewIntent(text, { hasCode: code !== null, hasDollarAmount: dollars !== null || onlyCodeAndNumber });
    const eta = intent === 'en_route' ? etaMinutes(rest) : null;
    return { intent, ...common, amountCents: intent === 'price' ? bare : dollars, itemsReady: false, etaMinutes: eta };
  }
  const itemsReady = itemsAreReady(text);
  const intent = customerIntent(text, { hasWindow: window !== null, hasLocation: location !== null, itemsReady });
  return { intent, ...common, amountCents: amountCents(rest), itemsReady, etaMinutes: null };
}
