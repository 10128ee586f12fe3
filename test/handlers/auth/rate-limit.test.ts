import { describe, expect, it } from 'vitest';
import { clientKeyOf, createFailureLimiter } from '../../../handlers/auth/rate-limit';

const T0 = new Date('2025-06-02T08:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const IP = '198.51.100.7';

describe('failed-login limiter', () => {
  it('blocks a client after 5 failures in a minute and says how long to wait', () => {
    const limiter = createFailureLimiter({ max: 5, windowMs: 60_000 });
    for (let i = 0; i < 4; i++) limiter.recordFailure(IP, at(i * 10));
    expect(limiter.isBlocked(IP, at(40))).toBe(false);
    expect(limiter.retryAfterSeconds(IP, at(40))).toBe(0);
    limiter.recordFailure(IP, at(40));
    expect(limiter.isBlocked(IP, at(40))).toBe(true);
    // The first failure (t=0) leaves the window at t=60.
    expect(limiter.retryAfterSeconds(IP, at(40))).toBe(20);
    expect(limiter.retryAfterSeconds(IP, at(59.5))).toBe(1);
    expect(limiter.isBlocked(IP, at(60))).toBe(false);
  });

  it('slides: once unblocked, one more failure blocks again until the next oldest leaves', () => {
    const limiter = createFailureLimiter({ max: 5, windowMs: 60_000 });
    for (let i = 0; i < 5; i++) limiter.recordFailure(IP, at(i * 10));
    limiter.recordFailure(IP, at(61));
    expect(limiter.isBlocked(IP, at(61))).toBe(true);
    expect(limiter.retryAfterSeconds(IP, at(61))).toBe(9); // the t=10 failure leaves at t=70
    expect(limiter.isBlocked(IP, at(70))).toBe(false);
  });

  it('counts each client separately, and a reset forgives one client', () => {
    const limiter = createFailureLimiter({ max: 5, windowMs: 60_000 });
    for (let i = 0; i < 5; i++) limiter.recordFailure(IP, T0);
    expect(limiter.isBlocked('203.0.113.9', T0)).toBe(false);
    limiter.reset(IP);
    expect(limiter.isBlocked(IP, T0)).toBe(false);
  });

  it('stays bounded: beyond maxKeys the longest-quiet client is forgotten first', () => {
    const limiter = createFailureLimiter({ max: 1, windowMs: 60_000, maxKeys: 3 });
    for (const [i, key] of ['a', 'b', 'c'].entries()) limiter.recordFailure(key, at(i));
    limiter.recordFailure('a', at(3)); // 'a' failed most recently now; 'b' is the quietest
    limiter.recordFailure('d', at(4));
    expect(['a', 'b', 'c', 'd'].map((key) => limiter.isBlocked(key, at(5)))).toEqual([true, false, true, true]);
  });
});

describe('client key', () => {
  it.each([
    ['CloudFront-Viewer-Address (IPv4:port)', { 'cloudfront-viewer-address': '198.51.100.7:46532', 'x-forwarded-for': '1.1.1.1' }, null, '198.51.100.7'],
    ['CloudFront-Viewer-Address (IPv6:port) by /64', { 'cloudfront-viewer-address': '2001:db8:1:2:aaaa:bbbb:cccc:dddd:46532' }, null, '2001:db8:1:2::/64'],
    ['X-Forwarded-For first hop', { 'x-forwarded-for': ' 198.51.100.7 , 10.0.0.1' }, '10.0.0.2', '198.51.100.7'],
    ['X-Forwarded-For compressed IPv6 by /64', { 'x-forwarded-for': '2001:DB8::1' }, null, '2001:db8:0:0::/64'],
    ['remote address', {}, '203.0.113.9', '203.0.113.9'],
    ['IPv4-mapped remote address', {}, '::ffff:203.0.113.9', '203.0.113.9'],
    ['loopback IPv6', {}, '::1', '0:0:0:0::/64'],
    ['nothing known', {}, null, 'unknown'],
  ])('comes from %s', (_, headers, remote, key) => {
    expect(clientKeyOf(new Headers(headers), remote)).toBe(key);
  });

  it('neighbours in one IPv6 /64 share a key; other /64s do not', () => {
    const key = (ip: string) => clientKeyOf(new Headers({ 'x-forwarded-for': ip }), null);
    expect(key('2001:db8:1:2::1')).toBe(key('2001:db8:1:2:ffff::9'));
    expect(key('2001:db8:1:3::1')).not.toBe(key('2001:db8:1:2::1'));
  });

  it('is short even when the header is not', () => {
    expect(clientKeyOf(new Headers({ 'x-forwarded-for': 'x'.repeat(8000) }), null).length).toBeLessThanOrEqual(64);
  });
});
