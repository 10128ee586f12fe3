/**
 * Picks the ObjectStore the configuration asks for: files under DATA_DIR locally, S3 in Lambda (or locally with
 * STORE=s3 against any S3-compatible endpoint).
 *
 * With keys in the environment (always so in Lambda) S3 is reached through s3-http-store.ts, which signs its own
 * requests; otherwise through the SDK store, whose default credential chain also reads profiles and SSO. The SDK
 * store is loaded on first use only: loading @aws-sdk/client-s3 costs about half of a cold start.
 */
import type { ObjectStore } from '../domain/ports';
import type { Config } from './config';
import { createFileStore } from './file-store';
import { createS3HttpStore } from './s3-http-store';

/** The store for `config.store`. */
export function storeFromConfig(config: Config): ObjectStore {
  const store = config.store;
  if (store.kind === 'file') return createFileStore(store.dataDir);
  if (store.credentials !== null) {
    return createS3HttpStore({ bucket: store.bucket, prefix: store.prefix, region: store.region, endpoint: store.endpoint, credentials: store.credentials });
  }
  return lazyStore(async () => (await import('./s3-store')).s3StoreFromConfig(config));
}

/** A store built on its first call, so what it loads costs nothing until then. */
export function lazyStore(build: () => Promise<ObjectStore>): ObjectStore {
  let store: Promise<ObjectStore> | null = null;
  const ready = () => (store ??= build());
  return {
    get: (async (key: string, options?: { ifNoneMatch: string }) =>
      options ? (await ready()).get(key, options) : (await ready()).get(key)) as ObjectStore['get'],
    put: async (key, body, condition, contentType) => (await ready()).put(key, body, condition, contentType),
    list: async (prefix) => (await ready()).list(prefix),
    delete: async (key) => (await ready()).delete(key),
  };
}
