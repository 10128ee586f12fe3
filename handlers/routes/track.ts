/**
 * The public tracking page's API. The token in the path is the only key (texted to the customer):
 *  - GET  /api/track/:token             customer-safe fields (domain/track-view.ts). Cheap by design, because anyone
 *    can call it: the token is looked up in an index built once per version of jobs.json (handlers/jobs-snapshot.ts),
 *    the answer carries an ETag (a polling page gets 304 when nothing changed), each client address may ask
 *    TRACK_REQUESTS_PER_MINUTE times a minute, and a token not in jobs.json may belong to an archived job (the
 *    archive index names its month: two reads, no scan);
 *  - POST /api/track/:token/cancel      cancels as a "cancel" text would;
 *  - POST /api/track/:token/reschedule  {day, part} or {text: "tomorrow morning"}, as a text would.
 * The actions take JSON only (a cross-site <form> cannot post it without a CORS preflight) and are rate-limited in
 * this process's memory (see handlers/auth/rate-limit.ts for what that does and does not stop): per token, so a
 * leaked link cannot flood the crew with emails, and per client, so nobody can walk through many tokens.
 * An unknown token answers 404 with the business's contact, so the not-found page can say who to call.
 */
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { enqueue } from '../../domain/outbox';
import { cancelFromTrackPage, rescheduleFromTrackPage, type RescheduleRequest, type TrackActionResult } from '../../domain/track-actions';
import { businessContact, isTrackingToken, trackView } from '../../domain/track-view';
import type { Job, JobsDocument } from '../../domain/jobs-document';
import type { CrewRoster } from '../../domain/crew';
import { createFailureLimiter, type FailureLimiter } from '../auth/rate-limit';
import { clientAddress } from '../client-address';
import { writeAndDeliver } from '../deliver';
import { businessContext, type Deps } from '../deps';
import { findArchivedByToken } from '../archive';
import { findTrackedJob, jobsSnapshot, type JobsSnapshot } from '../jobs-snapshot';
import { usableRoster } from '../state';
import { matchesEtag } from './etag';
import { NO_STORE, readJsonBody } from './json-body';

const HOUR_MS = 3600_000;
export const ACTIONS_PER_TOKEN_PER_HOUR = 6;
export const ACTIONS_PER_CLIENT_PER_HOUR = 20;
/** A page polls twice a minute; this leaves room for many tabs, or many phones behind one carrier address. */
export const TRACK_REQUESTS_PER_MINUTE = 120;

export interface TrackLimits {
  readonly perToken: FailureLimiter;
  readonly perClient: FailureLimiter;
}

/** Fresh limiters (one set per process; the failure limiter counts any event, here page actions). */
export function trackLimits(): TrackLimits {
  return {
    perToken: createFailureLimiter({ max: ACTIONS_PER_TOKEN_PER_HOUR, windowMs: HOUR_MS }),
    perClient: createFailureLimiter({ max: ACTIONS_PER_CLIENT_PER_HOUR, windowMs: HOUR_MS }),
  };
}

const NOT_FOUND = 'Job not found, or this tracking link is no longer valid.';

