import { Hono } from 'hono';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../domain/errors';
import { hashPassword } from '../../../handlers/auth/password';
import { createFailureLimiter } from '../../../handlers/auth/rate-limit';
import { authRoutes, requireSession, type AuthOptions } from '../../../handlers/auth/routes';
import { createSessionToken } from '../../../handlers/auth/session';

const PASSWORD = 'haul-it-all-away';
const SECRET = 'test-session-secret-0123456789abcdef';
const SITE = 'https://dispatch.example.com';
const T0 = new Date('2025-06-02T08:00:00Z');

let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

let now: Date;
let app: Hono;
let options: AuthOptions;
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

/** The app as the lead mounts it: the sign-in routes plus a guarded stand-in for the dashboard API. */
function buildApp(allowedOrigin = SITE): Hono {
  options = {
    passwordHash,
    sessionSecret: SECRET,
    clock: () => now,
    limiter: createFailureLimiter({ max: 5, windowMs: 60_000 }),
    allowedOrigin,
  };
  const built = new Hono();
  built.route('/', authRoutes(options));
  built.use('/api/jobs/*', requireSession(options));
  built.get('/api/jobs', (c) => c.json({ jobs: [] }));
  built.post('/api/jobs', (c) => c.json({ created: true }, 201));
  built.patch('/api/jobs/:id', (c) => c.json({ updated: c.req.param('id') }));
  return built;
}

beforeEach(() => {
  now = T0;
  app = buildApp();
});

function login(password: string, init: { base?: string; origin?: string | null; ip?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const origin = init.origin === undefined ? (init.base ?? SITE) : init.origin;
  if (origin !== null) headers.origin = origin;
  if (init.ip) headers['x-forwarded-for'] = init.ip;
  return app.request(`${init.base ?? SITE}/api/login`, { method: 'POST', headers, body: JSON.stringify({ password }) });
}

/** The name=value part of a Set-Cookie, as the browser would send it back. */
function cookieFrom(response: Response): string {
  const setCookie = response.headers.get('set-cookie');
  expect(setCookie).toMatch(/^sd_session=[^;]+;/);
  return setCookie!.split(';')[0]!;
}

function api(method: string, path: string, init: { cookie?: string; origin?: string } = {}) {
  const headers: Record<string, string> = {};
  if (init.cookie) headers.cookie = init.cookie;
  if (init.origin) headers.origin = init.origin;
  return app.request(`${SITE}${path}`, { method, headers });
}

describe('signing in', () => {
  it('the right password sets a secure session cookie that opens the dashboard API', async () => {
    expect((await api('GET', '/api/jobs')).status).toBe(401);

    const response = await login(PASSWORD);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie.split('; ').slice(1)).toEqual(['Max-Age=43200', 'Path=/', 'HttpOnly', 'SameSite=Strict', 'Secure']);
    expect(response.headers.get('cache-control')).toBe('no-store');

    const cookie = cookieFrom(response);
    const jobs = await api('GET', '/api/jobs', { cookie });
    expect(jobs.status).toBe(200);
    expect(await jobs.json()).toEqual({ jobs: [] });
    expect(await (await api('GET', '/api/session', { cookie })).json()).toEqual({ authenticated: true });
  });

  it('on plain-http localhost the cookie has no Secure, so the browser keeps it', async () => {
    app = buildApp('http://localhost:3000');
    const response = await login(PASSWORD, { base: 'http://localhost:3000' });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toContain('HttpOnly');
    expect(response.headers.get('set-cookie')).not.toContain('Secure');
  });

  it('a wrong password is a 401 with a plain message and no cookie', async () => {
    const response = await login('haul-it-all-away!');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'Wrong password' });
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('the 6th try within a minute is refused with 429 and Retry-After, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await login(`guess-${i}`)).status).toBe(401);
      advance(1000);
    }
    const blocked = await login(PASSWORD);
    expect(blocked.status).toBe(429);
    // The first failure was at T0; it leaves the one-minute window at T0+60s, 55 s from now.
    expect(blocked.headers.get('retry-after')).toBe('55');
    expect(await blocked.json()).toEqual({ error: 'Too many attempts. Try again in 55 seconds.' });
    expect(blocked.headers.get('set-cookie')).toBeNull();

    advance(54_000);
    expect((await login(PASSWORD)).status).toBe(429);
    advance(1000);
    const again = await login(PASSWORD);
    expect(again.status).toBe(200);
    expect((await api('GET', '/api/jobs', { cookie: cookieFrom(again) })).status).toBe(200);
  });

  it('guesses sent all at once are counted too: only 5 of 12 get checked', async () => {
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => login(`guess-${i}`)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
  });

  it('one client being blocked does not lock out another', async () => {
    for (let i = 0; i < 5; i++) await login(`guess-${i}`, { ip: '198.51.100.7' });
    expect((await login(PASSWORD, { ip: '198.51.100.7' })).status).toBe(429);
    expect((await login(PASSWORD, { ip: '203.0.113.9' })).status).toBe(200);
  });

  it('a success forgives earlier failures', async () => {
    for (let i = 0; i < 4; i++) await login(`guess-${i}`);
    expect((await login(PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(`guess-${i}`)).status).toBe(401);
  });

  it('is refused from a foreign Origin (login CSRF) before any password check', async () => {
    const response = await login(PASSWORD, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'Bad origin' });
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('works without an Origin header (non-browser clients)', async () => {
    expect((await login(PASSWORD, { origin: null })).status).toBe(200);
  });

  it.each([
    ['a form post', 'application/x-www-form-urlencoded', 'password=haul-it-all-away', 415],
    ['broken JSON', 'application/json', '{"password":', 400],
    ['no password field', 'application/json', '{"pass":"x"}', 400],
    ['a number for a password', 'application/json', '{"password":12345678}', 400],
    ['a huge body', 'application/json', JSON.stringify({ password: 'x'.repeat(20_000) }), 413],
  ])('answers %s with a clear error (%s)', async (_, contentType, body, status) => {
    const response = await app.request(`${SITE}/api/login`, {
      method: 'POST',
      headers: { 'content-type': contentType, origin: SITE },
      body,
    });
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: expect.any(String) });
  });
});

