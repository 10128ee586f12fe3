/**
 * The dispatcher's API: sign-in (handlers/auth/), the board (GET /api/jobs with ETag / If-None-Match), changes
 * (POST /api/jobs, PATCH /api/jobs/:id, POST /api/jobs/:id/status), the roster (crew.ts) and the archive's History
 * view (history.ts). Every route but
 * sign-in needs a session; every state-changing one also a same-site Origin (requireSession).
 *
 * Changes follow the webhook's pattern: validate → read → pure domain change → one compare-and-swap write with the
 * notifications it causes → deliver them → answer. An illegal status move throws InvalidTransitionError inside the
 * change; app.ts turns it into 409 with the reason.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { BusinessContext } from '../../domain/context';
import { rosterProblemText, type CrewRoster } from '../../domain/crew';
import { dashboardEtag, dashboardJob, dashboardView } from '../../domain/dashboard-view';
import { sendHeldConfirmation } from '../../domain/held-confirmation';
import { bookByPhone, moveJob, patchJob, type JobChange, type JobChangeInvalid, type JobNotFound } from '../../domain/dispatch';
import type * as DispatchInput from '../../domain/dispatch-input';
import type { JobsDocument } from '../../domain/jobs-document';
import { enqueue } from '../../domain/outbox';
import { isStatusId, STATUS_IDS, type StatusId } from '../../domain/statuses';
import { authRoutes, requireSession, type AuthOptions } from '../auth/routes';
import { writeAndDeliver } from '../deliver';
import { businessContext, type Deps } from '../deps';
import { readCrew, readJobs, usableRoster } from '../state';
import { businessRoutes } from './business';
import { crewRoutes } from './crew';
import { matchesEtag } from './etag';
import { inboxRoutes } from './inbox';
import { historyRoutes } from './history';
import { NO_STORE, readJsonBody } from './json-body';

const NOT_CONFIGURED =
  'The dashboard has no password yet: set DASHBOARD_PASSWORD_HASH to the output of `npm run -s hash-password`.';

/**
 * The dashboard API. `auth` null (no DASHBOARD_PASSWORD_HASH): every dashboard route answers 503 saying so, while
 * the rest of the app (texts, tracking, booking) keeps working.
 * @example app.route('/', dashboardRoutes(deps, dispatcherAuth(deps)))
 */
export function dashboardRoutes(deps: Deps, auth: AuthOptions | null): Hono {
  const app = new Hono();
  if (auth === null) {
    const off = (c: Context) => c.json({ error: NOT_CONFIGURED }, 503, NO_STORE);
    for (const path of ['/api/login', '/api/logout', '/api/logout-everywhere', '/api/session', '/api/jobs', '/api/jobs/*', '/api/crew']) app.all(path, off);
    const paths = ['/api/login', '/api/logout', '/api/session', '/api/jobs', '/api/jobs/*', '/api/crew', '/api/history', '/api/history/*', '/api/threads', '/api/threads/*'];
    for (const path of paths) app.all(path, off);
    return app;
  }
  app.route('/', authRoutes(auth));
  const guard: MiddlewareHandler = requireSession(auth);

  app.get('/api/jobs', guard, async (c) => {
    const statuses = statusFilter(c.req.query('status'));
    if (statuses === 'invalid') {
      return c.json({ errors: { status: `must be one or more of ${STATUS_IDS.join(', ')} (comma-separated)` } }, 400, NO_STORE);
    }
    const [{ doc }, crew] = await Promise.all([readJobs(deps.store), readCrew(deps.store)]);
    const ctx = businessContext(deps, crew.roster);
    const etag = dashboardEtag(doc.version, crew.etag, ctx.now, ctx.tz);
    // no-cache: the browser keeps the copy but asks every time; a match costs a 304 with no body.
    const headers = { ETag: etag, 'Cache-Control': 'private, no-cache' };
    if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
    // The board: open work and jobs closed within ARCHIVE_AFTER_DAYS; older ones are the archive's (History view).
    const view = dashboardView(doc, ctx, { ...(statuses ? { statuses } : {}), archiveAfterDays: deps.config.archiveAfterDays });
    // The board's banner: each skipped roster entry, by name.
    const problems = crew.problems.map(rosterProblemText);
    return c.json(problems.length === 0 ? view : { ...view, rosterProblems: problems }, 200, headers);
  });

  app.post('/api/jobs', guard, async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    // The form's day and part of the day are read on the business's clock, now (a passed part of today is refused).
    const booking = (await dispatchInput()).parsePhoneBooking(body.value, { now: deps.clock(), tz: deps.config.businessTz });
    if (!booking.ok) return c.json({ errors: booking.errors }, 400, NO_STORE);
    const written = await writeChange(deps, (doc, ctx) => bookByPhone(doc, booking.value, ctx));
    return answer(c, written, 201);
  });

  app.patch('/api/jobs/:id', guard, async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const patch = (await dispatchInput()).parseJobPatch(body.value);
    if (!patch.ok) return c.json({ errors: patch.errors }, 400, NO_STORE);
    const id = c.req.param('id');
    return answer(c, await writeChange(deps, (doc, ctx) => patchJob(doc, id, patch.value, ctx)), 200);
  });

  app.post('/api/jobs/:id/status', guard, async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const status = (await dispatchInput()).parseStatusChange(body.value);
    if (!status.ok) return c.json({ errors: status.errors }, 400, NO_STORE);
    const id = c.req.param('id');
    return answer(c, await writeChange(deps, (doc, ctx) => moveJob(doc, id, status.value, ctx)), 200);
  });

  // A booking whose confirmation text was held (the hourly booking-text cap): the dispatcher sends it.
  app.post('/api/jobs/:id/send-confirmation', guard, async (c) => {
    const id = c.req.param('id');
    return answer(c, await writeChange(deps, (doc, ctx) => sendHeldConfirmation(doc, id, ctx)), 200);
  });

  app.route('/', crewRoutes(deps, guard));
  app.route('/', inboxRoutes(deps, guard));
  app.route('/', historyRoutes(deps, guard));
  app.route('/', businessRoutes(deps, guard));
  return app;
}

