import { describe, expect, it } from 'vitest';
import { isQuietTime, quietHoursRelease } from '../../domain/quiet-hours';

describe('quiet hours (21:00–08:00 business time)', () => {
  it.each([
    // America/Chicago is UTC-5 in June.
    ['2026-06-04T20:59:00-05:00', false],
    ['2026-06-04T21:00:00-05:00', true],
    ['2026-06-05T03:00:00-05:00', true],
    ['2026-06-05T07:59:00-05:00', true],
    ['2026-06-05T08:00:00-05:00', false],
  ])('%s is quiet: %s', (at, quiet) => {
    expect(isQuietTime(new Date(at), 'America/Chicago')).toBe(quiet);
  });

  it('holds a late-evening text until 08:00 the next morning', () => {
    expect(quietHoursRelease(new Date('2026-06-04T22:30:00-05:00'), 'America/Chicago').toISOString()).toBe('2026-06-05T13:00:00.000Z');
  });

  it('holds an early-morning text until 08:00 the same morning', () => {
    expect(quietHoursRelease(new Date('2026-06-05T05:10:00-05:00'), 'America/Chicago').toISOString()).toBe('2026-06-05T13:00:00.000Z');
  });

  it('lets a daytime text go at once', () => {
    const now = new Date('2026-06-05T10:00:00-05:00');
    expect(quietHoursRelease(now, 'America/Chicago')).toBe(now);
  });

  it('releases at 08:00 local on the morning clocks fall back (America/Chicago, 2026-11-01)', () => {
    // 23:00 CDT on Oct 31; 08:00 on Nov 1 is CST (UTC-6).
    expect(quietHoursRelease(new Date('2026-10-31T23:00:00-05:00'), 'America/Chicago').toISOString()).toBe('2026-11-01T14:00:00.000Z');
  });

  it('uses the business zone, not the machine zone (Pacific/Apia is UTC+13)', () => {
    expect(quietHoursRelease(new Date('2026-06-04T22:30:00+13:00'), 'Pacific/Apia').toISOString()).toBe('2026-06-04T19:00:00.000Z');
  });
});