describe('the session', () => {
  async function signedIn(): Promise<string> {
    return cookieFrom(await login(PASSWORD));
  }

  it('ends after 12 hours: the API asks to sign in again', async () => {
    const cookie = await signedIn();
    advance(12 * 60 * 60 * 1000 - 1);
    expect((await api('GET', '/api/jobs', { cookie })).status).toBe(200);
    advance(1);
    const expired = await api('GET', '/api/jobs', { cookie });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ error: 'Sign in required' });
    expect(await (await api('GET', '/api/session', { cookie })).json()).toEqual({ authenticated: false });
  });

  it.each([
    ['no cookie', undefined],
    ['a forged cookie', 'sd_session=1799999999999.AAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a cookie signed with another secret', `sd_session=${createSessionToken('another-secret-0123456789abcdef-xyz', T0)}`],
    ['some other cookie', 'theme=dark'],
  ])('with %s the dashboard API answers 401 JSON', async (_, cookie) => {
    for (const [method, path] of [['GET', '/api/jobs'], ['POST', '/api/jobs'], ['PATCH', '/api/jobs/K7Q2']] as const) {
      const response = await api(method, path, { cookie, origin: SITE });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ error: 'Sign in required' });
    }
  });

  it('a planted sd_session cookie in front of the real one does not hide it', async () => {
    const cookie = `sd_session=planted; ${await signedIn()}`;
    expect((await api('GET', '/api/jobs', { cookie })).status).toBe(200);
  });

  it.each([
    ['no Origin', undefined, 403],
    ['a foreign Origin', 'https://evil.example', 403],
    ['a look-alike Origin', 'https://dispatch.example.com.evil.example', 403],
    ['the site over http', 'http://dispatch.example.com', 403],
    ['Origin "null"', 'null', 403],
    ['the site’s own Origin', SITE, 201],
  ])('a signed-in POST with %s → %s', async (_, origin, status) => {
    const response = await api('POST', '/api/jobs', { cookie: await signedIn(), origin });
    expect(response.status).toBe(status);
    if (status === 403) expect(await response.json()).toEqual({ error: 'Bad origin' });
  });

  it('a signed-in GET needs no Origin (browsers omit it on same-origin GETs)', async () => {
    expect((await api('GET', '/api/jobs', { cookie: await signedIn() })).status).toBe(200);
  });

  it('locally, the page may be opened as 127.0.0.1 while PUBLIC_BASE_URL says localhost', async () => {
    app = buildApp('http://localhost:3000');
    const local = 'http://127.0.0.1:3000';
    const cookie = cookieFrom(await login(PASSWORD, { base: local }));
    const request = (origin: string) =>
      app.request(`${local}/api/jobs`, { method: 'POST', headers: { cookie, origin } });
    expect((await request(local)).status).toBe(201);
    expect((await request('http://localhost:3000')).status).toBe(201);
    expect((await request('http://127.0.0.1:4000')).status).toBe(403);
  });

  it('a non-local host is not trusted for its own Origin (DNS rebinding)', async () => {
    const cookie = cookieFrom(await login(PASSWORD));
    const rebound = 'http://rebind.evil.example:3000';
    const response = await app.request(`${rebound}/api/jobs`, { method: 'POST', headers: { cookie, origin: rebound } });
    expect(response.status).toBe(403);
  });

  it('signing out clears the cookie', async () => {
    const response = await app.request(`${SITE}/api/logout`, {
      method: 'POST',
      headers: { cookie: await signedIn(), origin: SITE },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('set-cookie')).toBe('sd_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict; Secure');
  });

  it('signing out from a foreign Origin is refused', async () => {
    const response = await app.request(`${SITE}/api/logout`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('configuration that cannot work is refused at startup', () => {
  it.each([
    ['a mangled password hash', { passwordHash: 'scrypt$oops' }, 'DASHBOARD_PASSWORD_HASH'],
    ['a short session secret', { sessionSecret: 'short' }, 'SESSION_SECRET'],
    ['a site URL that is not a URL', { allowedOrigin: 'dispatch.example.com' }, 'PUBLIC_BASE_URL'],
  ])('%s names %s', (_, override, variable) => {
    const bad = { ...options, ...override };
    expect(() => authRoutes(bad)).toThrow(ConfigError);
    expect(() => authRoutes(bad)).toThrow(new RegExp(`^${variable}: `));
  });
});
