/**
 * Section "Lambda cold start": our HTTP bundle against the naive baseline (scripts/bench/fixtures/naive-handler.ts),
 * both built with our Lambda settings, each run in a fresh `node` process (scripts/bench/cold-start-child.cjs),
 * interleaved so machine load hits both alike, against the same real S3-protocol server (s3rver) and SES API
 * (aws-ses-v2-local). The event is an API Gateway v2 POST /sms of a signed booking text from a new number; the
 * time is from process start to the handler's answer, Node's own boot included (measured alone too).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import type { JobsDocument } from '../../domain/jobs-document';
import { createS3Store } from '../../handlers/s3-store';
import { sealJobs } from '../../handlers/jobs-seal';
import { JOBS_KEY } from '../../handlers/state';
import { twilioSignature } from '../../test/support/harness';
import { S3RVER_CREDENTIALS, startS3rver } from '../../test/support/s3rver';
import { startSesLocal } from '../../test/support/ses-local';
import { bundleLambda } from '../build-lambda';
import { LAMBDA_ENTRIES } from '../build-options';
import { coldRun, type ColdRun } from '../load-time';
import { percentile } from './stats';

import { NAIVE_HANDLER } from './naive';
const PUBLIC = 'https://dispatch.example.com';
const AUTH_TOKEN = 'bench-cold-start-token';
const BUCKET = 'qdn-bench';

function apiGatewayEvent(params: Record<string, string>): unknown {
  const body = new URLSearchParams(params).toString();
  return {
    version: '2.0',
    routeKey: 'POST /sms',
    rawPath: '/sms',
    rawQueryString: '',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      host: 'abc123xyz9.execute-api.us-east-1.amazonaws.com',
      'x-forwarded-proto': 'https',
      'x-twilio-signature': twilioSignature(AUTH_TOKEN, `${PUBLIC}/sms`, params),
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123xyz9',
      domainName: 'abc123xyz9.execute-api.us-east-1.amazonaws.com',
      http: { method: 'POST', path: '/sms', protocol: 'HTTP/1.1', sourceIp: '54.0.0.1', userAgent: 'TwilioProxy/1.1' },
      requestId: 'bench',
      routeKey: 'POST /sms',
      stage: '$default',
      timeEpoch: 1780583400000,
    },
    body: Buffer.from(body).toString('base64'),
    isBase64Encoded: true,
  };
}

export interface ColdStartResult {
  readonly ours: ColdRun[];
  readonly naive: ColdRun[];
  readonly node: ColdRun[];
  readonly oursBytes: number;
  readonly naiveBytes: number;
}

/** A summary of runs: median and p90 of the reply time, median load time. */
export function coldSummary(runs: readonly ColdRun[]): { replyP50: number; replyP90: number; loadP50: number } {
  const replies = runs.map((run) => run.replied).sort((a, b) => a - b);
  const loads = runs.map((run) => run.loaded).sort((a, b) => a - b);
  return { replyP50: percentile(replies, 50), replyP90: percentile(replies, 90), loadP50: percentile(loads, 50) };
}

/**
 * Builds both bundles, starts s3rver and aws-ses-v2-local, seeds jobs.json with `doc` for both, and runs `runs`
 * interleaved cold starts of each (order alternating), plus Node alone.
 */
