/**
 * The sweep's archive pass on both stores (the file store, and S3 = s3rver behind the proxy enforcing conditional
 * writes): closed jobs older than ARCHIVE_AFTER_DAYS move to archive/<month>.json, old tracking links keep working,
 * the History view finds them, and a crash between "archived" and "removed from jobs.json" loses nothing, shows
 * nothing twice, and is finished by the next sweep.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE_INDEX_KEY, archiveKey } from '../../domain/archive';
import type { ObjectStore } from '../../domain/ports';
import { archiveClosedJobs, readArchiveMonth } from '../../handlers/archive';
import { LOCAL_TWILIO_AUTH_TOKEN } from '../../handlers/config';
import { createFileStore } from '../../handlers/file-store';
import { createS3Store } from '../../handlers/s3-store';
import { JOBS_KEY, readJobs, settled } from '../../handlers/state';
import { startConditionalS3Proxy, type ConditionalS3Proxy } from '../support/conditional-s3-proxy';
import { jsonRequest, passwordHash, PASSWORD, SITE, startDispatchApp, type DispatchApp } from '../support/dispatch-app';
import { postSigned, twilioSignature } from '../support/harness';
import { S3RVER_CREDENTIALS, startS3rver, type RunningS3rver } from '../support/s3rver';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BUCKET = 'archive-test';
/** 10:00 in Chicago, Monday 2026-05-04. */
const MAY_4 = new Date('2026-05-04T15:00:00.000Z');
/** 22:30 in Chicago on 2026-06-01, 28 days later: past the 14-day archive age, and in quiet hours. */
const JUNE_1_NIGHT = new Date('2026-06-02T03:30:00.000Z');

let hash: string;
let s3rver: RunningS3rver;
let proxy: ConditionalS3Proxy;
let client: S3Client;
let prefixes = 0;

