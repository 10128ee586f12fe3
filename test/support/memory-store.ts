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
    async get(key) {
      const body = objects.get(key);
      return body === undefined ? null : { body, etag: etagOf(body) };
    },
    async put(key, body, condition) {
      const current = objects.get(key);
      if ('ifNoneMatch' in condition ? current !== undefined : current === undefined || etagOf(current) !== condition.ifMatch) {
        throw new ConflictError(`${key} changed`);
      }
      objects.set(key, body);
      return etagOf(body);
    },
  };
}
