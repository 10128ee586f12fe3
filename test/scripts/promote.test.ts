/**
 * `npm run promote`: the S3 side runs against a real S3-protocol server (s3rver); CloudFront cannot run locally, so
 * its side is aws-sdk-client-mock answering with the response shapes of the CloudFront API reference
 * (DescribeFunction, UpdateFunction, PublishFunction, CreateInvalidation, GetInvalidation; ids and ETags from
 * the AWS examples), and the assertions on it are the requests CloudFront would have received.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AccessDenied,
  CloudFrontClient,
  CreateInvalidationCommand,
  DescribeFunctionCommand,
  GetInvalidationCommand,
  PreconditionFailed,
  PublishFunctionCommand,
  UpdateFunctionCommand,
} from '@aws-sdk/client-cloudfront';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../domain/errors';
import { parsePromoteArgs } from '../../scripts/promote/options';
import { assertPagesKey, planPromotion } from '../../scripts/promote/plan';
import { runPromotion, type PromotionRequest } from '../../scripts/promote/run';

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
// s3rver ships no types; this is the slice of its API the test uses.
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: object) => S3rverInstance;

const FUNCTION_NAME = 'sms-dispatcher-production-rewrite';
const DISTRIBUTION_ID = 'EDFDVBD6EXAMPLE';
const FUNCTION_CODE = new TextEncoder().encode('function handler(event) { return event.request; }');
const STAGING_PAGES = [
  { key: 'staging/pages/index.html', body: '<!doctype html><title>Home</title>', type: 'text/html; charset=utf-8', cache: 'no-cache' },
  { key: 'staging/pages/track.html', body: '<!doctype html><title>Track</title>', type: 'text/html; charset=utf-8', cache: 'no-cache' },
  { key: 'staging/pages/track.js', body: 'console.log("track")', type: 'text/javascript; charset=utf-8', cache: 'public, max-age=300' },
  { key: 'staging/pages/site.css', body: 'body{margin:0}', type: 'text/css; charset=utf-8', cache: 'public, max-age=300' },
];
const PRODUCTION_DATA = { key: 'production/data/jobs.json', body: '{"version":1,"jobs":[]}', type: 'application/json' };

let server: S3rverInstance;
let dataDir: string;
let s3: S3Client;
let bucket: string;
let bucketCount = 0;
const cloudfront = new CloudFrontClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
const cf = mockClient(cloudfront);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'promote-s3rver-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dataDir });
  const { port } = await server.run();
  s3 = new S3Client({
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
});
afterAll(async () => {
  s3?.destroy();
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  bucket = `promote-test-${++bucketCount}`;
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const page of STAGING_PAGES) {
    await put(page.key, page.body, page.type, page.cache);
  }
  await put(PRODUCTION_DATA.key, PRODUCTION_DATA.body, PRODUCTION_DATA.type);
  await put('production/pages/old.html', 'an old page', 'text/html');
  mockCloudFront();
});

async function put(key: string, body: string, contentType: string, cacheControl?: string): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, CacheControl: cacheControl }));
}

/** Every object under a prefix with what a browser would get: body, ETag, Content-Type, Cache-Control. */
async function snapshot(prefix: string) {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  const objects: Record<string, { body: string; etag?: string; type?: string; cache?: string }> = {};
  for (const { Key } of listed.Contents ?? []) {
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key }));
    objects[Key!] = { body: await got.Body!.transformToString(), etag: got.ETag, type: got.ContentType, cache: got.CacheControl };
  }
  return objects;
}

function functionSummary(stage: 'DEVELOPMENT' | 'LIVE', status: string) {
  return {
    Name: FUNCTION_NAME,
    Status: status,
    FunctionConfig: { Comment: 'rewrites /track and /book', Runtime: 'cloudfront-js-2.0' as const },
    FunctionMetadata: {
      FunctionARN: `arn:aws:cloudfront::123456789012:function/${FUNCTION_NAME}`,
      Stage: stage,
      CreatedTime: new Date('2023-11-07T19:53:50.334Z'),
      LastModifiedTime: new Date('2023-11-07T20:01:37.174Z'),
    },
  };
}

