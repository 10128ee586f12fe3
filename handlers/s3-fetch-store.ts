/**
 * The S3 ObjectStore over `fetch`, signed with aws4fetch (SigV4, ~6 KB): the same contract as s3-store.ts (the
 * @aws-sdk/client-s3 store) for the webhook's few calls, without the SDK's load time. Measured by `npm run bench`
 * (section "Lambda cold start"): loading @aws-sdk/client-s3 is about half of our Lambda's cold start.
 *
 * Wire format from the S3 API Reference (GetObject, PutObject with If-Match / If-None-Match, the XML error
 * document `<Error><Code>…</Code></Error>`), checked against /work/shared/vectors/s3-conditional-write-errors.json
 * and, in test/handlers/s3-fetch-store.test.ts, against s3rver behind the proxy that enforces S3's conditional
 * writes — the same suite the SDK store passes.
 */
import { AwsClient } from 'aws4fetch';
import { ConflictError } from '../domain/errors';
import type { ObjectStore, StoredObject, WriteCondition } from '../domain/ports';

export interface S3Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Lambda's role credentials are temporary and come with a session token. */
  readonly sessionToken?: string | null;
}

export interface S3FetchStoreOptions {
  readonly bucket: string;
  /** Folder inside the bucket, e.g. "production/data"; "" keeps objects at the bucket's root. */
  readonly prefix: string;
  readonly region: string;
  /** An S3-compatible endpoint (s3rver, MinIO): path-style. Null: AWS, virtual-hosted style. */
  readonly endpoint: string | null;
  readonly credentials: S3Credentials;
  /** Attempts for a request that got no answer or a 5xx (S3's "please retry"); default 3. */
  readonly attempts?: number;
}

/** The store over one bucket prefix. */
export function createS3FetchStore(options: S3FetchStoreOptions): ObjectStore {
  const { bucket, region, endpoint, credentials } = options;
  const attempts = options.attempts ?? 3;
  const aws = new AwsClient({
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
    service: 's3',
    region,
    // Retries are ours: a retried conditional PUT needs the check below, which aws4fetch's own retry cannot make.
    retries: 0,
  });
  const folder = options.prefix.replace(/^\/+|\/+$/g, '');
  const base = endpoint === null ? `https://${bucket}.s3.${region}.amazonaws.com` : `${endpoint.replace(/\/+$/, '')}/${bucket}`;
  const objectKey = (key: string): string => (folder === '' ? key : `${folder}/${key}`);
  const urlOf = (key: string): string => `${base}/${objectKey(key).split('/').map(encodeURIComponent).join('/')}`;
  const name = (key: string): string => `s3://${bucket}/${objectKey(key)}`;

  /** One request, retried on a network error or a 5xx; returns the last response and how many attempts it took. */
  async function send(url: string, init: RequestInit): Promise<{ response: Response; tries: number }> {
    for (let tries = 1; ; tries++) {
      try {
        const response = await aws.fetch(url, init);
        if (response.status < 500 || tries >= attempts) return { response, tries };
        await response.arrayBuffer();
      } catch (error) {
        if (tries >= attempts) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** tries));
    }
  }

  async function get(key: string): Promise<StoredObject | null> {
    const { response } = await send(urlOf(key), { method: 'GET' });
    if (response.ok) {
      const body = await response.text();
      return { body, etag: requireEtag(response, name(key)) };
    }
    const code = await errorCode(response);
    // As the SDK store: a missing key reads as absent; a missing bucket, or a 403 (no s3:ListBucket makes S3 answer
    // 403 for a missing key), is a configuration problem and must surface.
    if (response.status === 404 && code !== 'NoSuchBucket') return null;
    throw new Error(`${name(key)}: GET answered ${response.status} ${code ?? ''}`.trim());
  }

  async function put(key: string, body: string, condition: WriteCondition, contentType?: string): Promise<string> {
    const headers: Record<string, string> = { 'content-type': contentType ?? 'application/octet-stream' };
    if ('ifMatch' in condition) headers['if-match'] = condition.ifMatch;
    else headers['if-none-match'] = condition.ifNoneMatch;
    const { response, tries } = await send(urlOf(key), { method: 'PUT', headers, body });
    if (response.ok) {
      await response.arrayBuffer();
      return requireEtag(response, name(key));
    }
    const code = await errorCode(response);
    const reason = conflictReason(response.status, code, condition);
    if (reason === null) throw new Error(`${name(key)}: PUT answered ${response.status} ${code ?? ''}`.trim());
    // A retried PUT whose first attempt landed (its reply was lost) is refused against our own write: when our
    // exact bytes are stored, that is success, not a conflict that would make updateJobs apply the change twice.
    if (tries > 1) {
      const stored = await get(key);
      if (stored !== null && stored.body === body) return stored.etag;
    }
    throw new ConflictError(`${name(key)}: ${reason}`);
  }

  return { get, put };
}

/** The S3 error document's <Code>, or null when the body has none. */
async function errorCode(response: Response): Promise<string | null> {
  const text = await response.text().catch(() => '');
  return /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? null;
}

/** Why S3 refused a conditional write (the same three refusals as s3-store.ts), or null for any other error. */
function conflictReason(status: number, code: string | null, condition: WriteCondition): string | null {
  const sent = 'ifMatch' in condition ? `If-Match: ${condition.ifMatch}` : 'If-None-Match: *';
  if (status === 412 || code === 'PreconditionFailed') return `precondition failed (${sent})`;
  if (code === 'ConditionalRequestConflict') return `a concurrent conditional write is in progress (${sent})`;
  if (code === 'NoSuchKey' && 'ifMatch' in condition) return `the object no longer exists (${sent})`;
  return null;
}

function requireEtag(response: Response, object: string): string {
  const etag = response.headers.get('etag');
  // Without an ETag there is no compare-and-swap; refuse rather than write blind later.
  if (!etag) throw new Error(`${object}: the S3 endpoint returned no ETag`);
  return etag;
}
