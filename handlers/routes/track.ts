/**
 * GET /api/track/:token — the public tracking page's data: customer-safe fields. Cheap by design, because anyone
 * can call it: the token is looked up in an index built once per version of jobs.json (handlers/jobs-snapshot.ts),
 * the answer carries an ETag (a page that polls gets 304 with no body when nothing changed), and each client address
 * may ask TRACK_REQUESTS_PER_MINUTE times a minute. A token not in jobs.json may belong to an archived job: the
 * archive index names its month (two reads, no scan), so a link keeps showing the final status for TRACK_MONTHS
 * months after the job closed.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { isTrackingToken, trackView } from '../../domain/track-view';
import { createFailureLimiter } from '../auth/rate-limit';
import { clientAddress } from '../client-address';
import { findArchivedByToken } from '../archive';
import type { Deps } from '../deps';
import { findTrackedJob, jobsSnapshot, type JobsSnapshot } from '../jobs-snapshot';
import { matchesEtag } from './etag';

/** A page polls twice a minute; this leaves room for many tabs, or many phones behind one carrier address. */
export const TRACK_REQUESTS_PER_MINUTE = 120;

export function trackRoutes(deps: Deps, jobs: JobsSnapshot = jobsSnapshot(deps.store)): Hono {
  const app = new Hono();
  const limiter = createFailureLimiter({ max: TRACK_REQUESTS_PER_MINUTE, windowMs: 60_000 });
  app.get('/api/track/:token', async (c) => {
    // no-cache (not no-store): the browser may keep the copy, but must ask; a match costs a 304.
    c.header('Cache-Control', 'private, no-cache');
    const now = deps.clock();
    const client = clientAddress(c, deps.config.originSecret);
    if (limiter.isBlocked(client, now)) {
      const seconds = limiter.retryAfterSeconds(client, now);
      return c.json({ error: 'Too many requests. Try again in a minute.' }, 429, { 'Retry-After': String(seconds) });
    }
    limiter.recordFailure(client, now);
    const token = c.req.param('token');
    const notFound = () => c.json({ error: 'Job not found, or this tracking link is no longer valid.' }, 404);
    if (!isTrackingToken(token)) return notFound();
    const job = (await findTrackedJob(jobs, token)) ?? (await findArchivedByToken(deps.store, token));
    if (!job) return notFound();
    const body = JSON.stringify(trackView(job, { businessName: deps.config.businessName, now, tz: deps.config.businessTz }));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    c.header('ETag', etag);
    if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });
  return app;
}
