/**
 * The dispatcher's session: a signed, expiring token in an HttpOnly cookie,
 * `<expiresAtMs>.<random id>.<HMAC-SHA256 base64url>`. The signature and expiry are checked here with no I/O;
 * whether the session was signed out (its id revoked, or everyone signed out after it was issued) is checked against
 * auth.json (handlers/auth/auth-state.ts). Rotating SESSION_SECRET or DASHBOARD_PASSWORD_HASH also signs everyone
 * out: the signing key includes a fingerprint of the hash (`sessionSigningKey`).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'sd_session';
/** 12 hours: one working day, then sign in again. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/**
 * A new session token that expires `ttlMs` after `now`.
 * @example createSessionToken(secret, new Date('2025-06-02T08:00:00Z')) // '1748894400000.x3Fq….Lk0…'
 */
export function createSessionToken(secret: string, now: Date, ttlMs: number = SESSION_TTL_MS): string {
  const expiresAtMs = now.getTime() + ttlMs;
  const payload = `${expiresAtMs}.${randomBytes(18).toString('base64url')}`;
  return `${payload}.${sign(secret, payload).toString('base64url')}`;
}

/**
 * True when `token` was signed with `secret` and has not expired at `now` (it stops working at its expiry instant).
 * Garbled, tampered and expired tokens are false; the signature is compared in constant time.
 * @example verifySessionToken(secret, token, new Date('2025-06-02T19:59:59Z')) // true
 */
export function verifySessionToken(secret: string, token: string | null | undefined, now: Date): boolean {
  return sessionOf(secret, token, now) !== null;
}

/**
 * The session a valid token stands for (its id and expiry, and its issue time given the TTL it was made with), or
 * null for a garbled, tampered or expired token.
 * @example sessionOf(secret, token, now) // { id: 'x3Fq…', issuedAt: 1748851200000, expiresAt: 1748894400000 }
 */
export function sessionOf(
  secret: string,
  token: string | null | undefined,
  now: Date,
  ttlMs: number = SESSION_TTL_MS,
): { id: string; issuedAt: number; expiresAt: number } | null {
  if (typeof token !== 'string') return null;
  const match = TOKEN_PATTERN.exec(token);
  if (match === null) return null;
  const [, expiresAt, id, signature] = match;
  const given = Buffer.from(signature!, 'base64url');
  const expected = sign(secret, `${expiresAt}.${id}`);
  // Check the signature before the clock, so a forged far-future expiry is never even read as a number.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expiresAtMs = Number(expiresAt);
  if (now.getTime() >= expiresAtMs) return null;
  return { id: id!, issuedAt: expiresAtMs - ttlMs, expiresAt: expiresAtMs };
}

/**
 * The key sessions are signed with: SESSION_SECRET bound to the password hash, so a new DASHBOARD_PASSWORD_HASH
 * ends every session made under the old password, in every container, with nothing stored.
 * @example sessionSigningKey(secret, 'scrypt$N=…') // 'test-secret…#3b1f…'
 */
export function sessionSigningKey(secret: string, passwordHash: string): string {
  return `${secret}#${createHmac('sha256', 'sd_password_fingerprint').update(passwordHash).digest('hex').slice(0, 32)}`;
}

/**
 * The Set-Cookie value that stores a session. `secure` is false only for plain-http localhost (see
 * `isSecureCookieUrl`), where browsers would drop a Secure cookie set over http.
 * @example sessionCookie(token, { secure: true, maxAgeSeconds: 43200 })
 * // 'sd_session=…; Max-Age=43200; Path=/; HttpOnly; SameSite=Strict; Secure'
 */
export function sessionCookie(token: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  return cookie(token, Math.max(0, Math.floor(options.maxAgeSeconds)), options.secure);
}

/**
 * The Set-Cookie value that removes the session cookie (same attributes, so the browser matches and drops it).
 * @example clearSessionCookie({ secure: false }) // 'sd_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict'
 */
export function clearSessionCookie(options: { secure: boolean }): string {
  return cookie('', 0, options.secure);
}

/**
 * Whether the session cookie for a request to `requestUrl` should carry Secure: always, except on the loopback
 * host (localhost, 127.0.0.1, ::1) where `npm start` serves plain http.
 * @example isSecureCookieUrl('http://localhost:3000/api/login') // false
 */
export function isSecureCookieUrl(requestUrl: string): boolean {
  return !isLoopbackUrl(requestUrl);
}

/**
 * True for URLs on this machine's loopback interface, whose own origin the local server may trust.
 * @example isLoopbackUrl('http://127.0.0.1:3000/') // true
 */
export function isLoopbackUrl(url: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(url).hostname;
  } catch {
    return false;
  }
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/**
 * A fresh random SESSION_SECRET for a local run without one (sessions then end when the server restarts).
 * @example generateSessionSecret() // 64 hex digits
 */
export function generateSessionSecret(): string {
  return randomBytes(32).toString('hex');
}

// Only the characters createSessionToken emits; anything else is rejected before any crypto runs.
const TOKEN_PATTERN = /^(\d{1,15})\.([A-Za-z0-9_-]{24})\.([A-Za-z0-9_-]{43})$/;

function sign(secret: string, payload: string): Buffer {
  // The prefix keeps these MACs distinct from anything else that might ever be signed with SESSION_SECRET.
  return createHmac('sha256', secret).update(`sd_session.v1.${payload}`).digest();
}

function cookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [`${SESSION_COOKIE}=${value}`, `Max-Age=${maxAgeSeconds}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}
