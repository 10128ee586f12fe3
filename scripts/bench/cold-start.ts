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
import { LAMBDA_ENTRIES, LAMBDA_MEMORY_MB } from '../build-options';
import { coldRun, type ColdRun } from '../load-time';
import { startLatencyProxy } from './latency-proxy';
import { pairedRatio, percentile } from './stats';

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

/** The network delay the second cold-start row adds before each S3 and SES answer (see latency-proxy.ts). */
export const MODELLED_LATENCY_MS = 20;

/** One row of the section: up to `runs` pairs within `maxMs`, with `latencyMs` before every S3 and SES answer. */
export interface ColdStartRow {
  readonly runs: number;
  readonly maxMs: number;
  readonly latencyMs: number;
}

/**
 * Builds both bundles, starts s3rver and aws-ses-v2-local and seeds jobs.json with `doc` for both, once; then, for
 * each row, runs interleaved cold starts of each (order alternating), plus Node alone. With a row's `latencyMs`,
 * both handlers reach S3 and SES through proxies that hold each request that long (scripts/bench/latency-proxy.ts).
 */
export async function measureColdStarts(doc: JobsDocument, rows: readonly ColdStartRow[]): Promise<ColdStartResult[]> {
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

    const results: ColdStartResult[] = [];
    let sent = 0; // every text has its own MessageSid and sender, across rows
    for (const row of rows) {
      const s3Proxy = row.latencyMs > 0 ? await startLatencyProxy(s3.endpoint, row.latencyMs) : null;
      const sesProxy = row.latencyMs > 0 ? await startLatencyProxy(ses.endpoint, row.latencyMs) : null;
      const endpoints = { S3_ENDPOINT: s3Proxy?.endpoint ?? s3.endpoint, SES_ENDPOINT: sesProxy?.endpoint ?? ses.endpoint };
      try {
        const result = { ours: [] as ColdRun[], naive: [] as ColdRun[], node: [] as ColdRun[] };
        const started = Date.now();
        for (let i = 0; i < row.runs && (i < 3 || Date.now() - started < row.maxMs); i++, sent++) {
          const params = {
            MessageSid: `SM${String(sent).padStart(32, '0')}`,
            AccountSid: 'AC00000000000000000000000000000000',
            From: `+1555556${String(1000 + sent).padStart(4, '0')}`,
            To: '+15555550100',
            Body: `ready this afternoon, ${100 + sent} Soderblom Ave`,
            NumMedia: '0',
          };
          const eventFile = join(dir, `event-${sent}.json`);
          await writeFile(eventFile, JSON.stringify(apiGatewayEvent(params)));
          const pair: [() => Promise<void>, () => Promise<void>] = [
            async () => void result.ours.push(await coldRun(ours.outfile, eventFile, { ...oursEnv, ...endpoints })),
            async () => void result.naive.push(await coldRun(naive.outfile, eventFile, { ...naiveEnv, ...endpoints })),
          ];
          // Alternate which goes first, so neither always runs on a machine the other just warmed or loaded.
          for (const run of i % 2 === 0 ? pair : [pair[1], pair[0]]) await run();
          result.node.push(await coldRun(null, eventFile, common));
        }
        results.push({ ...result, oursBytes: ours.bytes, naiveBytes: naive.bytes });
      } finally {
        await sesProxy?.close();
        await s3Proxy?.close();
      }
    }
    return results;
  } finally {
    await ses.close();
    await s3.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function coldRows(label: string, result: ColdStartResult): string[] {
  const ours = coldSummary(result.ours);
  const naive = coldSummary(result.naive);
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  const wall = pairedRatio(result.ours, result.naive, (run) => run.replied);
  const cpu = pairedRatio(result.ours, result.naive, (run) => run.repliedCpu);
  return [
    `${label}: ${result.ours.length} runs of each`,
    `  ours (http)      ${(result.oursBytes / 1024).toFixed(0).padStart(4)} KB   ${fmt(ours.loadP50).padStart(10)}   ${fmt(ours.replyP50).padStart(16)}   ${fmt(ours.replyP90).padStart(6)}`,
    `  naive baseline   ${(result.naiveBytes / 1024).toFixed(0).padStart(4)} KB   ${fmt(naive.loadP50).padStart(10)}   ${fmt(naive.replyP50).padStart(16)}   ${fmt(naive.replyP90).padStart(6)}`,
    `  ratio ours / naive, first TwiML (median of pairs): wall ${wall.toFixed(2)}x, CPU ${cpu.toFixed(2)}x`,
  ];
}

/**
 * The section's lines, and a problem when a run did not answer 200. The target (<= 0.5x) is judged on the first
 * row, s3rver on this machine with no network between; the second row adds MODELLED_LATENCY_MS to every S3 and SES
 * request, where a handler's round trips one after another show.
 */
export async function benchColdStart(doc: JobsDocument, maxMs: number, problems: string[]): Promise<string[]> {
  const [local, modelled] = (await measureColdStarts(doc, [
    { runs: 20, maxMs: maxMs * 0.6, latencyMs: 0 },
    { runs: 12, maxMs: maxMs * 0.4, latencyMs: MODELLED_LATENCY_MS },
  ])) as [ColdStartResult, ColdStartResult];
  const failed = [local, modelled].flatMap((result) => [...result.ours, ...result.naive]).filter((run) => run.status !== 200).length;
  if (failed > 0) problems.push(`cold start: ${failed} run(s) did not answer 200`);
  const node = coldSummary(local.node);
  const naive = coldSummary(local.naive);
  const ratio = pairedRatio(local.ours, local.naive, (run) => run.replied);
  return [
    `fresh processes, interleaved, started with the Lambda runtime's heap flags for ${LAMBDA_MEMORY_MB} MB; jobs.json ${Math.round(JSON.stringify(doc).length / 1024)} KB`,
    `                   bundle     loaded (p50)   first TwiML (p50)   (p90)`,
    ...coldRows('s3rver and SES on this machine', local),
    ...coldRows(`with ${MODELLED_LATENCY_MS} ms before each S3 and SES answer (a model of the network)`, modelled),
    `node alone: ${node.replyP50.toFixed(0)} ms (${(node.replyP50 / naive.replyP50).toFixed(2)}x); target <= 0.50x on the first row: ${ratio <= 0.5 ? 'met' : 'NOT met'} (${ratio.toFixed(2)}x)`,
  ];
}
