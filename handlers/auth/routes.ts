/**
 * Dispatcher sign-in over HTTP: `POST /api/login`, `POST /api/logout` (this session), `POST /api/logout-everywhere`
 * (every session), `GET /api/session`, and the `requireSession` guard every dashboard API route sits behind. Mount
 * with `app.route('/', authRoutes(options))` and `app.use('/api/jobs/*', requireSession(options))` — the same
 * options object serves both.
 *
 * Guessing is limited twice: per client address (`limiter`, in memory) and for the account whatever the address
 * (`authState.beginAttempt`: after 10 failures each guess waits 1 s, 2 s, 4 s… up to 15 minutes, counted in
 * auth.json so every Lambda container sees the same count).
 *
 * CSRF: the cookie is SameSite=Strict, and state-changing calls must also carry an `Origin` equal to the site's own
 * (PUBLIC_BASE_URL's origin, or on localhost the request's own origin).
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ConfigError } from '../../domain/errors';
import { isPasswordHash, MAX_PASSWORD_LENGTH, verifyPassword } from './password';
import { clientAddress } from '../client-address';
import type { AuthStateStore, SessionInfo } from './auth-state';
import type { FailureLimiter } from './rate-limit';
import {
  clearSessionCookie,
  createSessionToken,
  isLoopbackUrl,
  isSecureCookieUrl,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  sessionCookie,
  sessionOf,
  sessionSigningKey,
} from './session';

export interface AuthOptions {
  readonly sessionSecret: string;
  /** The only time source; the server passes `() => new Date()`, tests a controllable clock. */
  readonly clock: () => Date;
  /** PUBLIC_BASE_URL (its origin is what browsers send in `Origin`). */
  readonly allowedOrigin: string;
  /** DASHBOARD_PASSWORD_HASH. */
  readonly passwordHash: string;
  /** Failed-login counter per client, e.g. `createFailureLimiter({ max: 5, windowMs: 60_000 })`; one per process. */
  readonly limiter: FailureLimiter;
  /** Revoked sessions and the account-wide backoff (auth.json); one per process (it caches). */
  readonly authState: AuthStateStore;
  /** Who is trying, for the limiter. Default: `clientAddress` without an origin secret (the runtime's peer). */
  readonly clientKey?: (c: Context) => string;
  readonly sessionTtlMs?: number;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/**
 * The sign-in routes as a hono app. Throws ConfigError at startup for a hash, secret or origin that cannot work,
 * rather than failing every login later.
 * @example app.route('/', authRoutes({ passwordHash, sessionSecret, clock: () => new Date(), limiter, allowedOrigin }))
 */
export function authRoutes(options: AuthOptions): Hono {
  const { passwordHash, clock, limiter, authState } = options;
  checkOptions(options);
  const signingKey = sessionSigningKey(options.sessionSecret, passwordHash);
  const allowedOrigin = originOf(options.allowedOrigin);
  const ttlMs = options.sessionTtlMs ?? SESSION_TTL_MS;
  const clientKey = options.clientKey ?? defaultClientKey;
  const app = new Hono();

  app.post(
    '/api/login',
    // Bounds the work per request before any parsing; a password field needs a few hundred bytes at most.
    bodyLimit({ maxSize: 8 * 1024, onError: (c) => c.json({ error: 'Request too large' }, 413, NO_STORE) }),
    async (c) => {
      const origin = c.req.header('origin');
      if (origin !== undefined && !isAllowedOrigin(origin, c.req.url, allowedOrigin)) {
        return c.json({ error: 'Bad origin' }, 403, NO_STORE);
      }
      const password = await readPassword(c);
      if ('error' in password) return c.json({ error: password.error }, password.status, NO_STORE);
      // From here to recordFailure nothing awaits, so guesses sent in parallel cannot all pass the check at once.
      const now = clock();
      const key = clientKey(c);
      if (limiter.isBlocked(key, now)) {
        const seconds = limiter.retryAfterSeconds(key, now);
        return c.json(
          { error: `Too many attempts. Try again in ${seconds} seconds.` },
          429,
          { ...NO_STORE, 'Retry-After': String(seconds) },
        );
      }
      // Counted before the slow check (a success clears the count), so parallel guesses all count.
      limiter.recordFailure(key, now);
      // The account's own count, whatever the address: rotating addresses gains nothing past it.
      const wait = await authState.beginAttempt(now);
      if (wait > 0) {
        return c.json(
          { error: `Too many wrong passwords for this account. Try again in ${wait} seconds.` },
          429,
          { ...NO_STORE, 'Retry-After': String(wait) },
        );
      }
      if (!(await verifyPassword(password.value, passwordHash))) {
        return c.json({ error: 'Wrong password' }, 401, NO_STORE);
      }
      limiter.reset(key);
      await authState.succeeded(now);
      const token = createSessionToken(signingKey, now, ttlMs);
      const cookie = sessionCookie(token, { secure: isSecureCookieUrl(c.req.url), maxAgeSeconds: ttlMs / 1000 });
      return c.json({ ok: true }, 200, { ...NO_STORE, 'Set-Cookie': cookie });
    },
  );

  // Logout revokes the session in auth.json, so a copy of the cookie stops working too, not just this browser's.
  app.post('/api/logout', async (c) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !isAllowedOrigin(origin, c.req.url, allowedOrigin)) {
      return c.json({ error: 'Bad origin' }, 403, NO_STORE);
    }
    const now = clock();
    const session = await currentSession(c.req.raw, options, now);
    if (session !== null) await authState.revoke(session, now);
    const cookie = clearSessionCookie({ secure: isSecureCookieUrl(c.req.url) });
    return c.json({ ok: true }, 200, { ...NO_STORE, 'Set-Cookie': cookie });
  });

  // Signs out every browser and every copied cookie: each session issued until now is revoked.
  app.post('/api/logout-everywhere', requireSession(options), async (c) => {
    await authState.revokeAll(clock());
    const cookie = clearSessionCookie({ secure: isSecureCookieUrl(c.req.url) });
    return c.json({ ok: true }, 200, { ...NO_STORE, 'Set-Cookie': cookie });
  });

  app.get('/api/session', async (c) =>
    c.json({ authenticated: (await currentSession(c.req.raw, options, clock())) !== null }, 200, NO_STORE),
  );

  return app;
}

