/** The S3 side of promote: list a stage's pages and copy one page across, server-side. */
import { CopyObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { assertPagesKey, type PageCopy, type StoredObject } from './plan';

/**
 * Every object under `prefix`, following continuation tokens (ListObjectsV2 returns at most 1000 per page).
 * @example await listObjects(s3, 'my-bucket', 'staging/pages/') // [{ key: 'staging/pages/index.html', etag: '"9b…"', size: 812 }]
 */
export async function listObjects(s3: S3Client, bucket: string, prefix: string): Promise<StoredObject[]> {
  const objects: StoredObject[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const item of page.Contents ?? []) {
      if (item.Key === undefined || item.ETag === undefined) continue;
      // "Folder" placeholder objects (key ending in /) made by consoles are not pages.
      if (item.Key.endsWith('/')) continue;
      objects.push({ key: item.Key, etag: item.ETag, size: item.Size ?? 0 });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return objects;
}

/**
 * CopySource is "bucket/key" URL-encoded; encoding per path segment keeps the slashes, which both S3 and s3rver
 * (it only decodeURI()s the header) read back to the same key.
 * @example copySource('b', 'staging/pages/a b.html') // 'b/staging/pages/a%20b.html'
 */
export function copySource(bucket: string, key: string): string {
  return [bucket, ...key.split('/')].map(encodeURIComponent).join('/');
}

/**
 * Server-side copy of one page, keeping Content-Type, Cache-Control and the rest (MetadataDirective COPY).
 * Refuses any destination outside `<to>/pages/`.
 */
export async function copyPage(s3: S3Client, bucket: string, to: string, copy: PageCopy, fromBucket = bucket): Promise<void> {
  assertPagesKey(copy.destinationKey, to);
  await s3.send(
    new CopyObjectCommand({
      Bucket: bucket,
      Key: copy.destinationKey,
      CopySource: copySource(fromBucket, copy.sourceKey),
      CopySourceIfMatch: copy.sourceEtag,
      MetadataDirective: 'COPY',
    }),
  );
}
