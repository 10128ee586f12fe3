/**
 * DNS rebinding guard for `npm start`. A web page on evil.example can point its own name at 127.0.0.1 and then
 * read whatever the local server answers for that name, with the browser's blessing (same origin). The /dev
 * simulator (every conversation, and crew commands) and the dashboard must therefore answer only requests whose
 * Host is this machine or the configured public site — a rebound page sends Host: evil.example.
 */
import type { MiddlewareHandler } from 'hono';
import { API_HEADERS } from './security-headers';

/** Paths that show or change private data: the /dev simulator and the dashboard (page and API). */
const GUARDED = /^\/(dev(\.html|\.js|\/|$)|dashboard(\.html|\.js|\/|$)|api\/(jobs|crew|login|logout|session))/;

/**
 * Refuses (421 Misdirected Request) a guarded path whose Host is not localhost, 127.0.0.1, [::1] (any port) or
 * PUBLIC_BASE_URL's host.
 * @example app.use('*', requireKnownHost('http://localhost:3000'))
 */
export function requireKnownHost(publicBaseUrl: string): MiddlewareHandler {
  const publicHost = new URL(publicBaseUrl).host.toLowerCase();
  return async (c, next) => {
    if (GUARDED.test(c.req.path) && !isKnownHost(c.req.header('host') ?? new URL(c.req.url).host, publicHost)) {
      return c.json({ error: 'Unknown Host: open this server at http://localhost or its PUBLIC_BASE_URL.' }, 421, API_HEADERS);
    }
    await next();
  };
}

/**
 * True for this machine's names (any port) and the public site's host.
 * @example isKnownHost('localhost:3000', 'dispatch.example.com') // true
 */
export function isKnownHost(host: string, publicHost: string): boolean {
  const value = host.trim().toLowerCase();
  if (value === publicHost) return true;
  const hostname = value.startsWith('[') ? value.slice(0, value.indexOf(']') + 1) : value.replace(/:\d+$/, '');
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/**
 * True when the local server's HOST keeps it to this machine.
 * @example isLoopbackHost('127.0.0.1') // true
 */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
