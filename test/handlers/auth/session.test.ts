import { describe, expect, it } from 'vitest';
import {
  clearSessionCookie,
  createSessionToken,
  isSecureCookieUrl,
  SESSION_TTL_MS,
  sessionCookie,
  verifySessionToken,
} from '../../../handlers/auth/session';

const SECRET = 'test-session-secret-0123456789abcdef';
const SIGNED_IN_AT = new Date('2025-06-02T08:00:00Z');
const at = (ms: number) => new Date(SIGNED_IN_AT.getTime() + ms);

describe('session token', () => {
  it('works for 12 hours and stops at exactly 12 hours', () => {
    const token = createSessionToken(SECRET, SIGNED_IN_AT);
    expect(SESSION_TTL_MS).toBe(12 * 60 * 60 * 1000);
    expect(verifySessionToken(SECRET, token, SIGNED_IN_AT)).toBe(true);
    expect(verifySessionToken(SECRET, token, at(SESSION_TTL_MS - 1))).toBe(true);
    expect(verifySessionToken(SECRET, token, at(SESSION_TTL_MS))).toBe(false);
    expect(verifySessionToken(SECRET, token, at(SESSION_TTL_MS + 1))).toBe(false);
  });

  it('names its expiry and is different for every sign-in', () => {
    const token = createSessionToken(SECRET, SIGNED_IN_AT);
    expect(token.split('.')[0]).toBe(String(SIGNED_IN_AT.getTime() + SESSION_TTL_MS));
    expect(createSessionToken(SECRET, SIGNED_IN_AT)).not.toBe(token);
  });

  it('honours a custom lifetime', () => {
    const token = createSessionToken(SECRET, SIGNED_IN_AT, 60_000);
    expect(verifySessionToken(SECRET, token, at(59_999))).toBe(true);
    expect(verifySessionToken(SECRET, token, at(60_000))).toBe(false);
  });

  const flip = (text: string, index: number) =>
    text.slice(0, index) + (text[index] === 'A' ? 'B' : 'A') + text.slice(index + 1);

  it.each([
    ['a changed signature', (t: string) => flip(t, t.length - 5)],
    ['a changed id', (t: string) => flip(t, t.indexOf('.') + 3)],
    ['an expiry pushed a year later', (t: string) => t.replace(/^\d+/, (e) => String(Number(e) + 365 * 86_400_000))],
    ['the signature removed', (t: string) => t.slice(0, t.lastIndexOf('.'))],
    ['an extra part', (t: string) => `${t}.x`],
    ['surrounding spaces', (t: string) => ` ${t} `],
  ])('rejects a token with %s', (_, tamper) => {
    const token = createSessionToken(SECRET, SIGNED_IN_AT);
    const tampered = tamper(token);
    expect(tampered).not.toBe(token);
    expect(verifySessionToken(SECRET, tampered, SIGNED_IN_AT)).toBe(false);
  });

  it.each([[''], ['garbage'], ['1.2.3'], [null], [undefined], ['..'], ['9'.repeat(400)]])(
    'rejects garbled input %j without throwing',
    (token) => {
      expect(verifySessionToken(SECRET, token, SIGNED_IN_AT)).toBe(false);
    },
  );

  it('rejects a token signed with another secret (a rotated SESSION_SECRET signs everyone out)', () => {
    const token = createSessionToken(SECRET, SIGNED_IN_AT);
    expect(verifySessionToken(`${SECRET}-rotated`, token, SIGNED_IN_AT)).toBe(false);
  });
});

describe('session cookie', () => {
  const attributes = (setCookie: string) => setCookie.split('; ');

  it('is HttpOnly, SameSite=Strict, site-wide, expires with the token and is Secure over https', () => {
    const cookie = sessionCookie('TOKEN', { secure: true, maxAgeSeconds: 43_200 });
    expect(attributes(cookie)).toEqual(['sd_session=TOKEN', 'Max-Age=43200', 'Path=/', 'HttpOnly', 'SameSite=Strict', 'Secure']);
  });

  it('leaves out Secure for plain-http localhost, where the browser would drop it', () => {
    const cookie = sessionCookie('TOKEN', { secure: false, maxAgeSeconds: 43_200 });
    expect(attributes(cookie)).toContain('HttpOnly');
    expect(attributes(cookie)).toContain('SameSite=Strict');
    expect(attributes(cookie)).not.toContain('Secure');
  });

  it('is cleared with an empty value that expires at once', () => {
    expect(attributes(clearSessionCookie({ secure: true }))).toEqual([
      'sd_session=',
      'Max-Age=0',
      'Path=/',
      'HttpOnly',
      'SameSite=Strict',
      'Secure',
    ]);
  });

  it.each([
    ['http://localhost:3000/api/login', false],
    ['http://127.0.0.1:3000/api/login', false],
    ['http://[::1]:3000/api/login', false],
    ['https://dispatch.example.com/api/login', true],
    ['http://dispatch.example.com/api/login', true],
    ['http://localhost.evil.example/api/login', true],
    ['http://192.168.1.20:3000/api/login', true],
  ])('a login at %s sets Secure: %s', (url, secure) => {
    expect(isSecureCookieUrl(url)).toBe(secure);
  });
});
