import { Hono } from 'hono';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../domain/errors';
import { hashPassword } from '../../../handlers/auth/password';
import { authStateStore, backoffMs } from '../../../handlers/auth/auth-state';
import { createFailureLimiter } from '../../../handlers/auth/rate-limit';
import { authRoutes, requireSession, type AuthOptions } from '../../../handlers/auth/routes';
import { createSessionToken } from '../../../handlers/auth/session';
import { memoryStore } from '../../support/memory-store';

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
function buildApp(allowedOrigin = SITE, store = memoryStore(), hash = passwordHash): Hono {
  options = {
    passwordHash: hash,
    sessionSecret: SECRET,
    clock: () => now,
    limiter: createFailureLimiter({ max: 5, windowMs: 60_000 }),
    authState: authStateStore(store),
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
  // The peer as @hono/node-server reports it (the socket); the default client is one fixed address.
  const env = { incoming: { socket: { remoteAddress: init.ip ?? '198.51.100.1' } } };
  return app.request(`${init.base ?? SITE}/api/login`, { method: 'POST', headers, body: JSON.stringify({ password }) }, env);
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

describe('guessing from many addresses', () => {
  // The attack from issue #9: 300 guesses at about 764 a minute (one every 78 ms). Before, rotating
  // X-Forwarded-For let all 300 be checked.
  async function guesses(count: number, init: (i: number) => { ip?: string; headers?: Record<string, string> }): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) {
      const { ip, headers } = init(i);
      const env = { incoming: { socket: { remoteAddress: ip ?? '198.51.100.1' } } };
      const response = await app.request(
        `${SITE}/api/login`,
        { method: 'POST', headers: { 'content-type': 'application/json', origin: SITE, ...headers }, body: JSON.stringify({ password: `guess-${i}` }) },
        env,
      );
      statuses.push(response.status);
      advance(78);
    }
    return statuses;
  }

  it('a rotating X-Forwarded-For from one machine gains nothing: 5 of 300 guesses are checked', async () => {
    const statuses = await guesses(300, (i) => ({ headers: { 'x-forwarded-for': `10.${i >> 8}.${i & 255}.1` } }));
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(295);
  });

  it('300 real addresses get 14 guesses checked: after 10 failures the account waits 1 s, 2 s, 4 s, 8 s…', async () => {
    const statuses = await guesses(300, (i) => ({ ip: `203.0.${i >> 8}.${i & 255}` }));
    expect(statuses.filter((status) => status === 401)).toHaveLength(14);
    expect(statuses.filter((status) => status === 429)).toHaveLength(286);
  });

  it('the account backoff says how long to wait, grows to at most 15 minutes, and a right password resets it', async () => {
    for (let i = 0; i < 10; i++) expect((await login(`guess-${i}`, { ip: `203.0.113.${i}` })).status).toBe(401);
    const blocked = await login(PASSWORD, { ip: '203.0.113.200' });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('1');
    expect(await blocked.json()).toEqual({ error: 'Too many wrong passwords for this account. Try again in 1 seconds.' });
    expect([backoffMs(9), backoffMs(10), backoffMs(13), backoffMs(40)]).toEqual([0, 1000, 8000, 15 * 60_000]);
    advance(1000);
    expect((await login(PASSWORD, { ip: '203.0.113.200' })).status).toBe(200);
    // Forgiven: the next wrong guess is checked at once.
    expect((await login('guess-x', { ip: '203.0.113.201' })).status).toBe(401);
  });
});

describe('signing out revokes the session on the server', () => {
  const signIn = async () => cookieFrom(await login(PASSWORD));
  const logout = (path: string, cookie: string) => app.request(`${SITE}${path}`, { method: 'POST', headers: { cookie, origin: SITE } });

  it('a copy of the cookie stops working after logout (it used to stay valid for 12 h)', async () => {
    const cookie = await signIn();
    const other = await signIn();
    expect((await logout('/api/logout', cookie)).status).toBe(200);
    expect((await api('GET', '/api/jobs', { cookie })).status).toBe(401);
    expect(await (await api('GET', '/api/session', { cookie })).json()).toEqual({ authenticated: false });
    // Only that session: another browser stays signed in.
    expect((await api('GET', '/api/jobs', { cookie: other })).status).toBe(200);
  });

  it('"sign out everywhere" ends every session; signing in again works', async () => {
    const [a, b] = [await signIn(), await signIn()];
    advance(1);
    const response = await logout('/api/logout-everywhere', a);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^sd_session=; Max-Age=0/);
    expect((await api('GET', '/api/jobs', { cookie: a })).status).toBe(401);
    expect((await api('GET', '/api/jobs', { cookie: b })).status).toBe(401);
    advance(1);
    expect((await api('GET', '/api/jobs', { cookie: await signIn() })).status).toBe(200);
  });

  it('"sign out everywhere" needs a session and the site\'s Origin', async () => {
    expect((await app.request(`${SITE}/api/logout-everywhere`, { method: 'POST', headers: { origin: SITE } })).status).toBe(401);
    const cookie = await signIn();
    expect((await app.request(`${SITE}/api/logout-everywhere`, { method: 'POST', headers: { cookie, origin: 'https://evil.example' } })).status).toBe(403);
    expect((await api('GET', '/api/jobs', { cookie })).status).toBe(200);
  });

  it('is seen by another server sharing the store (another Lambda container)', async () => {
    const store = memoryStore();
    app = buildApp(SITE, store);
    const cookie = await signIn();
    const first = app;
    const second = buildApp(SITE, store);
    app = first;
    expect((await logout('/api/logout', cookie)).status).toBe(200);
    expect((await second.request(`${SITE}/api/jobs`, { headers: { cookie } })).status).toBe(401);
  });

  it('a new DASHBOARD_PASSWORD_HASH ends every session made under the old password', async () => {
    const store = memoryStore();
    app = buildApp(SITE, store);
    const cookie = await signIn();
    app = buildApp(SITE, store, await hashPassword('a-brand-new-password'));
    expect((await api('GET', '/api/jobs', { cookie })).status).toBe(401);
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