/**
 * Guards dashboard API routes: no valid session (none, expired, forged or signed out) → 401
 * `{error:"Sign in required"}`; a POST/PUT/PATCH/DELETE whose `Origin` is missing or foreign → 403.
 * @example app.use('/api/jobs/*', requireSession(authOptions))
 */
export function requireSession(options: AuthOptions): MiddlewareHandler {
  checkSecret(options.sessionSecret);
  const allowedOrigin = originOf(options.allowedOrigin);
  return async (c, next) => {
    if ((await currentSession(c.req.raw, options, options.clock())) === null) {
      return c.json({ error: 'Sign in required' }, 401, NO_STORE);
    }
    if (STATE_CHANGING.has(c.req.method) && !isAllowedOrigin(c.req.header('origin') ?? null, c.req.url, allowedOrigin)) {
      return c.json({ error: 'Bad origin' }, 403, NO_STORE);
    }
    await next();
  };
}

/**
 * The request's session when its cookie is signed with this password's key, unexpired at `now` and not signed out;
 * else null. Every `sd_session` value is tried, so a cookie planted by a sibling subdomain cannot shadow the real
 * one. The signature is checked first: a forged cookie costs no store read.
 * @example await currentSession(request, authOptions, new Date()) // null without a cookie
 */
export async function currentSession(request: Request, options: AuthOptions, now: Date): Promise<SessionInfo | null> {
  const key = sessionSigningKey(options.sessionSecret, options.passwordHash);
  for (const token of sessionTokensIn(request.headers.get('cookie'))) {
    const session = sessionOf(key, token, now, options.sessionTtlMs ?? SESSION_TTL_MS);
    if (session !== null && !(await options.authState.isRevoked(session, now))) return session;
  }
  return null;
}

/**
 * Whether a browser `Origin` header may make state-changing calls: it must equal the site's origin, or — only when
 * the request itself is to the loopback host (`npm start`) — the request's own origin (http://127.0.0.1:3000 while
 * PUBLIC_BASE_URL says localhost). A missing or "null" Origin is refused.
 * @example isAllowedOrigin('https://evil.example', 'https://dispatch.example.com/api/jobs', 'https://dispatch.example.com') // false
 */
export function isAllowedOrigin(origin: string | null, requestUrl: string, allowedOrigin: string): boolean {
  if (origin === null || origin === 'null') return false;
  if (origin === allowedOrigin) return true;
  return isLoopbackUrl(requestUrl) && origin === new URL(requestUrl).origin;
}

function sessionTokensIn(cookieHeader: string | null): string[] {
  if (!cookieHeader) return [];
  const tokens: string[] = [];
  for (const pair of cookieHeader.split(';')) {
    const eq = pair.indexOf('=');
    if (eq !== -1 && pair.slice(0, eq).trim() === SESSION_COOKIE) tokens.push(pair.slice(eq + 1).trim());
  }
  return tokens.slice(0, 4);
}

async function readPassword(
  c: Context,
): Promise<{ value: string } | { error: string; status: 400 | 415 }> {
  // Requiring JSON also means a cross-site <form> cannot post here without a CORS preflight.
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    return { error: 'Send JSON: {"password": "…"} with Content-Type: application/json', status: 415 };
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return { error: 'The request body is not valid JSON', status: 400 };
  }
  const password = (body as { password?: unknown } | null)?.password;
  if (typeof password !== 'string') return { error: 'password is required (a string)', status: 400 };
  if (password.length > MAX_PASSWORD_LENGTH) {
    return { error: `password is too long (at most ${MAX_PASSWORD_LENGTH} characters)`, status: 400 };
  }
  return { value: password };
}

function defaultClientKey(c: Context): string {
  return clientAddress(c, null);
}


function checkOptions(options: AuthOptions): void {
  if (!isPasswordHash(options.passwordHash)) {
    throw new ConfigError(
      'DASHBOARD_PASSWORD_HASH',
      'is not a hash this version can check (expected scrypt$N=…,r=…,p=…$<salt>$<key>); make a new one with `npm run -s hash-password`',
    );
  }
  checkSecret(options.sessionSecret);
}

function checkSecret(secret: string): void {
  if (secret.length < 32) {
    throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters, e.g. `openssl rand -hex 32`');
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    throw new ConfigError('PUBLIC_BASE_URL', `"${url}" is not a URL; use e.g. https://dispatch.example.com`);
  }
}
