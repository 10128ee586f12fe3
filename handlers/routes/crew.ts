/**
 * GET /api/crew and PUT /api/crew: the roster (crew.json), behind the dispatcher's session. The roster is its own
 * object beside jobs.json, written with its own compare-and-swap: the ETag from GET comes back as If-Match on PUT,
 * so two dispatchers editing at once cannot silently overwrite each other ("roster changed, reload").
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { rosterProblemText, validateRoster } from '../../domain/crew';
import { ConflictError } from '../../domain/errors';
import type { WriteCondition } from '../../domain/ports';
import type { Deps } from '../deps';
import { CREW_KEY, readCrew } from '../state';
import { NO_STORE, readJsonBody } from './json-body';

/** @example app.route('/', crewRoutes(deps, requireSession(auth))) */
export function crewRoutes(deps: Deps, guard: MiddlewareHandler): Hono {
  const app = new Hono();

  app.get('/api/crew', guard, async (c) => {
    const crew = await readCrew(deps.store);
    const headers = crew.etag === null ? NO_STORE : { ...NO_STORE, ETag: crew.etag };
    // Skipped entries come back as problems (with the entry as stored), so the editor can show them for fixing.
    const problems = crew.problems.map((problem) => ({ ...problem, text: rosterProblemText(problem) }));
    return c.json(problems.length === 0 ? crew.roster : { ...crew.roster, problems }, 200, headers);
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
