/**
 * POST /api/book — the public booking form (/book/<slug>). No session: anyone may book. Abuse is kept down by
 *  - a honeypot: the page has a `website` field people never see or fill; a request with it filled gets a normal
 *    looking 201 and nothing is stored or sent. Answering success (not 400) gives a bot nothing to learn from.
 *  - where it texts: only numbers in ALLOWED_COUNTRIES, never premium-rate, shared-cost or similar types
 *    (domain/sms-destination.ts) — the SMS-pumping guard;
 *  - limits: 10 requests an hour per client address (handlers/client-address.ts; in this process's memory), and,
 *    counted in jobs.json so they hold across every Lambda container, 3 bookings an hour per phone number and
 *    BOOKING_TEXTS_PER_HOUR confirmation texts an hour in all, past which bookings land with their text held for
 *    the dispatcher (domain/booking-limits.ts).
 * A request that fails on our side (a 5xx) gives its client quota back; phone and text counts only ever count
 * bookings that were written.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { trackingUrl } from '../../domain/context';
import { newJobCode } from '../../domain/job-code';
import { InvalidTransitionError, StoreUnreadableError } from '../../domain/errors';
import { windowInWords } from '../../domain/page-words';
import { createFailureLimiter, type FailureLimiter } from '../auth/rate-limit';
import { clientAddress } from '../client-address';
import type { Deps } from '../deps';
import { applyBooking, parkBooking } from '../inbox';
import { usableRoster } from '../state';
import { NO_STORE, readJsonBody } from './json-body';

const HOUR_MS = 3600_000;
export const REQUESTS_PER_CLIENT_PER_HOUR = 10;

export interface BookLimits {
  /** Counts every booking request from a client address (valid or not), in this process. */
  readonly perClient: FailureLimiter;
}

/** Fresh limiters (one set per process). */
export function bookLimits(): BookLimits {
  return { perClient: createFailureLimiter({ max: REQUESTS_PER_CLIENT_PER_HOUR, windowMs: HOUR_MS }) };
}

/** @example app.route('/', bookRoutes(deps)) */
export function bookRoutes(deps: Deps, limits: BookLimits = bookLimits()): Hono {
  const app = new Hono();
  app.post(
    '/api/book',
    bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.json({ error: 'The booking is too large.' }, 413, NO_STORE) }),
    async (c) => {
      const now = deps.clock();
      const client = clientAddress(c, deps.config.originSecret);
      if (limits.perClient.isBlocked(client, now)) {
        return tooMany(c, limits.perClient.retryAfterSeconds(client, now), 'Too many bookings from this device.');
      }
      limits.perClient.recordFailure(client, now);
      try {
        return await book(c, deps, client, now);
      } catch (error) {
        // Our failure, not the customer's: the attempt does not count against them (app.ts answers the error).
        limits.perClient.refund(client, now);
        throw error;
      }
    },
  );
  return app;
}

async function book(c: Context, deps: Deps, client: string, now: Date): Promise<Response> {
  const body = await readJsonBody(c);
  if (!body.ok) return body.response;
  const website = (body.value as { website?: unknown } | null)?.website;

  // Loaded on the first booking, not at cold start: reading and checking phone numbers needs libphonenumber (number
  // types need its 152 KB 'max' metadata), which texts, tracking and the board never use.
  const [{ validateBooking }, { bookWithinLimits }, { smsDestinationProblem, textableCountries }] = await Promise.all([
    import('../../domain/booking-form'),
    import('../../domain/booking-limits'),
    import('../../domain/sms-destination'),
  ]);
  const checked = validateBooking(body.value, { now, tz: deps.config.businessTz });
  if (typeof website === 'string' && website.trim() !== '') {
    deps.log('info', 'booking honeypot filled; nothing stored', { client });
    return c.json(decoyAnswer(deps, checked.ok ? windowInWords(checked.booking.window, now, deps.config.businessTz, 'en') : 'as soon as possible'), 201, NO_STORE);
  }
  if (!checked.ok) return c.json({ errors: checked.errors }, 400, NO_STORE);
  const countries = textableCountries(deps.config.allowedCountries, deps.config.businessPhone);
  const problem = smsDestinationProblem(checked.booking.phone, countries);
  if (problem !== null) {
    deps.log('info', 'booking refused: number the form does not text', { client, phone: checked.booking.phone });
    return c.json({ errors: { phone: problem } }, 400, NO_STORE);
  }

  // The id and token are chosen before the write, so a booking that has to be parked can still answer with
  // its tracking link (the code is picked when it is applied: it must differ from the open jobs' codes then).
  const ids = { jobId: deps.ids.newId(), token: deps.ids.newToken() };
  const lateForToday = checked.booking.lateForToday === true;
  // `when` in words for the confirmation ("Tomorrow, 8 AM–12 PM"), in the language the page booked in.
  const when = windowInWords(checked.booking.window, now, deps.config.businessTz, checked.booking.language ?? 'en');
  let written;
  try {
    const roster = await usableRoster(deps.store, deps.log);
    written = await applyBooking(deps, checked.booking, roster, ids);
  } catch (error) {
    if (error instanceof InvalidTransitionError || error instanceof StoreUnreadableError) throw error;
    deps.log('warn', 'could not record a booking in time; parking it', { jobId: ids.jobId, error: String(error) });
    await parkBooking(deps, checked.booking, ids, now);
    // 202: taken, and the confirmation text (with the same link) follows when it is applied.
    return c.json({ trackingUrl: trackingUrl(deps.config, ids.token), code: null, pending: true, when, lateForToday }, 202, NO_STORE);
  }
  if (!written.ok) {
    return tooMany(c, written.retryAfterSeconds, 'This number has booked several pickups in the last hour.');
  }
  if (written.held) deps.log('warn', 'booking-text cap reached; confirmation held for the dispatcher', { job: written.jobId });
  return c.json({ trackingUrl: written.link, code: written.code, when, lateForToday }, 201, NO_STORE);
}

function tooMany(c: Context, seconds: number, what: string): Response {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return c.json(
    { error: `${what} Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or text or call us.` },
    429,
    { ...NO_STORE, 'Retry-After': String(seconds) },
  );
}

/** What a real booking answers, for a job that does not exist (the link leads to "not found"). */
function decoyAnswer(deps: Deps, when: string): { trackingUrl: string; code: string; when: string; lateForToday: boolean } {
  return {
    when,
    lateForToday: false,
    trackingUrl: trackingUrl(deps.config, deps.ids.newToken()),
    code: newJobCode(deps.ids.random, new Set()),
  };
}