beforeAll(async () => {
  hash = await passwordHash();
  s3rver = await startS3rver([BUCKET]);
  proxy = await startConditionalS3Proxy(s3rver.endpoint);
  client = new S3Client({ region: 'us-east-1', endpoint: proxy.endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
});
afterAll(async () => {
  client?.destroy();
  await proxy?.close();
  await s3rver?.close();
});

/** A store whose next write of jobs.json fails as if the process died there (after the archive writes landed). */
function crashable(inner: ObjectStore): ObjectStore & { crashNextJobsWrite(): void } {
  let crash = false;
  return {
    crashNextJobsWrite: () => void (crash = true),
    get: ((key: string, options?: { readonly ifNoneMatch: string }) => (options ? inner.get(key, options) : inner.get(key))) as ObjectStore['get'],
    list: (prefix) => inner.list(prefix),
    delete: (key) => inner.delete(key),
    put: async (key, body, condition, contentType) => {
      if (key === JOBS_KEY && crash) {
        crash = false;
        throw new Error('simulated crash before jobs.json was written');
      }
      return inner.put(key, body, condition, contentType);
    },
  };
}

const STORES: [string, () => Promise<ObjectStore>][] = [
  ['file store', async () => createFileStore(await mkdtemp(path.join(tmpdir(), 'sd-archive-')))],
  ['S3 store (s3rver + conditional proxy)', async () => createS3Store({ client, bucket: BUCKET, prefix: `t${++prefixes}/data` })],
];

describe.each(STORES)('the archive on the %s', (_name, makeStore) => {
  async function setUp(): Promise<{ t: DispatchApp; store: ReturnType<typeof crashable>; call: (method: string, p: string, body?: unknown) => Promise<Response> }> {
    const store = crashable(await makeStore());
    const t = await startDispatchApp({ hash, now: MAY_4, store });
    // Signs in again when the session has run out: the test moves the clock past its lifetime.
    let cookie = '';
    const call = async (method: string, p: string, body?: unknown): Promise<Response> => {
      const response = await t.app.request(`${SITE}${p}`, jsonRequest(method, body, { cookie }));
      if (response.status !== 401) return response;
      const login = await t.app.request(`${SITE}/api/login`, jsonRequest('POST', { password: PASSWORD }));
      cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      return t.app.request(`${SITE}${p}`, jsonRequest(method, body, { cookie }));
    };
    return { t, store, call };
  }

  async function bookAndFinish(call: (method: string, p: string, body?: unknown) => Promise<Response>, phone: string, location: string) {
    const job = (await (await call('POST', '/api/jobs', { phone, name: 'Dana Smith', location })).json()).job;
    for (const status of ['en_route', 'in_progress', 'completed']) {
      expect((await call('POST', `/api/jobs/${job.id}/status`, { status })).status).toBe(200);
    }
    return job as { id: string; code: string; token: string };
  }

  function unmatchedText(t: DispatchApp, from: string, body: string, sid: string) {
    const params = { MessageSid: sid, From: from, To: '+15555550100', Body: body, NumMedia: '0' };
    return postSigned(t.app, params, { signature: twilioSignature(LOCAL_TWILIO_AUTH_TOKEN, `${SITE}/sms`, params) });
  }

  it('moves old closed jobs and old unmatched texts to their month; open work stays; a crash in between is finished by the next sweep', async () => {
    const { t, store, call } = await setUp();
    const done = await bookAndFinish(call, '+15555550123', '12 Soderblom Ave');
    const open = (await (await call('POST', '/api/jobs', { phone: '+15555550124', location: '88 Pine Rd' })).json()).job;
    expect((await unmatchedText(t, '+15555550199', 'wrong number?', 'SM00000000000000000000000000000001')).status).toBe(200);

    // Closed two weeks ago and a day: still on the board until the sweep, which now crashes after archiving.
    t.setNow(JUNE_1_NIGHT);
    // Delivery records ride along lazily with the next write: let them land first, so the crash hits the archive's.
    await settled(t.deps.store);
    store.crashNextJobsWrite();
    await expect(archiveClosedJobs(t.deps)).rejects.toThrow(/simulated crash/);
    const may = await readArchiveMonth(store, '2026-05');
    expect(Object.keys(may.jobs)).toEqual([done.id]);
    expect(may.unmatched.map((m) => m.body)).toContain('wrong number?');
    expect(Object.keys((await readJobs(store)).doc.jobs).sort()).toEqual([done.id, open.id].sort());

    // In both places, shown once: the board has only the open job, History has the archived one once.
    const board = await (await call('GET', '/api/jobs')).json();
    expect(board.jobs.map((job: { id: string }) => job.id)).toEqual([open.id]);
    const found = await (await call('GET', '/api/history?q=soderblom')).json();
    expect(found.results.map((row: { id: string }) => row.id)).toEqual([done.id]);
    expect((await (await t.app.request(`${SITE}/api/track/${done.token}`)).json()).label).toBe('All done');

    // The next sweep finishes the move; the one after that has nothing to do and writes nothing.
    expect(await archiveClosedJobs(t.deps)).toEqual({ jobs: 1, unmatched: 2, months: ['2026-05'] });
    const hot = (await readJobs(store)).doc;
    expect(Object.keys(hot.jobs)).toEqual([open.id]);
    expect(hot.unmatched).toEqual([]);
    expect(Object.keys((await readArchiveMonth(store, '2026-05')).jobs)).toEqual([done.id]);
    const etags = await Promise.all([JOBS_KEY, archiveKey('2026-05'), ARCHIVE_INDEX_KEY].map(async (key) => (await store.get(key))!.etag));
    expect(await archiveClosedJobs(t.deps)).toEqual({ jobs: 0, unmatched: 0, months: [] });
    expect(await Promise.all([JOBS_KEY, archiveKey('2026-05'), ARCHIVE_INDEX_KEY].map(async (key) => (await store.get(key))!.etag))).toEqual(etags);
    await t.close();
  });

  it('keeps an archived job\'s tracking link, its History entry with every status, and its month as CSV', async () => {
    const { t, call } = await setUp();
    const done = await bookAndFinish(call, '+15555550123', '12 Soderblom Ave, Apt "B"');
    t.setNow(JUNE_1_NIGHT);
    await archiveClosedJobs(t.deps);
    expect(Object.keys((await t.jobs()).jobs)).toEqual([]);

    const track = await t.app.request(`${SITE}/api/track/${done.token}`);
    expect(track.status).toBe(200);
    expect(await track.json()).toMatchObject({ code: done.code, status: 'completed', label: 'All done' });

    for (const q of [done.code.toLowerCase(), '555-0123', 'soderblom', 'dana']) {
      const search = await (await call('GET', `/api/history?q=${encodeURIComponent(q)}`)).json();
      expect(search.results.map((row: { code: string }) => row.code), q).toEqual([done.code]);
    }
    const byMonth = await (await call('GET', '/api/history?month=2026-05')).json();
    expect(byMonth).toMatchObject({ months: [{ month: '2026-05', jobs: 1 }], searched: ['2026-05'] });
    expect((await (await call('GET', '/api/history?q=nobody-here')).json()).results).toEqual([]);

    const opened = await (await call('GET', `/api/history/2026-05/${done.id}`)).json();
    expect(opened.job.history.map((entry: { status: string }) => entry.status)).toEqual(['booking_confirmed', 'en_route', 'in_progress', 'completed']);
    expect(opened.job.closedAt).toBe(MAY_4.toISOString());

    const csv = await call('GET', '/api/history/2026-05.csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="jobs-2026-05.csv"');
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toMatch(/^code,status,customer name,customer phone,address,/);
    expect(lines[1]).toContain(`${done.code},All done,Dana Smith,'+15555550123,"12 Soderblom Ave, Apt ""B""",`);
    await t.close();
  });

  it('keeps the History API behind the dashboard sign-in', async () => {
    const { t } = await setUp();
    for (const p of ['/api/history', '/api/history/2026-05.csv', '/api/history/2026-05/job_1']) {
      expect((await t.app.request(`${SITE}${p}`)).status, p).toBe(401);
    }
    await t.close();
  });
});
