/**
 * One HTTP app, two doors: the Lambda entry (handlers/lambda.ts) and the local server (handlers/local.ts) both
 * wrap `createApp(deps)`, which deals only in Web Request/Response.
 */
import { Hono } from 'hono';
import { ZodError } from 'zod';
import { ConfigError, ConflictError, InvalidTransitionError } from '../domain/errors';
import type { AuthOptions } from './auth/routes';
import type { Deps } from './deps';
import { dispatcherAuth } from './dispatcher-auth';
import { bookRoutes } from './routes/book';
import { publicBusinessRoutes } from './routes/business-public';
import { dashboardRoutes } from './routes/dashboard';
import { smsRoutes } from './routes/sms';
import { smsStatusRoutes } from './routes/sms-status';
import { trackRoutes } from './routes/track';

/**
 * `auth`: the dispatcher sign-in options; by default derived from deps.config (dispatcherAuth). The local server
 * passes its own when it generated a one-time password (dispatcherAuthFromConfig). Build the app once per process:
 * the login and booking rate limiters live in it.
 */
export function createApp(deps: Deps, auth: AuthOptions | null = dispatcherAuth(deps)): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.route('/', smsStatusRoutes(deps));
  app.route('/', smsRoutes(deps));
  app.route('/', trackRoutes(deps));
  app.route('/', dashboardRoutes(deps, auth));
  app.route('/', bookRoutes(deps));
  app.route('/', publicBusinessRoutes(deps));
  app.notFound((c) => c.json({ error: 'Not found' }, 404));
  app.onError((error, c) => {
    // The one place errors become HTTP. Expected outcomes never get here: they are values.
    if (error instanceof InvalidTransitionError) return c.json({ error: error.message }, 409);
    if (error instanceof ConflictError) {
      deps.log('warn', 'gave up after repeated write conflicts', { path: c.req.path });
      return c.json({ error: 'Busy, please retry.' }, 503, { 'Retry-After': '1' });
    }
    if (error instanceof ZodError) {
      deps.log('error', 'stored data failed validation', { path: c.req.path, issues: error.issues.slice(0, 5) });
      return c.json({ error: 'Stored data is invalid; the dispatcher has been told.' }, 500);
    }
    if (error instanceof ConfigError) {
      deps.log('error', error.message, { variable: error.variable });
      return c.json({ error: 'Server misconfigured.' }, 500);
    }
    deps.log('error', 'unhandled error', { path: c.req.path, error: String(error), stack: (error as Error).stack });
    return c.json({ error: 'Internal error' }, 500);
  });
  return app;
}