function invalidation(status: 'InProgress' | 'Completed') {
  return {
    Id: 'I2J0I21PCUYOIK',
    Status: status,
    CreateTime: new Date('2019-12-05T18:40:49.413Z'),
    InvalidationBatch: { CallerReference: 'promote-test', Paths: { Quantity: 1, Items: ['/track*'] } },
  };
}

/** A function whose DEVELOPMENT ETag is ETVPDKIKX0DER and an invalidation that is InProgress twice, then Completed. */
function mockCloudFront(): void {
  cf.reset();
  cf.on(DescribeFunctionCommand).resolves({ ETag: 'ETVPDKIKX0DER', FunctionSummary: functionSummary('DEVELOPMENT', 'UNPUBLISHED') });
  cf.on(UpdateFunctionCommand).resolves({ ETag: 'E3UN6WX5RRO2AG', FunctionSummary: functionSummary('DEVELOPMENT', 'UNPUBLISHED') });
  cf.on(PublishFunctionCommand).resolves({ FunctionSummary: functionSummary('LIVE', 'UNASSOCIATED') });
  cf.on(CreateInvalidationCommand).resolves({
    Location: `https://cloudfront.amazonaws.com/2020-05-31/distribution/${DISTRIBUTION_ID}/invalidation/I2J0I21PCUYOIK`,
    Invalidation: invalidation('InProgress'),
  });
  cf.on(GetInvalidationCommand)
    .resolvesOnce({ Invalidation: invalidation('InProgress') })
    .resolvesOnce({ Invalidation: invalidation('InProgress') })
    .resolves({ Invalidation: invalidation('Completed') });
}

function promote(overrides: Partial<PromotionRequest> = {}) {
  const lines: string[] = [];
  const sleeps: number[] = [];
  const request: PromotionRequest = {
    bucket,
    from: 'staging',
    to: 'production',
    functionName: FUNCTION_NAME,
    distributionId: DISTRIBUTION_ID,
    functionCode: FUNCTION_CODE,
    dryRun: false,
    callerReference: `promote-test-${bucket}`,
    pollIntervalMs: 10_000,
    ...overrides,
  };
  const run = runPromotion(
    { s3, cloudfront, log: (line) => lines.push(line), sleep: async (ms) => void sleeps.push(ms) },
    request,
  );
  return { run, lines, sleeps };
}

const stagingAsProduction = () =>
  Object.fromEntries(STAGING_PAGES.map((p) => [p.key.replace('staging/', 'production/'), { body: p.body, type: p.type, cache: p.cache }]));

