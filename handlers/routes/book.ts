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
import { bookOnline, validateBooking } from '../../domain/booking-form';
import { trackingUrl } from '../../domain/context';
import { newJobCode } from '../../domain/job-code';
import { windowInWords } from '../../domain/page-words';
import { enqueue } from '../../domain/outbox';
import { clientKeyOf, createFailureLimiter, remoteAddressOf, type FailureLimiter } from '../auth/rate-limit';
import { writeAndDeliver } from '../deliver';
import { businessContext, type Deps } from '../deps';
import { readCrew } from '../state';
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

      const crew = await readCrew(deps.store);
      if (!crew.ok) deps.log('error', 'crew.json is invalid; the new-job email goes to nobody', { errors: crew.errors });
      const roster = crew.ok ? crew.roster : { crew: [] };
      const written = await writeAndDeliver(deps, (doc) => {
        const ctx = businessContext(deps, roster);
        const booked = bookOnline(doc, checked.booking, ctx);
        const { doc: next, added } = enqueue(booked.doc, booked.notify, ctx.now);
        return { doc: next, result: { job: booked.job, link: trackingUrl(ctx, booked.job.token) }, keys: added.map((i) => i.key) };
      });
      // `when` in words for the confirmation ("Tomorrow, 8 AM–12 PM"), in the language the page booked in.
      const when = windowInWords(written.job.window, now, deps.config.businessTz, written.job.language);
      return c.json({ trackingUrl: written.link, code: written.job.code, when }, 201, NO_STORE);
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
function decoyAnswer(deps: Deps, when: string): { trackingUrl: string; code: string; when: string } {
  return {
    when,
    trackingUrl: trackingUrl(deps.config, deps.ids.newToken()),
    code: newJobCode(deps.ids.random, new Set()),
  };
}

