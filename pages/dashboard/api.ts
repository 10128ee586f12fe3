/**
 * The dashboard's calls to the HTTP API. Every outcome is a value the page can show: signed out, offline, a
 * refusal with its reason, per-field errors. State-changing calls are same-origin fetches, so the browser adds the
 * `Origin` header the server checks, and the HttpOnly session cookie rides along by itself.
 */
import type { DashboardJob, DashboardView } from '../../domain/dashboard-view';
import type { StatusId } from '../../domain/statuses';
import { errorText, jsonOf } from '../lib/dom';

export type { DashboardJob, DashboardView };

export type JobsResult =
  | { readonly kind: 'changed'; readonly view: DashboardView; readonly etag: string | null }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'signed-out' }
  | { readonly kind: 'offline' }
  /** jobs.json cannot be read on the server: the board shows a banner until it is restored. */
  | { readonly kind: 'store-unreadable'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

/** GET /api/jobs, conditional on the last ETag: a 304 costs the server a read and no JSON. */
export async function fetchJobs(etag: string | null): Promise<JobsResult> {
  let response: Response;
  try {
    response = await fetch('/api/jobs', {
      // no-store: the browser cache must not answer for us; we send If-None-Match ourselves and want the 304.
      cache: 'no-store',
      headers: etag ? { 'If-None-Match': etag } : {},
    });
  } catch {
    return { kind: 'offline' };
  }
  if (response.status === 304) return { kind: 'unchanged' };
  if (response.status === 401) return { kind: 'signed-out' };
  const body = await jsonOf(response);
  if (response.status === 503 && (body as { storeUnreadable?: unknown } | null)?.storeUnreadable === true) {
    return { kind: 'store-unreadable', message: errorText(body, 'The jobs store cannot be read.') };
  }
  if (!response.ok || !isDashboardView(body)) {
    // A proxy or gateway error page (502/503/504) means the API is not reachable right now.
    if (response.status >= 502 && response.status <= 504) return { kind: 'offline' };
    return { kind: 'failed', message: errorText(body, `The server answered ${response.status}.`) };
  }
  return { kind: 'changed', view: body, etag: response.headers.get('ETag') };
}

function isDashboardView(body: unknown): body is DashboardView {
  const view = body as Partial<DashboardView> | null;
  return typeof view === 'object' && view !== null && Array.isArray(view.jobs) && typeof view.timeZone === 'string';
}

export type ChangeResult =
  | { readonly ok: true; readonly job: DashboardJob | null }
  | { readonly ok: false; readonly message: string; readonly errors: Readonly<Record<string, string>>; readonly signedOut: boolean };

/** A JSON call that changes something; 400 per-field errors, 409 reasons and network failures come back as values. */
export async function change(method: 'POST' | 'PATCH', path: string, body: unknown): Promise<ChangeResult> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, message: "Can't reach the server; nothing was changed. Try again.", errors: {}, signedOut: false };
  }
  const json = await jsonOf(response);
  if (response.ok) {
    const job = (json as { job?: DashboardJob } | null)?.job ?? null;
    return { ok: true, job };
  }
  const errors = (json as { errors?: unknown } | null)?.errors;
  const fieldErrors = typeof errors === 'object' && errors !== null ? (errors as Record<string, string>) : {};
  const fallback =
    response.status === 401
      ? 'Your session ended. Sign in again.'
      : Object.keys(fieldErrors).length > 0
        ? 'Please fix the fields marked below.'
        : `The server answered ${response.status}.`;
  return { ok: false, message: errorText(json, fallback), errors: fieldErrors, signedOut: response.status === 401 };
}

export const moveJob = (id: string, status: StatusId): Promise<ChangeResult> =>
  change('POST', `/api/jobs/${encodeURIComponent(id)}/status`, { status });

export const patchJob = (id: string, patch: Record<string, unknown>): Promise<ChangeResult> =>
  change('PATCH', `/api/jobs/${encodeURIComponent(id)}`, patch);

/** Sends a booking's held confirmation text (held when the hourly booking-text cap was reached). */
export const sendConfirmation = (id: string): Promise<ChangeResult> =>
  change('POST', `/api/jobs/${encodeURIComponent(id)}/send-confirmation`, {});

export const createJob = (booking: Record<string, unknown>): Promise<ChangeResult> => change('POST', '/api/jobs', booking);

/** True when the session cookie is valid (GET /api/session); null when the server cannot be reached. */
export async function hasSession(): Promise<boolean | null> {
  try {
    const response = await fetch('/api/session', { cache: 'no-store' });
    const body = (await jsonOf(response)) as { authenticated?: unknown } | null;
    return body?.authenticated === true;
  } catch {
    return null;
  }
}

export type LoginResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** POST /api/login. Shows the server's own words for 401 ("Wrong password") and 429 ("Too many attempts…"). */
export async function login(password: string): Promise<LoginResult> {
  try {
    const response = await fetch('/api/login', {
      method: 'POST',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ password }),
    });
    if (response.ok) return { ok: true };
    return { ok: false, message: errorText(await jsonOf(response), `Sign-in failed (${response.status}).`) };
  } catch {
    return { ok: false, message: "Can't reach the server. Check the connection and try again." };
  }
}

export async function logout(): Promise<void> {
  try {
    await fetch('/api/logout', { method: 'POST', cache: 'no-store' });
  } catch {
    // Signed out locally either way; the cookie expires on its own.
  }
}

/** Signs out every browser and every copy of the session cookie (POST /api/logout-everywhere). */
export async function logoutEverywhere(): Promise<boolean> {
  try {
    const response = await fetch('/api/logout-everywhere', { method: 'POST', cache: 'no-store' });
    return response.ok;
  } catch {
    return false;
  }
}
