/**
 * The S3 store against a real S3-protocol server (s3rver) behind a test-only proxy that enforces S3's conditional
 * PUT semantics, which s3rver ignores (test/support/conditional-s3-proxy.ts).
 */
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../domain/errors';
import { parseConfig } from '../../handlers/config';
import { createS3Store, s3StoreFromConfig } from '../../handlers/s3-store';
import { JOBS_KEY, readJobs, updateJobs } from '../../handlers/state';
import { startConditionalS3Proxy, type ConditionalS3Proxy } from '../support/conditional-s3-proxy';
import { S3RVER_CREDENTIALS, startS3rver, type RunningS3rver } from '../support/s3rver';
import { addJob, bookedJob, countingStore } from '../support/store-fixtures';

const BUCKET = 'quickdumpnow-test';

let s3rver: RunningS3rver;
let proxy: ConditionalS3Proxy;
let client: S3Client;
let prefix: string;
let testNumber = 0;

beforeAll(async () => {
  s3rver = await startS3rver([BUCKET]);
  proxy = await startConditionalS3Proxy(s3rver.endpoint);
  client = new S3Client({
    region: 'us-east-1',
    endpoint: proxy.endpoint,
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
  });
});

afterAll(async () => {
  client?.destroy();
  await proxy?.close();
  await s3rver?.close();
});

beforeEach(() => {
  // Each test gets its own prefix in the one bucket, and a clean record of what crossed the wire.
  prefix = `stage-${++testNumber}/data`;
  proxy.puts.length = 0;
});

const store = (storePrefix = prefix) => createS3Store({ client, bucket: BUCKET, prefix: storePrefix });
const putsTo = (key: string) => proxy.puts.filter((put) => put.key === `${BUCKET}/${prefix}/${key}`);

