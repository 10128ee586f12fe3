/**
 * What sign-in must remember across Lambda containers, in its own small object `auth.json` (not in jobs.json, so
 * sign-ins never contend with the business's writes):
 *  - revoked sessions: the id of each session signed out (until it would have expired anyway), and `revokedBefore`,
 *    the instant of the last "sign out everywhere" (every session issued at or before it is dead);
 *  - account-wide failed logins, for a backoff that holds whatever address the guesses come from.
 * Every change is a compare-and-swap write (If-Match), re-run on conflict, like jobs.json.
 *
 * Checking a session costs no store read most of the time: the state is cached for CACHE_TTL_MS. A revocation made
 * in this process applies at once; one made in another Lambda container applies here within CACHE_TTL_MS (5 s).
 */
import * as z from 'zod';
import { ConflictError } from '../../domain/errors';
import type { ObjectStore } from '../../domain/ports';

export const AUTH_KEY = 'auth.json';
/** How long a read of auth.json is trusted: the longest a revocation takes to reach other containers. */
export const CACHE_TTL_MS = 5_000;
/** Failed logins on the account (from anywhere) before each further one has to wait. */
export const FREE_FAILURES = 10;
/** The longest wait between guesses once the backoff is at its height. */
export const MAX_BACKOFF_MS = 15 * 60_000;
/** A day without a failed login forgets the count. */
const FAILURES_FORGOTTEN_AFTER_MS = 24 * 3600_000;
/** Revoked ids kept at most; past it the oldest go and every session issued before now is revoked instead. */
const MAX_REVOKED = 200;

const AuthStateSchema = z.object({
  revokedBefore: z.number().nullable(),
  revoked: z.array(z.object({ id: z.string(), expiresAt: z.number() })),
  failures: z.object({ count: z.number().int().min(0), lastAt: z.number().nullable() }),
});
export type AuthState = z.infer<typeof AuthStateSchema>;

const EMPTY: AuthState = { revokedBefore: null, revoked: [], failures: { count: 0, lastAt: null } };

/** A session as the checks see it: its random id, when it was issued and when it expires (ms since the epoch). */
export interface SessionInfo {
  readonly id: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
}

export interface AuthStateStore {
  /** True when the session was signed out, or signed out everywhere after it was issued. */
  isRevoked(session: SessionInfo, now: Date): Promise<boolean>;
  revoke(session: SessionInfo, now: Date): Promise<void>;
  revokeAll(now: Date): Promise<void>;
  /**
   * Counts a login attempt against the account before the password is checked (so parallel guesses all count):
   * 0 when it may go ahead, else the seconds to wait (nothing is counted then).
   */
  beginAttempt(now: Date): Promise<number>;
  /** A right password: the account's count starts again. */
  succeeded(now: Date): Promise<void>;
}

/**
 * The auth state over any ObjectStore (the same store as jobs.json; S3 keys get the data prefix).
 * @example const auth = authStateStore(deps.store); await auth.revoke(session, new Date())
 */
export function authStateStore(store: ObjectStore, options: { cacheTtlMs?: number } = {}): AuthStateStore {
  const ttl = options.cacheTtlMs ?? CACHE_TTL_MS;
  let cached: { state: AuthState; etag: string | null; at: number } | null = null;

  const read = async (): Promise<{ state: AuthState; etag: string | null }> => {
    const stored = await store.get(AUTH_KEY);
    const fresh = stored === null ? { state: EMPTY, etag: null } : { state: AuthStateSchema.parse(JSON.parse(stored.body)), etag: stored.etag };
    cached = { ...fresh, at: Date.now() };
    return fresh;
  };

  const update = async <R>(change: (state: AuthState) => { state: AuthState; result: R }): Promise<R> => {
    for (let attempt = 1; ; attempt++) {
      const current = await read();
      const { state, result } = change(current.state);
      if (state === current.state) return result;
      try {
        const etag = await store.put(AUTH_KEY, JSON.stringify(state), current.etag === null ? { ifNoneMatch: '*' } : { ifMatch: current.etag }, 'application/json');
        cached = { state, etag, at: Date.now() };
        return result;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 10 * 2 ** Math.min(attempt, 6))));
      }
    }
  };

  return {
    async isRevoked(session) {
      // Wall time for the cache: it measures how stale our copy is, not business time.
      const state = cached !== null && Date.now() - cached.at < ttl ? cached.state : (await read()).state;
      if (state.revokedBefore !== null && session.issuedAt <= state.revokedBefore) return true;
      return state.revoked.some((entry) => entry.id === session.id);
    },
    revoke: (session, now) =>
      update((state) => {
        const kept = state.revoked.filter((entry) => entry.expiresAt > now.getTime() && entry.id !== session.id);
        const revoked = [...kept, { id: session.id, expiresAt: session.expiresAt }];
        if (revoked.length <= MAX_REVOKED) return { state: { ...state, revoked }, result: undefined };
        return { state: { ...state, revoked: [], revokedBefore: now.getTime() }, result: undefined };
      }),
    revokeAll: (now) => update((state) => ({ state: { ...state, revoked: [], revokedBefore: now.getTime() }, result: undefined })),
    beginAttempt: (now) =>
      update((state) => {
        const nowMs = now.getTime();
        const lastAt = state.failures.lastAt;
        const count = lastAt !== null && nowMs - lastAt > FAILURES_FORGOTTEN_AFTER_MS ? 0 : state.failures.count;
        const waitMs = lastAt === null ? 0 : lastAt + backoffMs(count) - nowMs;
        if (waitMs > 0) return { state, result: Math.ceil(waitMs / 1000) };
        return { state: { ...state, failures: { count: count + 1, lastAt: nowMs } }, result: 0 };
      }),
    succeeded: () =>
      update((state) => (state.failures.count === 0 ? { state, result: undefined } : { state: { ...state, failures: { count: 0, lastAt: null } }, result: undefined })),
  };
}

/**
 * How long after the last failure the next attempt must wait: nothing for the first FREE_FAILURES, then 1 s,
 * doubling per failure, at most MAX_BACKOFF_MS.
 * @example backoffMs(10) // 1000
 * @example backoffMs(12) // 4000
 */
export function backoffMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures - FREE_FAILURES, 30));
}
