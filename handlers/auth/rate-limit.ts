/**
 * Failed-login limiter: at most `max` failures per client key in any `windowMs`, then 429 until the oldest of them
 * leaves the window.
 *
 * Honest scope: the counts live in this process's memory. In Lambda every warm container has its own memory, so the
 * limit is per container (N concurrent containers allow about N × max guesses a minute), and a cold start forgets
 * it. Client keys also come from headers a client can partly choose (see `clientKeyOf`). Together with scrypt's cost
 * per guess that is enough against casual guessing, not against a determined attacker. The stronger option is an
 * AWS WAF rate-based rule on /api/login in front of CloudFront, which counts across all containers by real source IP.
 */

export interface FailureLimiter {
  /** True when `key` has used up its failures in the window ending at `now`. */
  isBlocked(key: string, now: Date): boolean;
  /** Whole seconds until `key` may try again (at least 1 while blocked), or 0 when it is not blocked. */
  retryAfterSeconds(key: string, now: Date): number;
  recordFailure(key: string, now: Date): void;
  /** Forgets `key`'s failures (after a successful login). */
  reset(key: string): void;
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
  };
}

/**
 * The rate-limit key for a request: the viewer address CloudFront adds (CloudFront-Viewer-Address, "ip:port"), else
 * the first X-Forwarded-For hop, else the socket's remote address. IPv6 addresses are grouped by /64, the block one
 * household or server usually holds. The first X-Forwarded-For hop is whatever the client claims when no trusted
 * proxy overwrites it — one reason this limiter is only a speed bump (see the file comment).
 * @example clientKeyOf(new Headers({ 'x-forwarded-for': '198.51.100.7, 10.0.0.1' }), null) // '198.51.100.7'
 */
export function clientKeyOf(headers: Headers, remoteAddress: string | null): string {
  const viewer = headers.get('cloudfront-viewer-address')?.trim();
  if (viewer) return normalizeAddress(viewer.replace(/:\d+$/, ''));
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded) return normalizeAddress(forwarded);
  if (remoteAddress) return normalizeAddress(remoteAddress);
  return 'unknown';
}

function normalizeAddress(raw: string): string {
  // Bounded length: keys are stored, and a header can be kilobytes long.
  let address = raw.trim().toLowerCase().slice(0, 64).replace(/^\[|\]$/g, '');
  address = address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
  if (!address.includes(':')) return address;
  return ipv6Prefix64(address) ?? address;
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

/** The peer address the runtime knows: @hono/node-server's socket, or API Gateway HTTP API's `sourceIp`. */
export function remoteAddressOf(env: unknown): string | null {
  const bindings = env as {
    incoming?: { socket?: { remoteAddress?: unknown } };
    requestContext?: { http?: { sourceIp?: unknown } };
  } | null;
  const address = bindings?.incoming?.socket?.remoteAddress ?? bindings?.requestContext?.http?.sourceIp;
  return typeof address === 'string' ? address : null;
}
