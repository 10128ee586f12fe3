/**
 * The AWS ObjectStore: objects live at s3://<bucket>/<prefix>/<key>; compare-and-swap is S3's conditional PutObject.
 *
 * Conditional writes need `IfMatch` on PutObjectCommand, which exists only from @aws-sdk/client-s3 3.700.0; an older
 * SDK drops the unknown member silently and every write becomes a blind overwrite. That is why the client is bundled
 * (never the Lambda runtime's copy) and why test/handlers/s3-store.test.ts asserts the header on the wire.
 *
 * S3 refuses a conditional write in three ways, all of which mean "your copy is stale, re-read" and become
 * ConflictError (shapes checked against /work/shared/vectors/s3-conditional-write-errors.json):
 * 412 PreconditionFailed, 409 ConditionalRequestConflict (another conditional write in flight; the SDK does not
 * retry it), and 404 NoSuchKey for If-Match on a key that no longer exists. One refusal is not a conflict: the SDK's
 * own retry of a write that did land (its reply was lost) is refused against that very write; see put().
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { ConfigError, ConflictError } from '../domain/errors';
import type { NotModified, ObjectStore, StoredObject, WriteCondition } from '../domain/ports';
import type { Config } from './config';

export interface S3StoreOptions {
  readonly client: S3Client;
  readonly bucket: string;
  /** Folder inside the bucket, e.g. "production/data"; "" keeps objects at the bucket's root. */
  readonly prefix: string;
}

/** The store over one bucket prefix. */
export function createS3Store({ client, bucket, prefix }: S3StoreOptions): ObjectStore {
  const folder = prefix.replace(/^\/+|\/+$/g, '');
  const objectKey = (key: string): string => (folder === '' ? key : `${folder}/${key}`);

  function get(key: string): Promise<StoredObject | null>;
  function get(key: string, options: { readonly ifNoneMatch: string }): Promise<StoredObject | NotModified | null>;
  async function get(key: string, options?: { readonly ifNoneMatch: string }): Promise<StoredObject | NotModified | null> {
    const Key = objectKey(key);
    try {
      const response = await client.send(
        new GetObjectCommand({ Bucket: bucket, Key, ...(options ? { IfNoneMatch: options.ifNoneMatch } : {}) }),
      );
      const body = (await response.Body?.transformToString('utf-8')) ?? '';
      return { body, etag: requireEtag(response.ETag, bucket, Key) };
    } catch (error) {
      // A missing object is 404 NoSuchKey. A missing bucket (404 NoSuchBucket) is a configuration problem, and
      // without s3:ListBucket on the prefix S3 answers 403 instead of 404: both must surface, not read as empty.
      const name = errorName(error);
      // GetObject with If-None-Match answers 304 (no body) while the object still has that ETag; the SDK throws it.
      if (options && (statusOf(error) === 304 || name === 'NotModified')) return { etag: options.ifNoneMatch, notModified: true };
      if (name === 'NoSuchKey' || (statusOf(error) === 404 && name !== 'NoSuchBucket')) return null;
      throw error;
    }
  }

  async function put(key: string, body: string, condition: WriteCondition, contentType?: string): Promise<string> {
    const Key = objectKey(key);
    const conditional = 'ifMatch' in condition ? { IfMatch: condition.ifMatch } : { IfNoneMatch: condition.ifNoneMatch };
    try {
      const response = await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key,
          Body: body,
          ContentType: contentType ?? 'application/octet-stream',
          ...conditional,
        }),
      );
      return requireEtag(response.ETag, bucket, Key);
    } catch (error) {
      const reason = conflictReason(error, condition);
      if (reason === null) throw error;
      // The SDK retries a PUT whose reply it never got (5xx, dropped connection). If that first attempt did land,
      // the retry's condition fails against our own write; reporting a conflict would make updateJobs apply the
      // change a second time. So after a retried attempt, a conflict where our exact bytes are stored is success.
      if (attemptsOf(error) > 1) {
        const stored = await get(key);
        if (stored !== null && stored.body === body) return stored.etag;
      }
      throw new ConflictError(`s3://${bucket}/${Key}: ${reason}`, { cause: error });
    }
  }

  /** ListObjectsV2, page by page (1,000 keys a page); keys come back without the store's folder. */
  async function list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    const strip = folder === '' ? 0 : folder.length + 1;
    let ContinuationToken: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: objectKey(prefix), ContinuationToken }));
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key.slice(strip));
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return keys.sort();
  }

  /** DeleteObject; S3 answers 204 whether or not the key existed, so a repeated delete is harmless. */
  async function remove(key: string): Promise<void> {
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
  }

  return { get, put, list, delete: remove };
}

/** Why S3 refused a conditional write, or null when the error is something else (and must propagate unchanged). */
function conflictReason(error: unknown, condition: WriteCondition): string | null {
  const name = errorName(error);
  const status = statusOf(error);
  const sent = 'ifMatch' in condition ? `If-Match: ${condition.ifMatch}` : 'If-None-Match: *';
  if (name === 'PreconditionFailed' || status === 412) return `precondition failed (${sent})`;
  // Matched by name: other 409s (e.g. OperationAborted) are not about our condition.
  if (name === 'ConditionalRequestConflict') return `a concurrent conditional write is in progress (${sent})`;
  // Matched by name: a 404 NoSuchBucket is a configuration problem, not a stale copy.
  if (name === 'NoSuchKey' && 'ifMatch' in condition) return `the object no longer exists (${sent})`;
  return null;
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

function statusOf(error: unknown): number | undefined {
  const metadata = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata;
  return metadata?.httpStatusCode;
}

/** How many HTTP attempts the SDK made (its retries included); 1 when unknown. */
function attemptsOf(error: unknown): number {
  return (error as { $metadata?: { attempts?: number } } | null)?.$metadata?.attempts ?? 1;
}

function requireEtag(etag: string | undefined, bucket: string, key: string): string {
  // Without an ETag there is no compare-and-swap; refuse rather than write blind later.
  if (!etag) throw new Error(`s3://${bucket}/${key}: the S3 endpoint returned no ETag`);
  return etag;
}

/**
 * The S3 store that `STORE=s3` configures. An endpoint (s3rver, MinIO) implies path-style addressing, since such
 * servers rarely resolve <bucket>.<host>. Credentials come from the SDK's default chain (the Lambda role, or
 * AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY locally) unless `overrides` supplies them.
 */
export function s3StoreFromConfig(config: Config, overrides: Partial<S3ClientConfig> = {}): ObjectStore {
  const store = config.store;
  if (store.kind !== 's3') {
    throw new ConfigError('STORE', `is "${store.kind}", so there is no S3 store to build; set STORE=s3`);
  }
  const client = new S3Client({
    region: store.region,
    ...(store.endpoint === null ? {} : { endpoint: store.endpoint, forcePathStyle: true }),
    ...overrides,
  });
  return createS3Store({ client, bucket: store.bucket, prefix: store.prefix });
}
