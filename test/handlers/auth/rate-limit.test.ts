import { describe, expect, it } from 'vitest';
import { createFailureLimiter } from '../../../handlers/auth/rate-limit';

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

describe('refunds', () => {
  it('a request that failed on our side gives its place back; other events stay counted', () => {
    const limiter = createFailureLimiter({ max: 2, windowMs: 60_000 });
    limiter.recordFailure(IP, at(0));
    limiter.recordFailure(IP, at(1));
    expect(limiter.isBlocked(IP, at(2))).toBe(true);
    limiter.refund(IP, at(1));
    expect(limiter.isBlocked(IP, at(2))).toBe(false);
    limiter.refund(IP, at(1)); // nothing left to refund at that instant
    limiter.recordFailure(IP, at(3));
    expect(limiter.isBlocked(IP, at(4))).toBe(true);
  });
});
