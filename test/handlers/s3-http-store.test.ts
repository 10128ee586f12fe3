/**
 * The node:http + aws4 S3 store against a real S3-protocol server (s3rver, which checks SigV4 signatures) behind the
 * test-only proxy that enforces S3's conditional PUT semantics: the same contract as the SDK store.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../domain/errors';
import { createS3HttpStore } from '../../handlers/s3-http-store';
import { createS3Store } from '../../handlers/s3-store';
import { JOBS_KEY, readJobs, updateJobs } from '../../handlers/state';
import { startConditionalS3Proxy, type ConditionalS3Proxy } from '../support/conditional-s3-proxy';
import { S3RVER_CREDENTIALS, startS3rver, type RunningS3rver } from '../support/s3rver';
import { addJob, bookedJob } from '../support/store-fixtures';

const BUCKET = 'quickdumpnow-fetch-test';

let s3rver: RunningS3rver;
let proxy: ConditionalS3Proxy;
let client: S3Client;
let prefix: string;
let testNumber = 0;

beforeAll(async () => {
  s3rver = await startS3rver([BUCKET]);
  proxy = await startConditionalS3Proxy(s3rver.endpoint);
  client = new S3Client({ region: 'us-east-1', endpoint: proxy.endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
});

afterAll(async () => {
  client?.destroy();
  await proxy?.close();
  await s3rver?.close();
});

beforeEach(() => {
  prefix = `fetch-${++testNumber}/data`;
  proxy.puts.length = 0;
});

const store = (bucket = BUCKET, storePrefix = prefix) =>
  createS3HttpStore({ bucket, prefix: storePrefix, region: 'us-east-1', endpoint: proxy.endpoint, credentials: S3RVER_CREDENTIALS });
const putsTo = (key: string) => proxy.puts.filter((put) => put.key === `${BUCKET}/${prefix}/${key}`);

describe('S3 store over node:http (aws4)', () => {
  it('what was written reads back with its quoted ETag, and the SDK store reads the same object', async () => {
    const etag = await store().put(JOBS_KEY, '{"hello":"wörld"}', { ifNoneMatch: '*' }, 'application/json');

    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(await store().get(JOBS_KEY)).toEqual({ body: '{"hello":"wörld"}', etag });
    expect(await createS3Store({ client, bucket: BUCKET, prefix }).get(JOBS_KEY)).toEqual({ body: '{"hello":"wörld"}', etag });
    const raw = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${prefix}/${JOBS_KEY}` }));
    expect(raw.ContentType).toBe('application/json');
  });

  it('keys with spaces and odd characters are stored under exactly that name', async () => {
    await store().put('archive/2026 06+x.json', 'a', { ifNoneMatch: '*' });

    const raw = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${prefix}/archive/2026 06+x.json` }));
    expect(await raw.Body?.transformToString()).toBe('a');
  });

  it('an object never written reads as missing', async () => {
    expect(await store().get(JOBS_KEY)).toBeNull();
  });

  it('a second create is refused and the first survives', async () => {
    const etag = await store().put(JOBS_KEY, 'first', { ifNoneMatch: '*' });

    await expect(store().put(JOBS_KEY, 'second', { ifNoneMatch: '*' })).rejects.toBeInstanceOf(ConflictError);

    expect(await store().get(JOBS_KEY)).toEqual({ body: 'first', etag });
    expect(putsTo(JOBS_KEY).map((put) => [put.headers['if-none-match'], put.status])).toEqual([
      ['*', 200],
      ['*', 412],
    ]);
  });

  it('a stale copy is refused (If-Match on the wire) and nothing is overwritten', async () => {
    const stale = await store().put(JOBS_KEY, 'v1', { ifNoneMatch: '*' });
    const current = await store().put(JOBS_KEY, 'v2', { ifMatch: stale });

    await expect(store().put(JOBS_KEY, 'lost update', { ifMatch: stale })).rejects.toBeInstanceOf(ConflictError);

    expect(await store().get(JOBS_KEY)).toEqual({ body: 'v2', etag: current });
    expect(putsTo(JOBS_KEY).map((put) => put.headers['if-match'])).toEqual([undefined, stale, stale]);
  });

  it('an update to an object that has vanished is refused rather than recreating it', async () => {
    await expect(store().put(JOBS_KEY, 'v2', { ifMatch: '"5d41402abc4b2a76b9719d911017c592"' })).rejects.toBeInstanceOf(ConflictError);
    expect(await store().get(JOBS_KEY)).toBeNull();
  });

  it('S3 saying another conditional write is in flight (409) is a conflict; updateJobs goes through on retry', async () => {
    await updateJobs(store(), addJob(bookedJob(1)));
    proxy.injectConflictOnce();

    const result = await updateJobs(store(), addJob(bookedJob(2)), { sleep: async () => {} });

    expect(result).toEqual({ added: 'job_2', version: 2 });
    expect(putsTo(JOBS_KEY).map((put) => put.status)).toEqual([200, 409, 200]);
  });

  it('a write that landed but whose reply was lost is not applied twice when retried', async () => {
    await updateJobs(store(), addJob(bookedJob(1)));
    proxy.loseNextSuccessReply();

    const result = await updateJobs(store(), addJob(bookedJob(2)));

    expect(result).toEqual({ added: 'job_2', version: 2 });
    expect(Object.keys((await readJobs(store())).doc.jobs)).toEqual(['job_1', 'job_2']);
    expect(putsTo(JOBS_KEY).map((put) => put.status)).toEqual([200, 500, 412]);
  });

  it('a missing bucket is an error, never a missing object or a conflict', async () => {
    await expect(store('no-such-bucket').get(JOBS_KEY)).rejects.toThrow(/404 NoSuchBucket/);
    const refused = await store('no-such-bucket').put(JOBS_KEY, '{}', { ifNoneMatch: '*' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Error);
    expect(refused).not.toBeInstanceOf(ConflictError);
  });

  it('requests carry a SigV4 signature for s3 in the region that covers the condition header', async () => {
    // s3rver accepts any signature, so the wire is checked instead: S3 itself verifies these fields.
    await store().put(JOBS_KEY, 'signed', { ifNoneMatch: '*' });

    const [put] = putsTo(JOBS_KEY);
    expect(put?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=S3RVER\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]*if-none-match[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
    // aws4 is given S3's documented UNSIGNED-PAYLOAD over HTTPS (TLS protects the body; the headers are signed).
    expect(put?.headers['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
  });

  it.each([
    ['a plain key', JOBS_KEY],
    ['a key with a space and a plus', 'archive/2026 06+x.json'],
  ])('the signature for %s is the one AWS\'s own SigV4 signer computes for the same request', async (_, key) => {
    await store().put(key, 'signed', { ifNoneMatch: '*' }, 'application/json');

    // s3rver does not check signatures, so the AWS SDK's signer (@smithy/signature-v4, installed with
    // @aws-sdk/client-s3) signs the request exactly as it went over the wire, and the two signatures must agree.
    const put = proxy.puts.at(-1)!;
    const authorization = String(put.headers.authorization);
    const signedNames = /SignedHeaders=([^,]+)/.exec(authorization)![1]!.split(';');
    const amzDate = String(put.headers['x-amz-date']);
    const signer = new SignatureV4({ service: 's3', region: 'us-east-1', credentials: S3RVER_CREDENTIALS, sha256: NodeSha256, uriEscapePath: false, applyChecksum: false });
    const url = new URL(put.path, proxy.endpoint);
    const expected = await signer.sign(
      {
        method: 'PUT',
        protocol: url.protocol,
        hostname: url.hostname,
        port: Number(url.port),
        path: url.pathname,
        query: {},
        headers: Object.fromEntries(signedNames.map((name) => [name, String(put.headers[name])])),
      },
      { signingDate: new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z')) },
    );
    expect(signedNames).toEqual(expect.arrayContaining(['host', 'if-none-match', 'x-amz-content-sha256', 'x-amz-date']));
    expect(authorization).toBe(expected.headers.authorization);
  });

  it('20 writers at once lose nothing', async () => {
    // Twenty store instances are twenty containers racing; no time budget, so the outcome cannot depend on load.
    await Promise.all(Array.from({ length: 20 }, (_, n) => updateJobs(store(), addJob(bookedJob(n)), { budgetMs: Infinity })));

    const { doc } = await readJobs(store());
    expect(doc.version).toBe(20);
    expect(Object.keys(doc.jobs)).toHaveLength(20);
    expect(putsTo(JOBS_KEY).filter((put) => put.status === 200)).toHaveLength(20);
  });

  it('a read holding the current ETag is answered 304 with no body; a changed object reads in full', async () => {
    const first = await store().put(JOBS_KEY, 'v1', { ifNoneMatch: '*' });
    expect(await store().get(JOBS_KEY, { ifNoneMatch: first })).toEqual({ etag: first, notModified: true });

    const second = await store().put(JOBS_KEY, 'v2', { ifMatch: first });

    expect(await store().get(JOBS_KEY, { ifNoneMatch: first })).toEqual({ body: 'v2', etag: second });
  });

  it('lists keys under a prefix within the store folder only, and deletes them; deleting twice is fine', async () => {
    for (const key of ['inbox/SM2.json', 'inbox/SM1.json', 'inbox/a&b <c>.json', 'jobs.json']) await store().put(key, '{}', { ifNoneMatch: '*' });
    await store(BUCKET, `${prefix}-other`).put('inbox/SM9.json', '{}', { ifNoneMatch: '*' });

    expect(await store().list('inbox/')).toEqual(['inbox/SM1.json', 'inbox/SM2.json', 'inbox/a&b <c>.json']);
    await store().delete('inbox/SM1.json');
    await store().delete('inbox/SM1.json');

    expect(await store().list('inbox/')).toEqual(['inbox/SM2.json', 'inbox/a&b <c>.json']);
    expect(await store().get('inbox/SM1.json')).toBeNull();
  });
});

/** SHA-256 / HMAC-SHA-256 in the shape @smithy/signature-v4 asks for. */
class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {}
}

function toBytes(data: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}
