/**
 * GET /api/business and PUT /api/business: the business profile (business.json beside jobs.json) that customers'
 * questions are answered from, behind the dispatcher's session. Written with its own compare-and-swap, as the
 * roster is: the ETag from GET comes back as If-Match on PUT.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { emptyBusinessProfile, validateBusinessProfile } from '../../domain/business-profile';
import { ConflictError } from '../../domain/errors';
import type { Deps } from '../deps';
import { BUSINESS_KEY } from '../state';
import { NO_STORE, readJsonBody } from './json-body';

/** @example app.route('/', businessRoutes(deps, requireSession(auth))) */
export function businessRoutes(deps: Deps, guard: MiddlewareHandler): Hono {
  const app = new Hono();

  app.get('/api/business', guard, async (c) => {
    const stored = await deps.store.get(BUSINESS_KEY);
    if (stored === null) return c.json(emptyBusinessProfile(), 200, NO_STORE);
    const headers = { ...NO_STORE, ETag: stored.etag };
    // An invalid business.json is shown with its problems (not a 500), so the dispatcher can fix it with a PUT.
    let json: unknown;
    try {
      json = JSON.parse(stored.body);
    } catch (error) {
      return c.json({ ...emptyBusinessProfile(), errors: [`business.json is not valid JSON: ${(error as Error).message}`] }, 200, headers);
    }
    const profile = validateBusinessProfile(json);
    return profile.ok ? c.json(profile.profile, 200, headers) : c.json({ ...emptyBusinessProfile(), errors: profile.errors }, 200, headers);
  });

  app.put('/api/business', guard, async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const profile = validateBusinessProfile(body.value);
    if (!profile.ok) return c.json({ errors: profile.errors }, 400, NO_STORE);
    const tag = c.req.header('if-match')?.trim();
    const current = tag && tag !== '*' ? null : await deps.store.get(BUSINESS_KEY);
    const condition = tag && tag !== '*' ? { ifMatch: tag } : current ? { ifMatch: current.etag } : { ifNoneMatch: '*' as const };
    try {
      const etag = await deps.store.put(BUSINESS_KEY, `${JSON.stringify(profile.profile, null, 2)}\n`, condition, 'application/json');
      return c.json(profile.profile, 200, { ...NO_STORE, ETag: etag });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return c.json({ error: 'The business profile changed since you loaded it: reload and make your change again.' }, 409, NO_STORE);
    }
  });

  return app;
}
