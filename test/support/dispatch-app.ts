/**
 * The whole HTTP app as the dashboard and booking tests drive it: createApp over a file store in a temp dir, a
 * controllable clock, deterministic ids, and in-memory SmsSender/Mailer implementations that record what was sent
 * (real implementations of the ports, standing in for Twilio and SES).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import type { CrewRoster } from '../../domain/crew';
import type { JobsDocument } from '../../domain/jobs-document';
import type { Email, Mailer, ObjectStore, SendResult, Sms, SmsSender } from '../../domain/ports';
import { createApp } from '../../handlers/app';
import { hashPassword } from '../../handlers/auth/password';
import { parseConfig, type Config } from '../../handlers/config';
import type { Deps, Ids } from '../../handlers/deps';
import { createFileStore } from '../../handlers/file-store';
import { CREW_KEY, readJobs, settled } from '../../handlers/state';

export const SITE = 'https://dispatch.example.com';
export const TZ = 'America/Chicago';
export const PASSWORD = 'haul-it-all-away';
/** 10:00 in Chicago on Thursday 2026-06-04: working hours. */
export const MORNING = new Date('2026-06-04T15:00:00.000Z');
/** 22:30 in Chicago: quiet hours. */
export const LATE_EVENING = new Date('2026-06-05T03:30:00.000Z');

export const SAM = { name: 'Sam Rivera', phone: '+15555550101', email: 'sam@example.com', roles: ['driver'] } as const;
export const ANA = { name: 'Ana Lee', phone: '+15555550102', email: 'ana@example.com', roles: ['first_mate'] } as const;
export const ROSTER: CrewRoster = { crew: [{ ...SAM, roles: ['driver'] }, { ...ANA, roles: ['first_mate'] }] };

/** Ids that repeat run after run: job_1, job_2…; tokens of 24 characters; a fixed walk for job codes. */
export function countingIds(): Ids {
  let jobs = 0;
  let tokens = 0;
  let seed = 7;
  return {
    newId: () => `job_${++jobs}`,
    newToken: () => `tok${String(++tokens).padStart(21, '0')}`,
    random: () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    },
  };
}

export interface Recorder<T> {
  readonly sent: T[];
}

function recorder<T extends Sms | Email>(): { sent: T[]; send: (message: T) => Promise<SendResult> } {
  const sent: T[] = [];
  return {
    sent,
    send: async (message) => {
      sent.push(message);
      return { ok: true, providerId: `id-${sent.length}` };
    },
  };
}

export interface DispatchApp {
  readonly app: Hono;
  readonly deps: Deps;
  readonly dir: string;
  readonly texts: Sms[];
  readonly emails: Email[];
  setNow(at: Date): void;
  advance(ms: number): void;
  jobs(): Promise<JobsDocument>;
  close(): Promise<void>;
}

/** A scrypt hash of PASSWORD (hashing takes tens of milliseconds: make it once per file). */
export function passwordHash(): Promise<string> {
  return hashPassword(PASSWORD);
}

/**
 * A fresh app and data directory. `hash` null: no DASHBOARD_PASSWORD_HASH. `crew` is written to crew.json first.
 * `store`: another ObjectStore (an S3 store, a store that fails on cue) instead of the file store in the directory.
 */
export async function startDispatchApp(options: {
  hash: string | null;
  crew?: CrewRoster | null;
  now?: Date;
  /** Extra environment variables (e.g. BOOKING_TEXTS_PER_HOUR). */
  env?: Record<string, string>;
  store?: ObjectStore;
}): Promise<DispatchApp> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sd-dispatch-'));
  const env: Record<string, string> = {
    DATA_DIR: dir,
    PUBLIC_BASE_URL: SITE,
    BUSINESS_TZ: TZ,
    BUSINESS_NAME: 'QuickDumpNow',
    DISPATCH_EMAIL: 'dispatch@example.com',
    SESSION_SECRET: 'test-session-secret-0123456789abcdef',
  };
  if (options.hash) env.DASHBOARD_PASSWORD_HASH = options.hash;
  const config: Config = parseConfig({ ...env, ...options.env }, { local: true });
  let now = options.now ?? MORNING;
  const sms = recorder<Sms>();
  const mail = recorder<Email>();
  const store = options.store ?? createFileStore(dir);
  if (options.crew !== null) await store.put(CREW_KEY, JSON.stringify(options.crew ?? ROSTER), { ifNoneMatch: '*' });
  const deps: Deps = {
    store,
    sms: { send: sms.send } satisfies SmsSender,
    mailer: { send: mail.send } satisfies Mailer,
    clock: () => now,
    config,
    ids: countingIds(),
    log: () => {},
  };
  return {
    app: createApp(deps),
    deps,
    dir,
    texts: sms.sent,
    emails: mail.sent,
    setNow: (at) => {
      now = at;
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    jobs: async () => (await readJobs(store)).doc,
    close: async () => {
      await settled(store);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A JSON request as the pages make it: same-site Origin, optional session cookie and extra headers. */
export function jsonRequest(
  method: string,
  body: unknown,
  init: { cookie?: string; origin?: string | null; headers?: Record<string, string> } = {},
): RequestInit {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...init.headers };
  if (init.origin !== null) headers.origin = init.origin ?? SITE;
  if (init.cookie) headers.cookie = init.cookie;
  return { method, headers, body: body === undefined ? undefined : JSON.stringify(body) };
}

/** Signs in with PASSWORD and returns the session cookie (name=value) as the browser would send it back. */
export async function signIn(t: DispatchApp): Promise<string> {
  const response = await t.app.request(`${SITE}/api/login`, jsonRequest('POST', { password: PASSWORD }));
  const cookie = response.headers.get('set-cookie');
  if (response.status !== 200 || !cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie.split(';')[0]!;
}
