/**
 * GET /api/crew and PUT /api/crew: the roster (crew.json), behind the dispatcher's session. The roster is its own
 * object beside jobs.json, written with its own compare-and-swap: the ETag from GET comes back as If-Match on PUT,
 * so two dispatchers editing at once cannot silently overwrite each other ("roster changed, reload").
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { validateRoster } from '../../domain/crew';
import { ConflictError } from '../../domain/errors';
import type { WriteCondition } from '../../domain/ports';
import type { Deps } from '../deps';
import { CREW_KEY } from '../state';
import { NO_STORE, readJsonBody } from './json-body';

/** @example app.route('/', crewRoutes(deps, requireSession(auth))) */
export function crewRoutes(deps: Deps, guard: MiddlewareHandler): Hono {
  const app = new Hono();

  app.get('/api/crew', guard, async (c) => {
    const stored = await deps.store.get(CREW_KEY);
    if (stored === null) return c.json({ crew: [] }, 200, NO_STORE);
    const headers = { ...NO_STORE, ETag: stored.etag };
    // An invalid crew.json is shown with its problems (not a 500), so the dispatcher can fix it with a PUT.
    let json: unknown;
    try {
      json = JSON.parse(stored.body);
    } catch (error) {
      return c.json({ crew: [], errors: [`crew.json is not valid JSON: ${(error as Error).message}`] }, 200, headers);
    }
    const roster = validateRoster(json);
    return roster.ok ? c.json(roster.roster, 200, headers) : c.json({ crew: [], errors: roster.errors }, 200, headers);
  });

  app.put('/api/crew', guard, async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const roster = validateRoster(body.value);
    if (!roster.ok) return c.json({ errors: roster.errors }, 400, NO_STORE);
    const condition = await writeCondition(deps, c.req.header('if-match'));
    try {
      const etag = await deps.store.put(CREW_KEY, `${JSON.stringify(roster.roster, null, 2)}\n`, condition, 'application/json');
      return c.json(roster.roster, 200, { ...NO_STORE, ETag: etag });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return c.json({ error: 'The roster changed since you loaded it: reload and make your change again.' }, 409, NO_STORE);
    }
  });

  return app;
}

/**
 * The If-Match the client sent (the roster it edited), else the roster as it is now: still one atomic write, but
 * last writer wins — for scripts that PUT without reading first.
 */
async function writeCondition(deps: Deps, ifMatch: string | undefined): Promise<WriteCondition> {
  const tag = ifMatch?.trim();
  if (tag && tag !== '*') return { ifMatch: tag };
  const current = await deps.store.get(CREW_KEY);
  if (current === null) return tag === '*' ? { ifMatch: '"missing"' } : { ifNoneMatch: '*' };
  return { ifMatch: current.etag };
}
