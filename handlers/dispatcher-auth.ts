/**
 * The dispatcher sign-in options (handlers/auth/) from configuration. Built once per process: the failed-login
 * limiter and a local session secret must outlive a single request.
 */
import { authStateStore } from './auth/auth-state';
import { generatePassword, hashPassword } from './auth/password';
import { createFailureLimiter } from './auth/rate-limit';
import type { AuthOptions } from './auth/routes';
import { generateSessionSecret } from './auth/session';
import { clientAddress } from './client-address';
import type { Deps } from './deps';

/** Failed logins allowed per client per minute; the 6th answers 429. */
export const LOGIN_FAILURES_PER_MINUTE = 5;

/**
 * Sign-in options from DASHBOARD_PASSWORD_HASH and SESSION_SECRET, or null when no password hash is configured
 * (the dashboard API then says how to set one). Without SESSION_SECRET (only allowed locally) a random secret is
 * made for this process: sessions end when the server restarts.
 * @example dispatcherAuth(deps)?.allowedOrigin // 'https://dispatch.example.com'
 */
export function dispatcherAuth(deps: Deps): AuthOptions | null {
  const { passwordHash, sessionSecret } = deps.config.dashboard;
  if (passwordHash === null) return null;
  return authOptions(deps, passwordHash, sessionSecret ?? generateSessionSecret());
}

/**
 * For `npm start`: the options above, and when no hash is configured locally a one-time password generated and
 * hashed here, returned so the server prints it at start (it is never stored).
 * @example const { auth, oneTimePassword } = await dispatcherAuthFromConfig(deps)
 */
export async function dispatcherAuthFromConfig(
  deps: Deps,
): Promise<{ auth: AuthOptions | null; oneTimePassword: string | null }> {
  const configured = dispatcherAuth(deps);
  if (configured !== null || !deps.config.local) return { auth: configured, oneTimePassword: null };
  const oneTimePassword = generatePassword();
  const hash = await hashPassword(oneTimePassword);
  return { auth: authOptions(deps, hash, deps.config.dashboard.sessionSecret ?? generateSessionSecret()), oneTimePassword };
}

function authOptions(deps: Deps, passwordHash: string, sessionSecret: string): AuthOptions {
  return {
    passwordHash,
    sessionSecret,
    clock: deps.clock,
    limiter: createFailureLimiter({ max: LOGIN_FAILURES_PER_MINUTE, windowMs: 60_000 }),
    authState: authStateStore(deps.store),
    clientKey: (c) => clientAddress(c, deps.config.originSecret),
    allowedOrigin: new URL(deps.config.publicBaseUrl).origin,
  };
}