/** @example app.route('/', trackRoutes(deps)) */
export function trackRoutes(deps: Deps, jobs: JobsSnapshot = jobsSnapshot(deps.store), limits: TrackLimits = trackLimits()): Hono {
  const app = new Hono();
  const notFound = (c: Context) => c.json({ error: NOT_FOUND, ...businessContact(deps.config) }, 404, NO_STORE);
  const lookups = createFailureLimiter({ max: TRACK_REQUESTS_PER_MINUTE, windowMs: 60_000 });

  app.get('/api/track/:token', async (c) => {
    const now = deps.clock();
    const client = clientAddress(c, deps.config.originSecret);
    if (lookups.isBlocked(client, now)) {
      const seconds = lookups.retryAfterSeconds(client, now);
      return c.json({ error: 'Too many requests. Try again in a minute.' }, 429, { ...NO_STORE, 'Retry-After': String(seconds) });
    }
    lookups.recordFailure(client, now);
    const token = c.req.param('token');
    if (!isTrackingToken(token)) return notFound(c);
    const [job, roster] = await Promise.all([findTrackedJob(jobs, token), usableRoster(deps.store, deps.log)]);
    const view = jobView(deps, job ?? (await findArchivedByToken(deps.store, token)), roster);
    if (!view) return notFound(c);
    const body = JSON.stringify(view);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    // no-cache (not no-store): the browser may keep the copy, but must ask; a match costs a 304.
    const headers = { 'Cache-Control': 'private, no-cache', ETag: etag };
    if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
    return c.body(body, 200, { ...headers, 'Content-Type': 'application/json' });
  });

  const action = (run: (doc: JobsDocument, token: string, body: unknown, deps: Deps, roster: CrewRoster) => TrackActionResult) =>
    async (c: Context) => {
      const token = c.req.param('token') ?? '';
      if (!isTrackingToken(token)) return notFound(c);
      const now = deps.clock();
      const client = clientAddress(c, deps.config.originSecret);
      for (const [limiter, key] of [[limits.perToken, token], [limits.perClient, client]] as const) {
        if (limiter.isBlocked(key, now)) return tooMany(c, limiter.retryAfterSeconds(key, now));
      }
      limits.perToken.recordFailure(token, now);
      limits.perClient.recordFailure(client, now);
      const body = await readJsonBody(c);
      if (!body.ok) return body.response;

      const roster = await usableRoster(deps.store, deps.log);
      const result = await writeAndDeliver<TrackActionResult>(deps, (doc) => {
        const outcome = run(doc, token, body.value, deps, roster);
        if (outcome.outcome === 'not_found' || outcome.outcome === 'invalid') return { doc, result: outcome, keys: [] };
        const { doc: next, added } = enqueue(outcome.doc, outcome.notify, deps.clock());
        return { doc: next, result: outcome, keys: added.map((item) => item.key) };
      });
      if (result.outcome === 'not_found') return notFound(c);
      if (result.outcome === 'invalid') return c.json({ errors: result.errors }, 400, NO_STORE);
      const view = viewOf(deps, result.doc, token, roster);
      if (result.outcome === 'refused') return c.json({ error: result.message, view }, 409, NO_STORE);
      return c.json({ message: result.message, view }, 200, NO_STORE);
    };

  const limit = bodyLimit({ maxSize: 4 * 1024, onError: (c) => c.json({ error: 'The request is too large.' }, 413, NO_STORE) });
  app.post(
    '/api/track/:token/cancel',
    limit,
    action((doc, token, _body, d, roster) => cancelFromTrackPage(doc, token, businessContext(d, roster))),
  );
  app.post(
    '/api/track/:token/reschedule',
    limit,
    action((doc, token, body, d, roster) => {
      const request = (typeof body === 'object' && body !== null ? body : {}) as RescheduleRequest;
      return rescheduleFromTrackPage(doc, token, request, businessContext(d, roster));
    }),
  );
  return app;
}

function viewOf(deps: Deps, doc: JobsDocument, token: string, crew: CrewRoster) {
  return jobView(deps, Object.values(doc.jobs).find((candidate) => candidate.token === token) ?? null, crew);
}

function jobView(deps: Deps, job: Job | null, crew: CrewRoster) {
  if (!job) return null;
  const { businessName, businessPhone, businessTz: tz } = deps.config;
  return trackView(job, { businessName, businessPhone, now: deps.clock(), tz, crew });
}

/** The roster for crew first names; an invalid crew.json shows no names rather than failing the page. */

function tooMany(c: Context, seconds: number): Response {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return c.json(
    { error: `Too many changes from this page. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or text or call us.` },
    429,
    { ...NO_STORE, 'Retry-After': String(seconds) },
  );
}
