/**
 * A sliding-window event counter per key (failed logins, booking requests, tracking lookups): at most `max` events
 * per key in any `windowMs`, then 429 until the oldest of them leaves the window. Keys are client addresses from
 * handlers/client-address.ts, which never reads a header the client writes.
 *
 * Honest scope: the counts live in this process's memory. In Lambda every warm container has its own memory, so the
 * limit is per container (N concurrent containers allow about N × max), and a cold start forgets it. What must hold
 * across containers is counted in the store instead: the account-wide login backoff (handlers/auth/auth-state.ts),
 * bookings per phone and booking texts per hour (in jobs.json). The optional WAF rate-based rule in template.yaml
 * counts /api/book and /api/login across everything, by the viewer's real address.
 */

export interface FailureLimiter {
  /** True when `key` has used up its failures in the window ending at `now`. */
  isBlocked(key: string, now: Date): boolean;
  /** Whole seconds until `key` may try again (at least 1 while blocked), or 0 when it is not blocked. */
  retryAfterSeconds(key: string, now: Date): number;
  recordFailure(key: string, now: Date): void;
  /** Forgets `key`'s failures (after a successful login). */
  reset(key: string): void;
  /** Takes back the event recorded for `key` at `at` (a request that failed on our side uses up no quota). */
  refund(key: string, at: Date): void;
}

/** Code constants, not user input: `max` ≥ 1 failures per `windowMs` > 0 milliseconds. */
export interface FailureLimiterOptions {
  readonly max: number;
  readonly windowMs: number;
  /** Keys remembered at most; beyond it the longest-quiet keys are forgotten first. */
  readonly maxKeys?: number;
}

/**
 * An in-memory sliding-window failure counter, bounded in size: each key keeps at most `max` timestamps and at most
 * `maxKeys` (default 10 000) keys are kept, so a flood of distinct keys cannot grow memory without limit.
 * @example const limiter = createFailureLimiter({ max: 5, windowMs: 60_000 }); limiter.isBlocked('198.51.100.7', now)
 */
export function createFailureLimiter(options: FailureLimiterOptions): FailureLimiter {
  const { max, windowMs } = options;
  const maxKeys = options.maxKeys ?? 10_000;

  // Failure times per key, oldest first. Map order is "least recently failed first", which is the eviction order.
  const failures = new Map<string, number[]>();

  const recent = (key: string, nowMs: number): number[] => {
    const times = failures.get(key);
    if (times === undefined) return [];
    const kept = times.filter((t) => t > nowMs - windowMs);
    if (kept.length === 0) failures.delete(key);
    else if (kept.length !== times.length) failures.set(key, kept);
    return kept;
  };

  const retryAfterMs = (key: string, nowMs: number): number => {
    const times = recent(key, nowMs);
    if (times.length < max) return 0;
    // Blocked until the failure that filled the window (the max-th most recent) falls out of it.
    return times[times.length - max]! + windowMs - nowMs;
  };

  return {
    isBlocked: (key, now) => retryAfterMs(key, now.getTime()) > 0,
    retryAfterSeconds: (key, now) => Math.ceil(retryAfterMs(key, now.getTime()) / 1000),
    recordFailure(key, now) {
      const nowMs = now.getTime();
      const times = [...recent(key, nowMs), nowMs].slice(-max);
      failures.delete(key);
      failures.set(key, times);
      for (const oldest of failures.keys()) {
        if (failures.size <= maxKeys) break;
        failures.delete(oldest);
      }
    },
    reset(key) {
      failures.delete(key);
    },
    refund(key, at) {
      const times = failures.get(key);
      const index = times?.lastIndexOf(at.getTime()) ?? -1;
      if (times === undefined || index === -1) return;
      times.splice(index, 1);
      if (times.length === 0) failures.delete(key);
    },
  };
}
