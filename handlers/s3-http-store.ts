/**
 * The S3 ObjectStore over node:http(s), each request signed with aws4 (SigV4 for node:http, synchronous
 * node:crypto, ~10 KB): the same contract as s3-store.ts (the @aws-sdk/client-s3 store) for the webhook's few calls,
 * without the SDK's load time. Measured by `npm run bench` (section "Lambda cold start"): loading
 * @aws-sdk/client-s3 was about half of our cold start. The requests go out through node:http rather than global
 * fetch: a process's first fetch loads undici's HTTP client and its WebAssembly parser, which cost a cold start more
 * than the request itself. aws4 rather than its sibling aws4fetch: aws4fetch signs a Web Request with WebCrypto,
 * whose first (asynchronous, thread-pool) use cost a cold start's first write ~30 ms of CPU for four HMACs.
 *
 * Wire format from the S3 API Reference (GetObject, PutObject with If-Match / If-None-Match, the XML error
 * document `<Error><Code>…</Code></Error>`), checked against /work/shared/vectors/s3-conditional-write-errors.json
 * and, in test/handlers/s3-http-store.test.ts, against s3rver behind the proxy that enforces S3's conditional
 * writes — the same suite the SDK store passes.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { sign } from 'aws4';
import { ConflictError } from '../domain/errors';
import type { NotModified, ObjectStore, StoredObject, WriteCondition } from '../domain/ports';

export interface S3Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Lambda's role credentials are temporary and come with a session token. */
  readonly sessionToken?: string | null;
}

export interface S3HttpStoreOptions {
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
export function createS3HttpStore(options: S3HttpStoreOptions): ObjectStore {
  const { bucket, region, endpoint, credentials } = options;
  const attempts = options.attempts ?? 3;
  const signer = {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
  };
  const folder = options.prefix.replace(/^\/+|\/+$/g, '');
  const base = endpoint === null ? `https://${bucket}.s3.${region}.amazonaws.com` : `${endpoint.replace(/\/+$/, '')}/${bucket}`;
  const objectKey = (key: string): string => (folder === '' ? key : `${folder}/${key}`);
  const urlOf = (key: string): string => `${base}/${objectKey(key).split('/').map(encodeURIComponent).join('/')}`;
  const name = (key: string): string => `s3://${bucket}/${objectKey(key)}`;

  /** One signed request, retried on a network error or a 5xx; the last response and how many attempts it took. */
  async function send(url: string, init: { method: string; headers?: Record<string, string>; body?: string }): Promise<{ response: HttpResponse; tries: number }> {
    for (let tries = 1; ; tries++) {
      try {
        const response = await exchange(url, init.method, signedHeaders(url, init.method, init.headers ?? {}), init.body);
        if (response.status < 500 || tries >= attempts) return { response, tries };
      } catch (error) {
        if (tries >= attempts) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** tries));
    }
  }

  /**
   * SigV4 headers for one request, signed afresh for each attempt (the date is part of the signature). The body is
   * not signed: UNSIGNED-PAYLOAD, as S3 allows over TLS (which carries the body's integrity), so a megabyte
   * document is not hashed once more on every write.
   */
  function signedHeaders(url: string, method: string, headers: Record<string, string>): Record<string, string> {
    const target = new URL(url);
    const signed = sign(
      {
        service: 's3',
        region,
        method,
        host: target.host,
        path: `${target.pathname}${target.search}`,
        headers: { ...headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      },
      signer,
    );
    return signed.headers as Record<string, string>;
  }

  function get(key: string): Promise<StoredObject | null>;
  function get(key: string, options: { readonly ifNoneMatch: string }): Promise<StoredObject | NotModified | null>;
  async function get(key: string, options?: { readonly ifNoneMatch: string }): Promise<StoredObject | NotModified | null> {
    const { response } = await send(urlOf(key), { method: 'GET', ...(options ? { headers: { 'if-none-match': options.ifNoneMatch } } : {}) });
    // GetObject with If-None-Match: 304 and no body while the object still has that ETag.
    if (response.status === 304 && options) return { etag: options.ifNoneMatch, notModified: true };
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
    if (response.ok) return requireEtag(response, name(key));
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

  /** ListObjectsV2 (GET ?list-type=2), page by page; keys come back without the store's folder, in key order. */
  async function list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    const strip = folder === '' ? 0 : folder.length + 1;
    let token: string | null = null;
    do {
      const query = new URLSearchParams({ 'list-type': '2', prefix: objectKey(prefix) });
      if (token) query.set('continuation-token', token);
      const { response } = await send(`${base}?${query.toString()}`, { method: 'GET' });
      const xml = await response.text();
      if (!response.ok) throw new Error(`s3://${bucket}: ListObjectsV2 answered ${response.status} ${/<Code>([^<]+)<\/Code>/.exec(xml)?.[1] ?? ''}`.trim());
      for (const match of xml.matchAll(/<Contents>[\s\S]*?<Key>([^<]*)<\/Key>[\s\S]*?<\/Contents>/g)) keys.push(xmlText(match[1]!).slice(strip));
      token = /<IsTruncated>true<\/IsTruncated>/.test(xml) ? xmlText(/<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1] ?? '') || null : null;
    } while (token);
    return keys.sort();
  }

  /** DeleteObject: 204 whether or not the key existed, so a repeated delete is harmless. */
  async function remove(key: string): Promise<void> {
    const { response } = await send(urlOf(key), { method: 'DELETE' });
    if (response.ok) return;
    const code = await errorCode(response);
    if (response.status === 404 && code === 'NoSuchKey') return;
    throw new Error(`${name(key)}: DELETE answered ${response.status} ${code ?? ''}`.trim());
  }

  return { get, put, list, delete: remove };
}

/** The text of an XML element: the five predefined entities and numeric references decoded. */
function xmlText(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[entity]!;
  });
}

/** What the store needs of an HTTP response: the body is read whole (S3's answers here are small or wanted). */
interface HttpResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** Sends one request with node:http(s) and reads the whole answer. */
function exchange(url: string, method: string, headers: Record<string, string>, body: string | undefined): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    // Encoded once, for its length and to send. An explicit length: without one node:http streams the body
    // chunked, which S3 refuses for a plain PUT.
    const bytes = body === undefined ? undefined : Buffer.from(body, 'utf8');
    const length = bytes === undefined ? {} : { 'content-length': String(bytes.length) };
    const request = send(url, { method, headers: { ...headers, ...length } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = response.statusCode ?? 0;
        resolve({
          status,
          ok: status >= 200 && status < 300,
          headers: { get: (name) => [response.headers[name.toLowerCase()]].flat()[0] ?? null },
          text: async () => text,
        });
      });
    });
    request.on('error', reject);
    request.end(bytes);
  });
}

/** The S3 error document's <Code>, or null when the body has none. */
async function errorCode(response: HttpResponse): Promise<string | null> {
  const text = await response.text();
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

function requireEtag(response: HttpResponse, object: string): string {
  const etag = response.headers.get('etag');
  // Without an ETag there is no compare-and-swap; refuse rather than write blind later.
  if (!etag) throw new Error(`${object}: the S3 endpoint returned no ETag`);
  return etag;
}
