/**
 * The client's address, as every per-client limit sees it, through both doors: the local server's socket and
 * API Gateway's HTTP API (payload v2.0, `requestContext.http.sourceIp`), with and without our CloudFront in front.
 * Spoofed X-Forwarded-For and CloudFront-Viewer-Address never choose the key.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress, hasOriginSecret, normalizeAddress, requireOriginSecret } from '../../handlers/client-address';

const SECRET = 'origin-secret-0123456789abcdef-0123456789';
const SPOOFED = { 'x-forwarded-for': '1.2.3.4', 'cloudfront-viewer-address': '5.6.7.8:443', 'x-real-ip': '9.9.9.9' };

function appWith(secret: string | null): Hono {
  const app = new Hono();
  app.use('*', requireOriginSecret(secret));
  app.get('/who', (c) => c.text(clientAddress(c, secret)));
  return app;
}

const socket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
const apiGateway = (sourceIp: string) => ({ requestContext: { http: { sourceIp, method: 'GET', path: '/who' } } });

async function who(app: Hono, headers: Record<string, string>, env: unknown): Promise<[number, string]> {
  const response = await app.request('https://dispatch.example.com/who', { headers }, env as never);
  return [response.status, await response.text()];
}

describe('the local server', () => {
  it('keys on the socket peer; X-Forwarded-For and CloudFront-Viewer-Address are ignored', async () => {
    expect(await who(appWith(null), SPOOFED, socket('198.51.100.7'))).toEqual([200, '198.51.100.7']);
    expect(await who(appWith(null), SPOOFED, socket('::ffff:198.51.100.7'))).toEqual([200, '198.51.100.7']);
  });
});

describe('Lambda without ORIGIN_SECRET', () => {
  it('keys on API Gateway\'s sourceIp, whatever the headers claim', async () => {
    expect(await who(appWith(null), SPOOFED, apiGateway('203.0.113.9'))).toEqual([200, '203.0.113.9']);
  });
});

describe('Lambda with ORIGIN_SECRET (behind our CloudFront)', () => {
  it('refuses a request that bypassed CloudFront (no or wrong X-Origin-Verify) with 403', async () => {
    expect((await who(appWith(SECRET), SPOOFED, apiGateway('203.0.113.9')))[0]).toBe(403);
    expect((await who(appWith(SECRET), { ...SPOOFED, 'x-origin-verify': `${SECRET}x` }, apiGateway('203.0.113.9')))[0]).toBe(403);
    expect((await who(appWith(SECRET), { ...SPOOFED, 'x-origin-verify': '' }, apiGateway('203.0.113.9')))[0]).toBe(403);
  });

  it('trusts CloudFront-Viewer-Address only with the secret: IPv4 and IPv6 with their port, IPv6 by /64', async () => {
    const viaCloudFront = (viewer: string) => ({ 'x-origin-verify': SECRET, 'x-forwarded-for': '1.2.3.4', 'cloudfront-viewer-address': viewer });
    expect(await who(appWith(SECRET), viaCloudFront('198.51.100.7:46532'), apiGateway('130.176.0.1'))).toEqual([200, '198.51.100.7']);
    expect(await who(appWith(SECRET), viaCloudFront('2001:db8:1:2:aaaa:bbbb:cccc:dddd:46532'), apiGateway('130.176.0.1'))).toEqual([200, '2001:db8:1:2::/64']);
  });

  it('falls back to sourceIp when CloudFront sent no viewer address', async () => {
    expect(await who(appWith(SECRET), { 'x-origin-verify': SECRET }, apiGateway('130.176.0.1'))).toEqual([200, '130.176.0.1']);
  });
});

describe('addresses as keys', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:DB8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s → %s', (raw, key) => {
    expect(normalizeAddress(raw)).toBe(key);
  });

  it('neighbours in one IPv6 /64 share a key; other /64s do not', () => {
    expect(normalizeAddress('2001:db8:1:2::1')).toBe(normalizeAddress('2001:db8:1:2:ffff::9'));
    expect(normalizeAddress('2001:db8:1:3::1')).not.toBe(normalizeAddress('2001:db8:1:2::1'));
  });

  it('is short even when the input is not', () => {
    expect(normalizeAddress('x'.repeat(8000)).length).toBeLessThanOrEqual(64);
  });

  it('a request with no runtime address is "unknown"', async () => {
    expect(await who(appWith(null), SPOOFED, undefined)).toEqual([200, 'unknown']);
  });

  it('the origin secret check is exact', () => {
    expect(hasOriginSecret(new Headers({ 'x-origin-verify': SECRET }), SECRET)).toBe(true);
    expect(hasOriginSecret(new Headers({ 'x-origin-verify': SECRET.slice(0, -1) }), SECRET)).toBe(false);
    expect(hasOriginSecret(new Headers(), SECRET)).toBe(false);
  });
});
