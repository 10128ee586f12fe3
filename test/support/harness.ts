/**
 * A real app on a real file store in a temp dir, with senders that keep what they were asked to send, a settable
 * clock and repeatable ids. Texts are signed the way Twilio signs them (HMAC-SHA1 over URL + sorted params),
 * computed here independently of the twilio package so a bug there cannot hide one here.
 */
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Email, Mailer, ObjectStore, SendResult, Sms, SmsSender } from '../../domain/ports';
import { createApp } from '../../handlers/app';
import { parseConfig, type Config } from '../../handlers/config';
import type { Deps, Ids } from '../../handlers/deps';
import { createFileStore } from '../../handlers/file-store';
import { CREW_KEY, readJobs, settled } from '../../handlers/state';
import { replyText } from '../../scripts/text';

export const AUTH_TOKEN = 'test-auth-token';
export const BASE_URL = 'https://dispatch.example.com';
export const BUSINESS_NUMBER = '+15555550100';

export interface Recorded {
  readonly sms: Sms[];
  readonly email: Email[];
}

export function recordingSenders(): { sms: SmsSender; mailer: Mailer; sent: Recorded; fail: { next: SendResult | null } } {
  const sent: Recorded = { sms: [], email: [] };
  const fail: { next: SendResult | null } = { next: null };
  const outcome = (): SendResult => {
    const result = fail.next ?? { ok: true, providerId: 'test' };
    return result;
  };
  return {
    sent,
    fail,
    sms: { send: async (sms) => { const r = outcome(); if (r.ok) sent.sms.push(sms); return r; } },
    mailer: { send: async (email) => { const r = outcome(); if (r.ok) sent.email.push(email); return r; } },
  };
}

/** Ids that repeat run after run: job_1, job_2…, tokens of 24 characters, a seeded random for codes. */
export function sequentialIds(): Ids {
  let n = 0;
  let t = 0;
  let seed = 42;
  return {
    newId: () => `job_${++n}`,
    newToken: () => `tok${String(++t).padStart(3, '0')}_abcdefghijklmnopqr`,
    random: () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    },
  };
}

export interface Harness {
  readonly app: ReturnType<typeof createApp>;
  readonly deps: Deps;
  readonly dir: string;
  readonly sent: Recorded;
  readonly fail: { next: SendResult | null };
  readonly clock: { now: Date };
  text(from: string, body: string, extra?: Record<string, string>): Promise<Response>;
  doc(): ReturnType<typeof readJobs>;
  setCrew(crew: unknown): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly now?: string;
  readonly env?: Record<string, string>;
  /** Puts something between the app and its file store (a store that fails or counts on cue). */
  readonly wrapStore?: (store: ObjectStore) => ObjectStore;
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'sms-dispatcher-'));
  const config: Config = parseConfig(
    { DATA_DIR: dir, PUBLIC_BASE_URL: BASE_URL, TWILIO_AUTH_TOKEN: AUTH_TOKEN, DISPATCH_EMAIL: 'dispatch@example.com', ...options.env },
    { local: true },
  );
  const clock = { now: new Date(options.now ?? '2026-06-04T09:30:00-05:00') };
  const senders = recordingSenders();
  const fileStore = createFileStore(dir);
  const store = options.wrapStore ? options.wrapStore(fileStore) : fileStore;
  const deps: Deps = {
    store,
    sms: senders.sms,
    mailer: senders.mailer,
    clock: () => clock.now,
    config,
    ids: sequentialIds(),
    log: () => {},
  };
  const app = createApp(deps);
  let sid = 0;
  return {
    app,
    deps,
    dir,
    sent: senders.sent,
    fail: senders.fail,
    clock,
    text: (from, body, extra = {}) => {
      const params = { MessageSid: `SM${String(++sid).padStart(32, '0')}`, From: from, To: BUSINESS_NUMBER, Body: body, NumMedia: '0', ...extra };
      return postSigned(app, params);
    },
    doc: () => readJobs(store),
    setCrew: async (crew) => {
      const current = await store.get(CREW_KEY);
      await store.put(CREW_KEY, JSON.stringify(crew), current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
    },
    close: async () => {
      await settled(store);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Twilio's algorithm: HMAC-SHA1(authToken, url + concat(sorted keys, key + value)), base64. */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf-8')).digest('base64');
}

export function postSigned(
  app: { request: (url: string, init: RequestInit) => Response | Promise<Response> },
  params: Record<string, string>,
  options: { signature?: string | null; url?: string } = {},
): Promise<Response> {
  const url = options.url ?? `${BASE_URL}/sms`;
  const signature = options.signature === undefined ? twilioSignature(AUTH_TOKEN, url, params) : options.signature;
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (signature !== null) headers['X-Twilio-Signature'] = signature;
  return Promise.resolve(app.request(url, { method: 'POST', headers, body: new URLSearchParams(params).toString() }));
}

/** The reply text inside TwiML (null for an empty <Response/>), read the way `npm run text` reads it. */
export function replyOf(twiml: string): string | null {
  return replyText(twiml) || null;
}