export async function measureColdStarts(doc: JobsDocument, runs: number, maxMs: number): Promise<ColdStartResult> {
  const dir = await mkdtemp(join(tmpdir(), 'sms-dispatcher-cold-'));
  const s3 = await startS3rver([BUCKET]);
  const ses = await startSesLocal();
  try {
    const ours = await bundleLambda('http', LAMBDA_ENTRIES.http, dir);
    const naive = await bundleLambda('naive', NAIVE_HANDLER, dir);
    const client = new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
    // jobs.json as our writer leaves it, sealed (handlers/jobs-seal.ts); the naive handler just parses it.
    const body = sealJobs(doc);
    for (const prefix of ['ours/data', 'naive/data']) {
      await createS3Store({ client, bucket: BUCKET, prefix }).put(JOBS_KEY, body, { ifNoneMatch: '*' }, 'application/json');
    }
    const common = {
      PATH: process.env.PATH,
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      PUBLIC_BASE_URL: PUBLIC,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: s3.endpoint,
      S3_REGION: 'us-east-1',
      SES_REGION: 'us-east-1',
      SES_ENDPOINT: ses.endpoint,
      MAIL_FROM: 'bot@example.com',
      DISPATCH_EMAIL: 'dispatch@example.com',
    };
    const oursEnv = {
      ...common,
      S3_PREFIX: 'ours/data',
      STORE: 's3',
      BUSINESS_TZ: 'America/Chicago',
      TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
      TWILIO_FROM: '+15555550100',
      DASHBOARD_PASSWORD_HASH: 'scrypt$N=16384,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=',
      SESSION_SECRET: 'b'.repeat(40),
    };
    const naiveEnv = { ...common, S3_PREFIX: 'naive/data' };

    const result = { ours: [] as ColdRun[], naive: [] as ColdRun[], node: [] as ColdRun[] };
    const started = Date.now();
    for (let i = 0; i < runs && (i < 3 || Date.now() - started < maxMs); i++) {
      const params = {
        MessageSid: `SM${String(i).padStart(32, '0')}`,
        AccountSid: 'AC00000000000000000000000000000000',
        From: `+1555556${String(1000 + i).padStart(4, '0')}`,
        To: '+15555550100',
        Body: `ready this afternoon, ${100 + i} Soderblom Ave`,
        NumMedia: '0',
      };
      const eventFile = join(dir, `event-${i}.json`);
      await writeFile(eventFile, JSON.stringify(apiGatewayEvent(params)));
      const pair: [() => Promise<void>, () => Promise<void>] = [
        async () => void result.ours.push(await coldRun(ours.outfile, eventFile, oursEnv)),
        async () => void result.naive.push(await coldRun(naive.outfile, eventFile, naiveEnv)),
      ];
      // Alternate which goes first, so neither always runs on a machine the other just warmed or loaded.
      for (const run of i % 2 === 0 ? pair : [pair[1], pair[0]]) await run();
      result.node.push(await coldRun(null, eventFile, common));
    }
    return { ...result, oursBytes: ours.bytes, naiveBytes: naive.bytes };
  } finally {
    await ses.close();
    await s3.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The section's lines, and a problem when a run did not answer 200. */
export async function benchColdStart(doc: JobsDocument, maxMs: number, problems: string[]): Promise<string[]> {
  const result = await measureColdStarts(doc, 20, maxMs);
  const failed = [...result.ours, ...result.naive].filter((run) => run.status !== 200).length;
  if (failed > 0) problems.push(`cold start: ${failed} run(s) did not answer 200`);
  const ours = coldSummary(result.ours);
  const naive = coldSummary(result.naive);
  const node = coldSummary(result.node);
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  const ratio = ours.replyP50 / naive.replyP50;
  return [
    `runs: ${result.ours.length} of each, interleaved, fresh processes; jobs.json ${Math.round(JSON.stringify(doc).length / 1024)} KB`,
    `                 bundle     loaded (p50)   first TwiML (p50)   (p90)`,
    `ours (http)      ${(result.oursBytes / 1024).toFixed(0).padStart(4)} KB   ${fmt(ours.loadP50).padStart(10)}   ${fmt(ours.replyP50).padStart(16)}   ${fmt(ours.replyP90).padStart(6)}`,
    `naive baseline   ${(result.naiveBytes / 1024).toFixed(0).padStart(4)} KB   ${fmt(naive.loadP50).padStart(10)}   ${fmt(naive.replyP50).padStart(16)}   ${fmt(naive.replyP90).padStart(6)}`,
    `node alone                    ${fmt(node.replyP50).padStart(10)}`,
    `ratio ours / naive (first TwiML, p50): ${ratio.toFixed(2)}x (target <= 0.50x: ${ratio <= 0.5 ? 'met' : 'NOT met'}); node alone ${(node.replyP50 / naive.replyP50).toFixed(2)}x`,
  ];
}