describe('S3 store', () => {
  it('what was written reads back, with the quoted ETag S3 returned', async () => {
    const etag = await store().put(JOBS_KEY, '{"hello":1}', { ifNoneMatch: '*' }, 'application/json');

    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(await store().get(JOBS_KEY)).toEqual({ body: '{"hello":1}', etag });
    const raw = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${prefix}/${JOBS_KEY}` }));
    expect(raw.ContentType).toBe('application/json');
  });

  it.each<[string, (folder: string) => string, (folder: string) => string]>([
    ['under the stage folder', (folder) => folder, (folder) => `${folder}/crew.json`],
    ['under the stage folder even when written with slashes around it', (folder) => `/${folder}/`, (folder) => `${folder}/crew.json`],
    ['at the bucket root when there is no prefix', () => '', () => 'crew.json'],
  ])('objects live %s', async (_, storePrefix, expectedKey) => {
    await store(storePrefix(prefix)).put('crew.json', '{"crew":[]}', { ifNoneMatch: '*' });

    const raw = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: expectedKey(prefix) }));
    expect(await raw.Body?.transformToString()).toBe('{"crew":[]}');
  });

  it('an object never written reads as missing', async () => {
    expect(await store().get(JOBS_KEY)).toBeNull();
  });

  it('the first write only creates, so a second create is refused and the first survives', async () => {
    const etag = await store().put(JOBS_KEY, 'first', { ifNoneMatch: '*' });

    await expect(store().put(JOBS_KEY, 'second', { ifNoneMatch: '*' })).rejects.toBeInstanceOf(ConflictError);

    expect(await store().get(JOBS_KEY)).toEqual({ body: 'first', etag });
    expect(putsTo(JOBS_KEY).map((put) => [put.headers['if-none-match'], put.status])).toEqual([
      ['*', 200],
      ['*', 412],
    ]);
  });

  it('a writer holding a stale copy is refused and nothing is overwritten', async () => {
    const stale = await store().put(JOBS_KEY, 'v1', { ifNoneMatch: '*' });
    const current = await store().put(JOBS_KEY, 'v2', { ifMatch: stale });

    await expect(store().put(JOBS_KEY, 'lost update', { ifMatch: stale })).rejects.toBeInstanceOf(ConflictError);

    expect(await store().get(JOBS_KEY)).toEqual({ body: 'v2', etag: current });
  });

  it('an update to an object that has vanished is refused rather than recreating it', async () => {
    await expect(store().put(JOBS_KEY, 'v2', { ifMatch: '"5d41402abc4b2a76b9719d911017c592"' })).rejects.toBeInstanceOf(
      ConflictError,
    );

    expect(putsTo(JOBS_KEY).map((put) => put.status)).toEqual([404]);
    expect(await store().get(JOBS_KEY)).toBeNull();
  });

  it('the condition is on the wire: If-None-Match: * to create, then If-Match with the quoted ETag', async () => {
    // Guards against an SDK older than 3.700.0, which silently drops IfMatch and turns every write into a blind one.
    await updateJobs(store(), addJob(bookedJob(1)));
    const { etag } = await readJobs(store());
    await updateJobs(store(), addJob(bookedJob(2)));

    const [create, update] = putsTo(JOBS_KEY);
    expect(create?.headers['if-none-match']).toBe('*');
    expect(create?.headers['if-match']).toBeUndefined();
    expect(update?.headers['if-match']).toBe(etag);
    expect(update?.headers['if-match']).toMatch(/^"[0-9a-f]{32}"$/);
    expect(update?.headers['if-none-match']).toBeUndefined();
    expect(update?.headers['content-type']).toBe('application/json');
  });

  it('S3 saying another conditional write is in flight (409) is a conflict, and the update goes through on retry', async () => {
    await updateJobs(store(), addJob(bookedJob(1)));
    const before = await store().get(JOBS_KEY);
    proxy.injectConflictOnce();
    await expect(store().put(JOBS_KEY, 'overwrite', { ifMatch: before!.etag })).rejects.toBeInstanceOf(ConflictError);
    expect(await store().get(JOBS_KEY)).toEqual(before);

    proxy.injectConflictOnce();
    const result = await updateJobs(store(), addJob(bookedJob(2)), { sleep: async () => {} });

    expect(result).toEqual({ added: 'job_2', version: 2 });
    expect(Object.keys((await readJobs(store())).doc.jobs)).toEqual(['job_1', 'job_2']);
    expect(putsTo(JOBS_KEY).map((put) => put.status)).toEqual([200, 409, 409, 200]);
  });

  it('a write that landed but whose reply was lost is not applied twice when the SDK retries it', async () => {
    await updateJobs(store(), addJob(bookedJob(1)));
    proxy.loseNextSuccessReply();

    const result = await updateJobs(store(), addJob(bookedJob(2)));

    expect(result).toEqual({ added: 'job_2', version: 2 });
    const { doc } = await readJobs(store());
    expect(doc.version).toBe(2);
    expect(Object.keys(doc.jobs)).toEqual(['job_1', 'job_2']);
    // The SDK's own retry of the lost reply is refused (its ETag is now stale); the store sees its bytes landed.
    expect(putsTo(JOBS_KEY).map((put) => [String(put.headers['amz-sdk-request']).split(';')[0], put.status])).toEqual([
      ['attempt=1', 200],
      ['attempt=1', 500],
      ['attempt=2', 412],
    ]);
  });

  it('other S3 errors are not mistaken for conflicts or for a missing object', async () => {
    const noBucket = createS3Store({ client, bucket: 'no-such-bucket', prefix });

    await expect(noBucket.get(JOBS_KEY)).rejects.toMatchObject({ name: 'NoSuchBucket' });
    const refused = await noBucket.put(JOBS_KEY, '{}', { ifNoneMatch: '*' }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ name: 'NoSuchBucket', $metadata: { httpStatusCode: 404 } });
    expect(refused).not.toBeInstanceOf(ConflictError);
  });

  it('50 customers texting at once lose nothing, in one write', async () => {
    const counted = countingStore(store());

    const results = await Promise.all(Array.from({ length: 50 }, (_, n) => updateJobs(counted, addJob(bookedJob(n)))));

    const { doc } = await readJobs(store());
    expect(Object.keys(doc.jobs).sort()).toEqual(Array.from({ length: 50 }, (_, n) => `job_${n}`).sort());
    expect(results.map((r) => r.version)).toEqual(Array.from({ length: 50 }, () => 1));
    expect(putsTo(JOBS_KEY).map((put) => put.status)).toEqual([200]);
    expect(putsTo(JOBS_KEY)).toHaveLength(counted.puts);
  });

  it('five containers racing with ten customers each lose nothing, and nothing is written blind', async () => {
    // Five stores are five Lambda containers: each groups its own texts, and S3's conditional PUT decides between
    // them. No time budget here: the outcome must not depend on how busy the machine is.
    const containers = Array.from({ length: 5 }, () => countingStore(store()));

    await Promise.all(
      Array.from({ length: 50 }, (_, n) => updateJobs(containers[n % 5]!, addJob(bookedJob(n)), { budgetMs: Infinity })),
    );

    const { doc } = await readJobs(store());
    expect(Object.keys(doc.jobs).sort()).toEqual(Array.from({ length: 50 }, (_, n) => `job_${n}`).sort());
    const puts = putsTo(JOBS_KEY);
    // Every accepted PUT is one version, every PUT carried a condition.
    expect(puts.filter((put) => put.status === 200)).toHaveLength(doc.version);
    expect(puts.every((put) => put.headers['if-match'] !== undefined || put.headers['if-none-match'] === '*')).toBe(true);
    expect(puts).toHaveLength(containers.reduce((sum, container) => sum + container.puts, 0));
  });

  it('a read holding the current ETag is answered 304 with no body; a changed object reads in full', async () => {
    const first = await store().put(JOBS_KEY, 'v1', { ifNoneMatch: '*' });
    expect(await store().get(JOBS_KEY, { ifNoneMatch: first })).toEqual({ etag: first, notModified: true });

    const second = await store().put(JOBS_KEY, 'v2', { ifMatch: first });

    expect(await store().get(JOBS_KEY, { ifNoneMatch: first })).toEqual({ body: 'v2', etag: second });
  });

  it('lists keys under a prefix within the store folder only, and deletes them; deleting twice is fine', async () => {
    for (const key of ['inbox/SM2.json', 'inbox/SM1.json', 'jobs.json']) await store().put(key, '{}', { ifNoneMatch: '*' });
    await store(`${prefix}-other`).put('inbox/SM9.json', '{}', { ifNoneMatch: '*' });

    expect(await store().list('inbox/')).toEqual(['inbox/SM1.json', 'inbox/SM2.json']);
    await store().delete('inbox/SM1.json');
    await store().delete('inbox/SM1.json');

    expect(await store().list('inbox/')).toEqual(['inbox/SM2.json']);
    expect(await store().get('inbox/SM1.json')).toBeNull();
  });

  it('STORE=s3 configuration reaches the configured endpoint and prefix', async () => {
    const config = parseConfig(
      { STORE: 's3', S3_BUCKET: BUCKET, S3_PREFIX: `/${prefix}/`, S3_ENDPOINT: proxy.endpoint, S3_REGION: 'us-east-1' },
      { local: true },
    );
    const configured = s3StoreFromConfig(config, { credentials: S3RVER_CREDENTIALS });

    const { version } = await updateJobs(configured, addJob(bookedJob(9)));

    expect(version).toBe(1);
    expect(putsTo(JOBS_KEY)).toHaveLength(1);
    expect((await readJobs(store())).doc.jobs['job_9']?.code).toBe('222B');
  });
});
