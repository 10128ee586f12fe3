/**
 * Picks the ObjectStore the configuration asks for: files under DATA_DIR locally, S3 in Lambda (or locally with
 * STORE=s3 against any S3-compatible endpoint).
 */
import type { ObjectStore } from '../domain/ports';
import type { Config } from './config';
import { createFileStore } from './file-store';
import { s3StoreFromConfig } from './s3-store';

/** The store for `config.store`. */
export function storeFromConfig(config: Config): ObjectStore {
  return config.store.kind === 'file' ? createFileStore(config.store.dataDir) : s3StoreFromConfig(config);
}