describe('npm run promote', () => {
  it('a dry run prints the plan and changes nothing', async () => {
    const before = await snapshot('production/');

    const { run, lines } = promote({ dryRun: true });
    const report = await run;

    expect(report.outcome).toBe('dry-run');
    expect(await snapshot('production/')).toEqual(before);
    // Only the read: the function is described to show its state in the plan.
    expect(cf.calls().map((call) => call.args[0].constructor.name)).toEqual(['DescribeFunctionCommand']);
    const printed = lines.join('\n');
    expect(printed).toContain('staging/pages/track.js → production/pages/track.js');
    expect(printed).toContain(FUNCTION_NAME);
    expect(printed).toContain('/track* /book* /dashboard*');
    expect(printed).toContain('nothing was changed');
  });

  it('copies the pages with their content type and cache headers, never touching production data', async () => {
    const dataBefore = (await snapshot('production/data/'))[PRODUCTION_DATA.key];

    const { run, lines, sleeps } = promote();
    const report = await run;

    expect(report.outcome).toBe('promoted');
    const pages = await snapshot('production/pages/');
    for (const [key, expected] of Object.entries(stagingAsProduction())) expect(pages[key]).toMatchObject(expected);
    expect(pages['production/pages/old.html']?.body).toBe('an old page');
    const dataAfter = (await snapshot('production/data/'))[PRODUCTION_DATA.key];
    expect(dataAfter).toEqual(dataBefore);
    expect(dataAfter?.body).toBe(PRODUCTION_DATA.body);

    // The IfMatch chain: DescribeFunction's ETag → UpdateFunction → its new ETag → PublishFunction.
    const update = cf.commandCalls(UpdateFunctionCommand).map((call) => call.args[0].input);
    expect(update).toEqual([
      expect.objectContaining({
        Name: FUNCTION_NAME,
        IfMatch: 'ETVPDKIKX0DER',
        FunctionCode: FUNCTION_CODE,
        FunctionConfig: expect.objectContaining({ Runtime: 'cloudfront-js-2.0', Comment: 'rewrites /track and /book' }),
      }),
    ]);
    expect(cf.commandCalls(PublishFunctionCommand).map((call) => call.args[0].input)).toEqual([
      { Name: FUNCTION_NAME, IfMatch: 'E3UN6WX5RRO2AG' },
    ]);
    const [created] = cf.commandCalls(CreateInvalidationCommand).map((call) => call.args[0].input);
    expect(created?.DistributionId).toBe(DISTRIBUTION_ID);
    expect(created?.InvalidationBatch?.Paths).toEqual({
      Quantity: 7,
      Items: ['/', '/index.html', '/track*', '/book*', '/dashboard*', '/assets/*', '/site.css'],
    });
    // Waited through InProgress, InProgress, Completed.
    expect(cf.commandCalls(GetInvalidationCommand)).toHaveLength(3);
    expect(sleeps).toEqual([10_000, 10_000]);
    expect(lines).toContain('  invalidation I2J0I21PCUYOIK: InProgress (10s)…');
    expect(lines).toContain('  invalidation I2J0I21PCUYOIK: Completed after 20s');
  });

  it('copies between the two stage stacks\' buckets when each stage has its own (--from-bucket)', async () => {
    const productionBucket = `${bucket}-prod`;
    await s3.send(new CreateBucketCommand({ Bucket: productionBucket }));
    const report = await promote({ bucket: productionBucket, fromBucket: bucket }).run;
    expect(report.outcome).toBe('promoted');
    const copied = await s3.send(new GetObjectCommand({ Bucket: productionBucket, Key: 'production/pages/track.js' }));
    expect(await copied.Body!.transformToString()).toBe('console.log("track")');
    expect(copied.ContentType).toBe('text/javascript; charset=utf-8');
    expect(copied.CacheControl).toBe('public, max-age=300');
  });

  it('recovers from a stale function ETag by re-reading it once', async () => {
    // Read for the plan, read before the update, then (after someone else's update) the re-read.
    const described = { ETag: 'ETVPDKIKX0DER', FunctionSummary: functionSummary('DEVELOPMENT', 'UNPUBLISHED') };
    cf.on(DescribeFunctionCommand)
      .resolvesOnce(described)
      .resolvesOnce(described)
      .resolves({ ETag: 'E2QWRUHEXAMPLE', FunctionSummary: functionSummary('DEVELOPMENT', 'UNPUBLISHED') });
    cf.on(UpdateFunctionCommand)
      .rejectsOnce(stale())
      .resolves({ ETag: 'E3UN6WX5RRO2AG', FunctionSummary: functionSummary('DEVELOPMENT', 'UNPUBLISHED') });

    const { run } = promote();
    await run;

    expect(cf.commandCalls(UpdateFunctionCommand).map((call) => call.args[0].input.IfMatch)).toEqual([
      'ETVPDKIKX0DER',
      'E2QWRUHEXAMPLE',
    ]);
    expect(cf.commandCalls(PublishFunctionCommand).map((call) => call.args[0].input.IfMatch)).toEqual(['E3UN6WX5RRO2AG']);
    expect(cf.commandCalls(CreateInvalidationCommand)).toHaveLength(1);
  });

  it('stops with a clear message when the ETag is stale a second time', async () => {
    cf.on(UpdateFunctionCommand).rejects(stale());

    const { run } = promote();

    await expect(run).rejects.toThrow(/step 3\/4 \(publish the edge function\).*stale ETag twice/);
    expect(cf.commandCalls(PublishFunctionCommand)).toHaveLength(0);
    expect(cf.commandCalls(CreateInvalidationCommand)).toHaveLength(0);
  });

  it('a re-run after a completed run copies nothing and leaves production the same', async () => {
    await promote().run;
    const afterFirst = await snapshot('production/');
    mockCloudFront();

    const report = await promote({ callerReference: 'promote-test-second-run' }).run;

    expect(report.copied).toEqual([]);
    expect(report.plan.unchanged).toHaveLength(STAGING_PAGES.length);
    expect(await snapshot('production/')).toEqual(afterFirst);
    expect(cf.commandCalls(PublishFunctionCommand)).toHaveLength(1);
    expect(cf.commandCalls(CreateInvalidationCommand)[0]?.args[0].input.InvalidationBatch?.CallerReference).toBe(
      'promote-test-second-run',
    );
  });

  it('a failure midway names the step, runs nothing after it, and leaves production data untouched', async () => {
    const dataBefore = await snapshot('production/data/');
    cf.on(UpdateFunctionCommand).rejects(
      new AccessDenied({
        message: `User: arn:aws:iam::123456789012:user/deploy is not authorized to perform: cloudfront:UpdateFunction`,
        $metadata: { httpStatusCode: 403 },
      }),
    );

    const { run } = promote();

    await expect(run).rejects.toThrow(/stopped at step 3\/4 \(publish the edge function\): AccessDenied: User: .*UpdateFunction/);
    expect(cf.commandCalls(CreateInvalidationCommand)).toHaveLength(0);
    expect(await snapshot('production/data/')).toEqual(dataBefore);
  });

  it('stops waiting for an invalidation that never completes, saying how to check it', async () => {
    cf.on(GetInvalidationCommand).resolves({ Invalidation: invalidation('InProgress') });

    const { run, sleeps } = promote({ maxWaitMs: 60_000 });

    await expect(run).rejects.toThrow(/step 4\/4 \(invalidate the CDN cache\).*still InProgress after 1m00s.*get-invalidation/s);
    expect(sleeps).toHaveLength(6);
  });
});

