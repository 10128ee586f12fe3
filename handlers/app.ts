/**
 * One HTTP app, two doors: the Lambda entry (handlers/lambda.ts) and the local server (handlers/local.ts) both
 * wrap `createApp(deps)`, which deals only in Web Request/Response.
 *
 * Before any route: malformed URLs are refused (400), requests that did not come through our CloudFront are
 * refused when ORIGIN_SECRET is set (403), and bodies are capped before they are read (413: /sms 64 KB, JSON APIs
 * 32 KB). After every route: the API security headers (nosniff, no referrer leaks, a CSP that allows nothing).
 */
import type { MiddlewareHandler } from 'hono';
// hono/quick: routes are matched by a router that needs no compiling, which a cold Lambda would pay on its first
// request for every route of the API (Hono's own advice for environments that start often).
import { Hono } from 'hono/quick';
import { bodyLimit } from 'hono/body-limit';
import { ZodError } from 'zod';
import { ConfigError, ConflictError, InvalidTransitionError, StoreUnreadableError } from '../domain/errors';
import type { AuthOptions } from './auth/routes';
import { requireOriginSecret } from './client-address';
import type { Deps } from './deps';
import { dispatcherAuth } from './dispatcher-auth';
import { jobsSnapshot } from './jobs-snapshot';
import { bookRoutes } from './routes/book';
import { publicBusinessRoutes } from './routes/business-public';
import { dashboardRoutes } from './routes/dashboard';
import { smsRoutes } from './routes/sms';
import { smsStatusRoutes } from './routes/sms-status';
import { trackRoutes } from './routes/track';
import { API_HEADERS } from './security-headers';
import { storeIncidents } from './store-incident';

/** Largest Twilio webhook body we read: a 1,600-character text with 10 media URLs is a few KB. */
export const SMS_BODY_LIMIT = 64 * 1024;
/** Largest JSON body any API route reads (routes may set a smaller one). */
export const JSON_BODY_LIMIT = 32 * 1024;

/**
 * `auth`: the dispatcher sign-in options; by default derived from deps.config (dispatcherAuth). The local server
 * passes its own when it generated a one-time password (dispatcherAuthFromConfig). Build the app once per process:
 * the rate limiters, the auth cache and the tracking index live in it.
 */
export function createApp(deps: Deps, auth: AuthOptions | null = dispatcherAuth(deps)): Hono {
  const app = new Hono();
  const incidents = storeIncidents(deps);
  const jobs = jobsSnapshot(deps.store);

  app.use('*', rejectMalformedUrl, apiHeaders, requireOriginSecret(deps.config.originSecret));
  app.use('/sms', tooLargeAfter(SMS_BODY_LIMIT));
  app.use('/api/*', tooLargeAfter(JSON_BODY_LIMIT));

  // Readiness, not just liveness: 503 when jobs.json cannot be read, saying why (never any of its data).
  app.get('/healthz', async (c) => {
    try {
      await jobs.current();
      return c.json({ ok: true }, 200, { 'Cache-Control': 'no-store' });
    } catch (error) {
      if (!(error instanceof StoreUnreadableError)) throw error;
      await incidents.report(error);
      return c.json({ ok: false, store: 'unreadable', reason: `${error.key} ${error.reason}` }, 503, { 'Cache-Control': 'no-store' });
    }
  });
  app.route('/', smsStatusRoutes(deps));
  app.route('/', smsRoutes(deps));
  app.route('/', trackRoutes(deps, jobs));
  app.route('/', dashboardRoutes(deps, auth));
  app.route('/', bookRoutes(deps));
  app.route('/', publicBusinessRoutes(deps));
  app.notFound((c) => c.json({ error: 'Not found' }, 404));
  app.onError(async (error, c) => {
    // The one place errors become HTTP. Expected outcomes never get here: they are values.
    if (error instanceof URIError) return c.json({ error: 'Bad request: malformed percent-encoding in the URL' }, 400);
    if (error instanceof InvalidTransitionError) return c.json({ error: error.message }, 409);
    if (error instanceof StoreUnreadableError) {
      await incidents.report(error);
      return c.json(
        { error: 'The jobs store cannot be read right now; nothing was changed. The dispatcher has been told.', storeUnreadable: true },
        503,
        { 'Retry-After': '60', 'Cache-Control': 'no-store' },
      );
    }
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

/**
 * 400 for a URL whose percent-encoding does not decode (`/%zz`, `/%`, `/track/%ff`), before any route tries to
 * decode it and throws.
 */
export const rejectMalformedUrl: MiddlewareHandler = async (c, next) => {
  try {
    decodeURIComponent(c.req.path);
    const query = new URL(c.req.url).search;
    if (query) decodeURIComponent(query.replace(/\+/g, ' '));
  } catch {
    return c.json({ error: 'Bad request: malformed percent-encoding in the URL' }, 400, API_HEADERS);
  }
  await next();
};

/**
 * The API's security headers on every response that has none of its own (the local server's pages carry the pages'
 * policy, handlers/security-headers.ts, and keep it).
 */
const apiHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.headers.has('Content-Security-Policy')) return;
  for (const [name, value] of Object.entries(API_HEADERS)) c.res.headers.set(name, value);
};

/** 413 as soon as the declared or streamed size passes `maxSize`, before a route reads the body. */
function tooLargeAfter(maxSize: number): MiddlewareHandler {
  return bodyLimit({ maxSize, onError: (c) => c.json({ error: `Request body too large (at most ${maxSize / 1024} KB)` }, 413) });
}