/**
 * The dashboard's input checks, loaded on the first change rather than at cold start: they read phone numbers with
 * libphonenumber, which texts and tracking never need.
 */
function dispatchInput(): Promise<typeof DispatchInput> {
  return import('../../domain/dispatch-input');
}

type Outcome = JobChange | JobNotFound | JobChangeInvalid;

interface Written {
  readonly outcome: Outcome;
  /** The document as written (or as read, when nothing changed), and the context the change ran with. */
  readonly doc: JobsDocument;
  readonly ctx: BusinessContext;
  readonly version: number;
}

/**
 * Runs a domain change in one compare-and-swap write with the notifications it causes, then delivers them. The
 * change may run more than once (a lost race re-reads), so it is pure and gets a fresh context each time.
 */
async function writeChange(deps: Deps, change: (doc: JobsDocument, ctx: BusinessContext) => Outcome): Promise<Written> {
  const roster = await rosterOrEmpty(deps);
  return writeAndDeliver<Omit<Written, 'version'>>(deps, (doc) => {
    const ctx = businessContext(deps, roster);
    const outcome = change(doc, ctx);
    if (!outcome.ok) return { doc, result: { outcome, doc, ctx }, keys: [] };
    const { doc: next, added } = enqueue(outcome.doc, outcome.notify, ctx.now);
    return { doc: next, result: { outcome, doc: next, ctx }, keys: added.map((item) => item.key) };
  });
}

function answer(c: Context, written: Written, okStatus: 200 | 201): Response {
  const { outcome } = written;
  if (!outcome.ok && outcome.problem === 'not_found') return c.json({ error: 'No such job. Reload the board.' }, 404, NO_STORE);
  if (!outcome.ok) return c.json({ errors: outcome.errors }, 400, NO_STORE);
  const job = dashboardJob({ ...written.doc, version: written.version }, outcome.job.id, written.ctx);
  return c.json({ version: written.version, job }, okStatus, NO_STORE);
}

function rosterOrEmpty(deps: Deps): Promise<CrewRoster> {
  return usableRoster(deps.store, deps.log);
}

/** `?status=en_route,in_progress` → the statuses; undefined for all; 'invalid' for an unknown status. */
function statusFilter(query: string | undefined): StatusId[] | undefined | 'invalid' {
  if (query === undefined || query.trim() === '') return undefined;
  const statuses = query.split(',').map((part) => part.trim());
  return statuses.every(isStatusId) ? statuses : 'invalid';
}
