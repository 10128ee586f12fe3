/**
 * The Lambda entry points as AWS invokes them: API Gateway HTTP API payload v2.0 events (form bodies arrive
 * base64-encoded with isBase64Encoded: true, Host is the execute-api domain), configured only through the
 * environment, with jobs.json in a real S3-protocol server (s3rver) and mail through a real SES API
 * (aws-ses-v2-local). API Gateway itself cannot run here; the event follows its documented v2.0 shape.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { startS3rver, S3RVER_CREDENTIALS, type RunningS3rver } from '../support/s3rver';
import { startSesLocal, type RunningSesLocal } from '../support/ses-local';
import { twilioSignature, replyOf } from '../support/harness';

const PUBLIC = 'https://dispatch.example.com';
const TOKEN = 'lambda-test-token';
/** What CloudFront adds in X-Origin-Verify (template.yaml); without it the API answers 403. */
const ORIGIN_SECRET = 'cloudfront-origin-secret-0123456789abcdef';
let s3: RunningS3rver;
let ses: RunningSesLocal;
type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string; headers: Record<string, string>; isBase64Encoded?: boolean }>;
let http: Handler;
let sweep: () => Promise<Record<string, unknown>>;

beforeAll(async () => {
  s3 = await startS3rver(['qdn-test']);
  ses = await startSesLocal();
  const env: Record<string, string> = {
    PUBLIC_BASE_URL: PUBLIC,
    BUSINESS_TZ: 'America/Chicago',
    DISPATCH_EMAIL: 'dispatch@example.com',
    MAIL_FROM: 'bot@example.com',
    STORE: 's3',
    S3_BUCKET: 'qdn-test',
    S3_PREFIX: 'staging/data',
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: 'us-east-1',
    SES_REGION: 'us-east-1',
    SES_ENDPOINT: ses.endpoint,
    TWILIO_AUTH_TOKEN: TOKEN,
    TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
    TWILIO_FROM: '+15555550100',
    DASHBOARD_PASSWORD_HASH: 'scrypt$N=16384,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=',
    SESSION_SECRET: 'a'.repeat(40),
    ORIGIN_SECRET,
    AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
  };
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  http = (await import('../../handlers/lambda')).handler as unknown as Handler;
  sweep = (await import('../../handlers/sweep-lambda')).handler;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await s3?.close();
  await ses?.close();
});

/** Twilio's POST as it reaches the function through CloudFront (which adds X-Origin-Verify). */
function smsEvent(params: Record<string, string>, signature: string, extraHeaders: Record<string, string> = { 'x-origin-verify': ORIGIN_SECRET }): unknown {
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
      'x-twilio-signature': signature,
      ...extraHeaders,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123xyz9',
      domainName: 'abc123xyz9.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123xyz9',
      http: { method: 'POST', path: '/sms', protocol: 'HTTP/1.1', sourceIp: '54.0.0.1', userAgent: 'TwilioProxy/1.1' },
      requestId: 'req-1',
      routeKey: 'POST /sms',
      stage: '$default',
      time: '04/Jun/2026:14:30:00 +0000',
      timeEpoch: 1780583400000,
    },
    body: Buffer.from(body).toString('base64'),
    isBase64Encoded: true,
  };
}

const text = (body: string, sid: string) => ({
  MessageSid: sid,
  AccountSid: 'AC00000000000000000000000000000000',
  From: '+15555550123',
  To: '+15555550100',
  Body: body,
  NumMedia: '0',
});

describe('the Lambda entry points', () => {
  it('books a job from a base64-encoded API Gateway v2 event and stores jobs.json in S3', async () => {
    const params = text('ready this afternoon, Soderblom Ave', 'SM0000000000000000000000000000000a');
    const result = await http(smsEvent(params, twilioSignature(TOKEN, `${PUBLIC}/sms`, params)), {});
    expect(result.statusCode).toBe(200);
    expect(result.headers['content-type']).toMatch(/^text\/xml/);
    expect(replyOf(result.body)).toMatch(new RegExp(`^Thanks! .* Track it: ${PUBLIC}/track/[A-Za-z0-9_-]{24}$`));
    const client = new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
    const stored = await client.send(new GetObjectCommand({ Bucket: 'qdn-test', Key: 'staging/data/jobs.json' }));
    const doc = JSON.parse(await stored.Body!.transformToString());
    expect(Object.values(doc.jobs)).toHaveLength(1);
  });

  it('answers a forged event with 403 and writes nothing more', async () => {
    const params = text('cancel my pickup', 'SM0000000000000000000000000000000b');
    const result = await http(smsEvent(params, twilioSignature('wrong-token', `${PUBLIC}/sms`, params)), {});
    expect(result.statusCode).toBe(403);
  });

  it('emails the dispatcher through SES when a text needs a person, and the sweep finds nothing left to send', async () => {
    const params = text('do you also take old pianos??', 'SM0000000000000000000000000000000c');
    const result = await http(smsEvent(params, twilioSignature(TOKEN, `${PUBLIC}/sms`, params)), {});
    expect(replyOf(result.body)).toBe('Good question! A person at QuickDumpNow will text you back shortly.');
    const mail = (await ses.emails()).find((email) => email.body.text?.includes('old pianos'));
    expect(mail).toMatchObject({ from: 'bot@example.com', destination: { to: ['dispatch@example.com'] } });
    expect(await sweep()).toMatchObject({
      attempted: 0,
      sent: 0,
      failed: 0,
      parkedApplied: 0,
      parkedKept: 0,
      archived: { jobs: 0, unmatched: 0, months: [] },
    });
  });
});

