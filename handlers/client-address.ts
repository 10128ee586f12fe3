/**
 * Who is asking: the one function that decides a client's address for every per-client limit (login, booking,
 * tracking), and the X-Origin-Verify check that makes CloudFront's word about it trustworthy.
 *
 * Never from a header the client writes. X-Forwarded-For's first hop and a CloudFront-Viewer-Address sent straight
 * to API Gateway are whatever the client typed; rotating them once let one machine send 120 booking texts.
 *  - Locally (@hono/node-server): the TCP peer, `c.env.incoming.socket.remoteAddress`.
 *  - In Lambda (API Gateway HTTP API, payload v2.0): `requestContext.http.sourceIp`, the peer API Gateway saw. Behind
 *    CloudFront that peer is a CloudFront edge server, shared by every viewer of that edge, so:
 *  - when ORIGIN_SECRET is set and the request carries it in X-Origin-Verify (an origin custom header only our
 *    distribution adds; template.yaml), CloudFront-Viewer-Address ("ip:port", IPv6 too), which CloudFront writes
 *    itself and never takes from the viewer. Without the secret the app refuses the request (requireOriginSecret),
 *    so nobody can go around CloudFront to choose their own address.
 * Header shapes follow AWS's "Adding CloudFront request headers" (CloudFront-Viewer-Address) and "Adding custom
 * headers to origin requests" documents, and API Gateway's HTTP API payload format 2.0.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

/**
 * The client's address as a rate-limit key. IPv6 addresses are grouped by /64 (what one household or server holds),
 * IPv4-mapped IPv6 is read as IPv4, and the key is at most 64 characters. 'unknown' when the runtime gives none
 * (a test calling app.request without an env).
 * @example clientAddress(c, null) // '198.51.100.7' — the socket's peer, whatever X-Forwarded-For says
 */
export function clientAddress(c: Context, originSecret: string | null): string {
  const env = c.env as {
    incoming?: { socket?: { remoteAddress?: unknown } };
    requestContext?: { http?: { sourceIp?: unknown } };
  } | null | undefined;
  const socket = env?.incoming?.socket?.remoteAddress;
  if (typeof socket === 'string') return normalizeAddress(socket);
  const sourceIp = env?.requestContext?.http?.sourceIp;
  if (typeof sourceIp === 'string') {
    if (originSecret !== null && hasOriginSecret(c.req.raw.headers, originSecret)) {
      const viewer = viewerAddress(c.req.header('cloudfront-viewer-address'));
      if (viewer !== null) return viewer;
    }
    return normalizeAddress(sourceIp);
  }
  return 'unknown';
}

/**
 * Refuses (403) every request without `X-Origin-Verify: <secret>` when a secret is configured; with none it lets
 * everything through (local mode). The comparison takes the same time whatever the guess.
 * @example app.use('*', requireOriginSecret(config.originSecret))
 */
export function requireOriginSecret(secret: string | null): MiddlewareHandler {
  return async (c, next) => {
    if (secret !== null && !hasOriginSecret(c.req.raw.headers, secret)) {
      return c.json({ error: 'Forbidden: use the site address, not the API address.' }, 403, { 'Cache-Control': 'no-store' });
    }
    await next();
  };
}

/**
 * True when `headers` carry X-Origin-Verify equal to `secret`. Both sides are hashed first so the constant-time
 * compare also hides the secret's length.
 * @example hasOriginSecret(new Headers({ 'x-origin-verify': secret }), secret) // true
 */
export function hasOriginSecret(headers: Headers, secret: string): boolean {
  const given = headers.get(ORIGIN_VERIFY_HEADER);
  if (given === null) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(secret));
}

/** "198.51.100.7:46532" or "2001:db8::1:46532" (CloudFront writes IPv6 unbracketed) → the address, normalised. */
function viewerAddress(header: string | undefined): string | null {
  const value = header?.trim();
  if (!value) return null;
  const withoutPort = value.replace(/:\d{1,5}$/, '');
  return withoutPort ? normalizeAddress(withoutPort) : null;
}

/**
 * An address as a rate-limit key.
 * @example normalizeAddress('::ffff:203.0.113.9') // '203.0.113.9'
 * @example normalizeAddress('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 */
export function normalizeAddress(raw: string): string {
  // Bounded length: keys are stored.
  let address = raw.trim().toLowerCase().slice(0, 64).replace(/^\[|\]$/g, '');
  address = address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
  if (!address.includes(':')) return address;
  return ipv6Prefix64(address) ?? address;
}

/**
 * True for this machine's loopback addresses (the /dev simulator answers only them).
 * @example isLoopbackAddress('::ffff:127.0.0.1') // true
 */
export function isLoopbackAddress(address: string): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

/** `2001:db8:1:2:aaaa::1` → `2001:db8:1:2::/64`; null when the text is not an IPv6 address. */
function ipv6Prefix64(address: string): string | null {
  if (!/^[0-9a-f:.]+$/.test(address)) return null;
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const groups = halves.length === 2 ? [...head, ...Array<string>(Math.max(0, 8 - head.length - tail.length)).fill('0'), ...tail] : head;
  const prefix = groups.slice(0, 4);
  if (prefix.length < 4 || prefix.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  return `${prefix.map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}
