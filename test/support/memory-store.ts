/**
 * An ObjectStore in memory with the same compare-and-swap contract as the file and S3 stores (a real
 * implementation of the port, for tests that need a store but no files).
 */
import { createHash } from 'node:crypto';
import { ConflictError } from '../../domain/errors';
import type { ObjectStore } from '../../domain/ports';

export function memoryStore(): ObjectStore & { readonly objects: Map<string, string> } {
  const objects = new Map<string, string>();
  const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
  return {
    objects,
    async get(key: string, options?: { readonly ifNoneMatch: string }) {
      const body = objects.get(key);
      if (body === undefined) return null;
      const etag = etagOf(body);
      return options?.ifNoneMatch === etag ? { etag, notModified: true as const } : { body, etag };
    },
    async put(key, body, condition) {
      const current = objects.get(key);
      if ('ifNoneMatch' in condition ? current !== undefined : current === undefined || etagOf(current) !== condition.ifMatch) {
        throw new ConflictError(`${key} changed`);
      }
      objects.set(key, body);
      return etagOf(body);
    },
    async list(prefix) {
      return [...objects.keys()].filter((key) => key.startsWith(prefix)).sort();
    },
    async delete(key) {
      objects.delete(key);
    },
  } as ObjectStore & { readonly objects: Map<string, string> };
}