/** An API call as API Gateway HTTP API (payload v2.0) hands it over; `sourceIp` is the peer API Gateway saw. */
function apiEvent(method: string, path: string, headers: Record<string, string>, body: string | null, sourceIp: string): unknown {
  return {
    version: '2.0',
    routeKey: 'ANY /api/{proxy+}',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc123xyz9.execute-api.us-east-1.amazonaws.com', 'x-forwarded-proto': 'https', ...headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123xyz9',
      domainName: 'abc123xyz9.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123xyz9',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp, userAgent: 'test' },
      requestId: `req-${Math.random()}`,
      routeKey: 'ANY /api/{proxy+}',
      stage: '$default',
      time: '04/Jun/2026:14:30:00 +0000',
      timeEpoch: 1780583400000,
    },
    body,
    isBase64Encoded: false,
  };
}

const booking = (phone: string) =>
  JSON.stringify({ name: 'Dana Whit', phone, address: '12 Soderblom Ave', day: '', part: '', items: 'a couch', website: '' });

describe('the Lambda entry refuses what did not come through our CloudFront', () => {
  it('a correctly signed text sent straight to the execute-api URL (no X-Origin-Verify) → 403', async () => {
    const params = text('ready this afternoon, 5 Elm St', 'SM0000000000000000000000000000000d');
    const signature = twilioSignature(TOKEN, `${PUBLIC}/sms`, params);
    expect((await http(smsEvent(params, signature, {}), {})).statusCode).toBe(403);
    expect((await http(smsEvent(params, signature, { 'x-origin-verify': 'guess' }), {})).statusCode).toBe(403);
  });

  it('bookings straight to API Gateway with a spoofed CloudFront-Viewer-Address → 403, every one', async () => {
    for (let i = 0; i < 5; i++) {
      const headers = { 'content-type': 'application/json', 'cloudfront-viewer-address': `198.51.100.${i}:443`, 'x-forwarded-for': `10.0.0.${i}` };
      const result = await http(apiEvent('POST', '/api/book', headers, booking(`+1555555${String(2000 + i)}`), '203.0.113.50'), {});
      expect(result.statusCode).toBe(403);
    }
  });

  it('through CloudFront, a rotating X-Forwarded-For gains nothing: the viewer address CloudFront wrote is the key', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const headers = {
        'content-type': 'application/json',
        'x-origin-verify': ORIGIN_SECRET,
        'cloudfront-viewer-address': '198.51.100.77:50123',
        'x-forwarded-for': `10.0.${i}.1, 130.176.0.1`,
      };
      const result = await http(apiEvent('POST', '/api/book', headers, booking(`+1555555${String(3000 + i)}`), '130.176.0.1'), {});
      statuses.push(result.statusCode);
    }
    expect(statuses).toEqual([...Array(10).fill(201), 429]);
    const other = { 'content-type': 'application/json', 'x-origin-verify': ORIGIN_SECRET, 'cloudfront-viewer-address': '[2001:db8::7]:443' };
    expect((await http(apiEvent('POST', '/api/book', other, booking('+15555553099'), '130.176.0.1'), {})).statusCode).toBe(201);
  });

  it('a 70 KB webhook body → 413, with the API security headers', async () => {
    const params = { ...text('x', 'SM0000000000000000000000000000000e'), Body: 'x'.repeat(70 * 1024) };
    const result = await http(smsEvent(params, 'unsigned'), {});
    expect(result.statusCode).toBe(413);
    expect(result.headers['x-content-type-options']).toBe('nosniff');
    expect(result.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('malformed percent-encoding → 400', async () => {
    const result = await http(apiEvent('GET', '/api/track/%ff', { 'x-origin-verify': ORIGIN_SECRET }, null, '130.176.0.1'), {});
    expect(result.statusCode).toBe(400);
  });
});
