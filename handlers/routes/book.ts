/**
 * POST /api/book — the public booking form (/book/<slug>). No session: anyone may book. Abuse is kept down by
 *  - a honeypot: the page has a `website` field people never see or fill; a request with it filled gets a normal
 *    looking 201 and nothing is stored or sent. Answering success (not 400) gives a bot nothing to learn from.
 *  - rate limits, in this process's memory (per Lambda container, like the login limiter; see
 *    handlers/auth/rate-limit.ts for what that does and does not stop): 10 requests an hour per client, and 3
 *    bookings an hour per phone number, so nobody can fill the crew's day or text a stranger over and over.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { validateBooking } from '../../domain/booking-form';
import { trackingUrl } from '../../domain/context';
import { newJobCode } from '../../domain/job-code';
import { InvalidTransitionError } from '../../domain/errors';
import { windowInWords } from '../../domain/page-words';
import { clientKeyOf, createFailureLimiter, remoteAddressOf, type FailureLimiter } from '../auth/rate-limit';
import type { Deps } from '../deps';
import { applyBooking, parkBooking } from '../inbox';
import { usableRoster } from '../state';
import { NO_STORE, readJsonBody } from './json-body';

const HOUR_MS = 3600_000;
export const BOOKINGS_PER_PHONE_PER_HOUR = 3;
export const REQUESTS_PER_CLIENT_PER_HOUR = 10;

export interface BookLimits {
  /** Counts every booking request from a client (valid or not). */
  readonly perClient: FailureLimiter;
  /** Counts bookings made for a phone number. */
  readonly perPhone: FailureLimiter;
}

/** Fresh limiters (one set per process; the failure limiter counts any event, here requests and bookings). */
export function bookLimits(): BookLimits {
  return {
    perClient: createFailureLimiter({ max: REQUESTS_PER_CLIENT_PER_HOUR, windowMs: HOUR_MS }),
    perPhone: createFailureLimiter({ max: BOOKINGS_PER_PHONE_PER_HOUR, windowMs: HOUR_MS }),
  };
}

/** @example app.route('/', bookRoutes(deps)) */
export function bookRoutes(deps: Deps, limits: BookLimits = bookLimits()): Hono {
  const app = new Hono();
  app.post(
    '/api/book',
    bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.json({ error: 'The booking is too large.' }, 413, NO_STORE) }),
    async (c) => {
      const now = deps.clock();
      const client = clientKeyOf(c.req.raw.headers, remoteAddressOf(c.env));
      if (limits.perClient.isBlocked(client, now)) {
        return tooMany(c, limits.perClient.retryAfterSeconds(client, now), 'Too many bookings from this device.');
      }
      limits.perClient.recordFailure(client, now);

      const body = await readJsonBody(c);
      if (!body.ok) return body.response;
      const website = (body.value as { website?: unknown } | null)?.website;
      const checked = validateBooking(body.value, { now, tz: deps.config.businessTz });
      if (typeof website === 'string' && website.trim() !== '') {
        deps.log('info', 'booking honeypot filled; nothing stored', { client });
        return c.json(decoyAnswer(deps, checked.ok ? windowInWords(checked.booking.window, now, deps.config.businessTz, 'en') : 'as soon as possible'), 201, NO_STORE);
      }

      if (!checked.ok) return c.json({ errors: checked.errors }, 400, NO_STORE);
      const { phone } = checked.booking;
      if (limits.perPhone.isBlocked(phone, now)) {
        return tooMany(c, limits.perPhone.retryAfterSeconds(phone, now), 'This number has booked several pickups in the last hour.');
      }
      limits.perPhone.recordFailure(phone, now);

      // The id and token are chosen before the write, so a booking that has to be parked can still answer with
      // its tracking link (the code is picked when it is applied: it must differ from the open jobs' codes then).
      const ids = { jobId: deps.ids.newId(), token: deps.ids.newToken() };
      // `when` in words for the confirmation ("Tomorrow, 8 AM–12 PM"), in the language the page booked in.
      const when = windowInWords(checked.booking.window, now, deps.config.businessTz, checked.booking.language ?? 'en');
      const lateForToday = checked.booking.lateForToday === true;
      try {
        const roster = await usableRoster(deps.store, deps.log);
        const written = await applyBooking(deps, checked.booking, roster, ids);
        return c.json({ trackingUrl: written.link, code: written.code, when, lateForToday }, 201, NO_STORE);
      } catch (error) {
        if (error instanceof InvalidTransitionError) throw error;
        deps.log('warn', 'could not record a booking in time; parking it', { jobId: ids.jobId, error: String(error) });
        await parkBooking(deps, checked.booking, ids, now);
        // 202: taken, and the confirmation text (with the same link) follows when it is applied.
        return c.json({ trackingUrl: trackingUrl(deps.config, ids.token), code: null, pending: true, when, lateForToday }, 202, NO_STORE);
      }
    },
  );
  return app;
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

