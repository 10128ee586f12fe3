/**
 * GET /api/track/:token — the public tracking page's data: customer-safe fields, never cached. A token not in
 * jobs.json may belong to an archived job: the archive index names its month (two reads, no scan), so a link keeps
 * showing the final status for TRACK_MONTHS months after the job closed.
 */
import { Hono } from 'hono';
import { isTrackingToken, trackView } from '../../domain/track-view';
import { findArchivedByToken } from '../archive';
import type { Deps } from '../deps';
import { readJobs } from '../state';

export function trackRoutes(deps: Deps): Hono {
  const app = new Hono();
  app.get('/api/track/:token', async (c) => {
    c.header('Cache-Control', 'no-store');
    const token = c.req.param('token');
    const notFound = () => c.json({ error: 'Job not found, or this tracking link is no longer valid.' }, 404);
    if (!isTrackingToken(token)) return notFound();
    const { doc } = await readJobs(deps.store);
    const job = Object.values(doc.jobs).find((candidate) => candidate.token === token) ?? (await findArchivedByToken(deps.store, token));
    if (!job) return notFound();
    return c.json(trackView(job, { businessName: deps.config.businessName, now: deps.clock(), tz: deps.config.businessTz }));
  });
  return app;
}
