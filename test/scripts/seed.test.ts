/**
 * `npm run -s seed` as the README tells the owner to run it, on both stores: it fills an empty store with a history
 * the running app reads (the sample tokens answer on /api/track), and it refuses to
 * write over existing data. The generator itself is pure and seeded.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveHistory } from '../../domain/hot-document';
import { JobsDocumentSchema } from '../../domain/jobs-document';
import type { ObjectStore } from '../../domain/ports';
import { SEED_CREW, seedHistory } from '../../domain/seed-history';
import { isOpenStatus } from '../../domain/statuses';
import { readArchiveIndex } from '../../handlers/archive';
import { createFileStore } from '../../handlers/file-store';
import { createS3Store } from '../../handlers/s3-store';
import { readCrew, readJobs } from '../../handlers/state';
import { parseConfig } from '../../handlers/config';
import { parseSeedArgs, seedStore } from '../../scripts/seed';
import { startConditionalS3Proxy, type ConditionalS3Proxy } from '../support/conditional-s3-proxy';
import { SITE, startDispatchApp } from '../support/dispatch-app';
import { S3RVER_CREDENTIALS, startS3rver, type RunningS3rver } from '../support/s3rver';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BUCKET = 'seed-test';

/** Runs `npm run -s seed -- …args` with `env`; resolves with the exit code and what it printed. */
function seed(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'seed', '--', ...args], { cwd: REPO, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr: stderr.split('\n').filter((line) => !line.startsWith('npm warn')).join('\n').trim() }));
  });
}

let s3rver: RunningS3rver;
let proxy: ConditionalS3Proxy;
let client: S3Client;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sd-seed-'));
  s3rver = await startS3rver([BUCKET]);
  proxy = await startConditionalS3Proxy(s3rver.endpoint);
  client = new S3Client({ region: 'us-east-1', endpoint: proxy.endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
});
afterAll(async () => {
  client?.destroy();
  await proxy?.close();
  await s3rver?.close();
  await rm(dir, { recursive: true, force: true });
});

const STORES: [string, () => { env: Record<string, string>; store: ObjectStore }][] = [
  ['DATA_DIR', () => ({ env: { DATA_DIR: path.join(dir, 'data') }, store: createFileStore(path.join(dir, 'data')) })],
  [
    'STORE=s3 (s3rver + conditional proxy)',
    () => ({
      env: {
        STORE: 's3',
        S3_BUCKET: BUCKET,
        S3_PREFIX: 'local/data',
        S3_ENDPOINT: proxy.endpoint,
        AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      },
      store: createS3Store({ client, bucket: BUCKET, prefix: 'local/data' }),
    }),
  ],
];

describe.each(STORES)('npm run -s seed into %s', (_name, target) => {
  it('writes a history the app reads (both sample tokens track), then refuses to overwrite it', async () => {
    const { env, store } = target();
    const first = await seed(['--jobs', '300', '--open', '12', '--days', '60'], env);
    expect(first.code, first.stderr).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]!);
    expect(Object.keys(summary)).toEqual(['jobs', 'open', 'archived', 'hotBytes', 'sampleArchivedToken', 'sampleOpenToken']);
    expect(summary).toMatchObject({ jobs: 300, open: 12 });
    expect(summary.archived).toBeGreaterThan(200);

    const { doc } = await readJobs(store);
    expect(Object.keys(doc.jobs).length + summary.archived).toBe(300);
    expect(Buffer.byteLength(JSON.stringify(doc, null, 1))).toBe(summary.hotBytes);
    expect((await readCrew(store)).problems).toEqual([]);
    expect(Object.keys((await readArchiveIndex(store)).tokens)).toContain(summary.sampleArchivedToken);

    const t = await startDispatchApp({ hash: null, crew: null, store });
    for (const [token, open] of [[summary.sampleArchivedToken, false], [summary.sampleOpenToken, true]] as const) {
      const response = await t.app.request(`${SITE}/api/track/${token}`);
      expect(response.status, token).toBe(200);
      expect(isOpenStatus((await response.json()).status)).toBe(open);
    }
    await t.close();

    // Run again over the same data: refused, nothing changed (in process: one npm start per store is enough).
    await expect(seedStore(store, { jobs: 10, open: 2, days: 1 }, parseConfig(env, { local: true }), new Date())).rejects.toThrow(
      /jobs\.json already exists .* seed only fills an empty store/,
    );
    expect((await readJobs(store)).doc).toEqual(doc);
    // One npm + tsx start on a shared 2-core machine.
  }, 240_000);
});

describe('the seeded history', () => {
  const now = new Date('2026-06-04T15:00:00Z');
  const options = { jobs: 400, open: 30, days: 20, now, businessNumber: '+15555550100', publicBaseUrl: SITE, businessName: 'QuickDumpNow', crew: SEED_CREW };

  it('is the same for the same seed, and a valid jobs document with the open jobs asked for', () => {
    const doc = seedHistory(options);
    expect(seedHistory(options)).toEqual(doc);
    expect(() => JobsDocumentSchema.parse(doc)).not.toThrow();
    const jobs = Object.values(doc.jobs);
    expect(jobs).toHaveLength(400);
    expect(jobs.filter((job) => isOpenStatus(job.status))).toHaveLength(30);
    expect(jobs.some((job) => job.status === 'cancelled')).toBe(true);
    expect(jobs.some((job) => job.quote !== null && job.photos.length > 0)).toBe(true);
    expect(jobs.every((job) => job.createdAt <= now.toISOString() && job.messages.every((m) => m.at < now.toISOString()))).toBe(true);
  });

  it('keeps in jobs.json only the open jobs and those closed within ARCHIVE_AFTER_DAYS', () => {
    const { hot, months } = archiveHistory(seedHistory(options), { now, tz: 'America/Chicago', archiveAfterDays: 14 });
    const cutoff = new Date(now.getTime() - 14 * 86_400_000).toISOString();
    expect(Object.values(hot.jobs).every((job) => job.closedAt === null || job.closedAt > cutoff)).toBe(true);
    expect(months.flatMap((month) => Object.values(month.jobs)).every((job) => job.closedAt! <= cutoff)).toBe(true);
  });

  it.each([
    [['--jobs', '1000'], { jobs: 1000, open: 60, days: 50 }],
    [['--jobs', '40', '--open', '100'], { jobs: 40, open: 40, days: 2 }],
    [['--jobs', '10', '--open', '0', '--days', '30'], { jobs: 10, open: 0, days: 30 }],
  ])('reads %j as %j', (args, expected) => {
    expect(parseSeedArgs(args)).toEqual(expected);
  });

  it.each([[[]], [['--jobs', '0']], [['--jobs', 'many']], [['--jobs', '5', '--days', '-1']]])('refuses %j with a usage line', (args) => {
    expect(() => parseSeedArgs(args)).toThrow(/--jobs|Usage/);
  });
});