function stale(): PreconditionFailed {
  return new PreconditionFailed({
    message: 'The precondition given in one or more of the request-header fields evaluated to false.',
    $metadata: { httpStatusCode: 412 },
  });
}

describe('promote refuses what could hurt production', () => {
  it.each([
    'production/data/jobs.json',
    'production/pages/../data/jobs.json',
    'production/pages/',
    'staging/pages/track.html',
    'production/pagesx/track.html',
  ])('refuses to write %s', (key) => {
    expect(() => assertPagesKey(key, 'production')).toThrow(/refusing key/);
  });

  it('refuses to promote a stage onto itself', () => {
    const target = { bucket: 'b', from: 'production', to: 'production', functionName: 'f', distributionId: 'd' };
    expect(() => planPromotion({ ...target, source: [], destination: [] })).toThrow(/both "production"/);
  });

  const complete = ['--from', 'staging', '--to', 'production', '--bucket', 'b', '--distribution-id', 'E1', '--function-name', 'f'];
  it.each([
    ['--bucket', complete.filter((_, i) => i !== 4 && i !== 5)],
    ['--distribution-id', complete.filter((_, i) => i !== 6 && i !== 7)],
    ['--function-name', complete.filter((_, i) => i !== 8 && i !== 9)],
    ['--to', ['--from', 'staging', '--to', 'staging', ...complete.slice(4)]],
    ['--from', ['--from', '../data', ...complete.slice(2)]],
  ])('a bad or missing %s is named in the error', (flag, argv) => {
    expect(() => parsePromoteArgs(argv, {})).toThrow(ConfigError);
    expect(() => parsePromoteArgs(argv, {})).toThrow(new RegExp(`^${flag.replace(/-/g, '\\-')}:`));
  });

  it('takes the region from AWS_REGION when no --region is given', () => {
    expect(parsePromoteArgs(complete, { AWS_REGION: 'eu-west-1' }).region).toBe('eu-west-1');
    expect(parsePromoteArgs([...complete, '--region', 'us-west-2'], { AWS_REGION: 'eu-west-1' }).region).toBe('us-west-2');
  });
});
