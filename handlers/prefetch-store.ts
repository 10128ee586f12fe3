/**
 * A store that starts reading a few objects the moment it is made. The Lambda entry wraps its store in one at
 * module load, so a new container asks S3 for jobs.json, crew.json and business.json while the runtime is still
 * fetching the first event, and the first text's three reads (one after another in the route) find their answers
 * already on the way: on a cold start the round trips overlap each other and the start-up instead of following it.
 *
 * A prefetched answer is used once, by the first plain read of its key, and only while it is young: after that
 * every read goes to the store as before. Using it is no staler than reading at that moment would have been a few
 * hundred milliseconds earlier, and jobs.json is still written only with If-Match on the ETag it came with.
 */
import type { NotModified, ObjectStore, StoredObject, WriteCondition } from '../domain/ports';

/** A prefetched answer older than this is not used (a container can be made long before its first request). */
export const PREFETCH_FRESH_MS = 2_000;

interface Prefetch {
  readonly at: number;
  /** Settles to the answer, or to `failed` when the read failed (the caller then reads for itself and sees why). */
  readonly answer: Promise<StoredObject | null | typeof failed>;
}

const failed = Symbol('failed');

/**
 * `store`, with `keys` already being read. `now` is the clock in ms (performance.now in Lambda).
 * @example const store = prefetching(s3Store, ['jobs.json', 'crew.json'], () => performance.now());
 */
export function prefetching(store: ObjectStore, keys: readonly string[], now: () => number): ObjectStore {
  const started = now();
  const pending = new Map<string, Prefetch>(
    keys.map((key) => [key, { at: started, answer: store.get(key).catch(() => failed) }]),
  );

  function get(key: string): Promise<StoredObject | null>;
  function get(key: string, options: { readonly ifNoneMatch: string }): Promise<StoredObject | NotModified | null>;
  async function get(key: string, options?: { readonly ifNoneMatch: string }): Promise<StoredObject | NotModified | null> {
    const prefetch = options ? undefined : pending.get(key);
    pending.delete(key);
    if (prefetch && now() - prefetch.at < PREFETCH_FRESH_MS) {
      const answer = await prefetch.answer;
      if (answer !== failed) return answer;
    }
    return options ? store.get(key, options) : store.get(key);
  }

  return {
    get,
    put(key: string, body: string, condition: WriteCondition, contentType?: string) {
      pending.delete(key); // a read after our own write must see it
      return store.put(key, body, condition, contentType);
    },
    list: (prefix) => store.list(prefix),
    delete(key) {
      pending.delete(key);
      return store.delete(key);
    },
  };
}
