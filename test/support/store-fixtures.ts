/**
 * Small builders shared by the store tests: a minimal valid job per customer, and the change that adds it.
 */
import { JobSchema, type Job, type JobsDocument } from '../../domain/jobs-document';
import type { Change } from '../../handlers/state';
import type { ObjectStore } from '../../domain/ports';
import { ConflictError } from '../../domain/errors';

/** The job code alphabet (no 0, 1, I, O): 32 symbols, so 4 of them number 1,048,576 jobs. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Customer number `n`'s freshly booked job: distinct id, code, token and phone for every n. */
export function bookedJob(n: number): Job {
  let code = '';
  for (let rest = n, i = 0; i < 4; i++, rest = Math.floor(rest / 32)) code = CODE_ALPHABET[rest % 32] + code;
  const at = '2025-06-02T15:00:00.000Z';
  return JobSchema.parse({
    id: `job_${n}`,
    code,
    token: `trk_${String(n).padStart(20, '0')}`,
    customer: { phone: `+1555555${String(n).padStart(4, '0')}` },
    location: `${100 + n} Soderblom Ave`,
    window: null,
    status: 'booking_confirmed',
    priceCents: null,
    createdAt: at,
    updatedAt: at,
  });
}

/** A change (for updateJobs) that adds `job` to the document. */
export function addJob(job: Job): (doc: JobsDocument) => Change<{ added: string }> {
  return (doc) => ({ doc: { ...doc, jobs: { ...doc.jobs, [job.id]: job } }, result: { added: job.id } });
}

/** Counts put() attempts and refusals passing through a store, to report how hard a race was. */
export function countingStore(store: ObjectStore): ObjectStore & { readonly puts: number; readonly conflicts: number } {
  const counts = { puts: 0, conflicts: 0 };
  return {
    get: ((key: string, options?: { ifNoneMatch: string }) => (options ? store.get(key, options) : store.get(key))) as ObjectStore['get'],
    list: (prefix) => store.list(prefix),
    delete: (key) => store.delete(key),
    async put(key, body, condition, contentType) {
      counts.puts++;
      try {
        return await store.put(key, body, condition, contentType);
      } catch (error) {
        if (error instanceof ConflictError) counts.conflicts++;
        throw error;
      }
    },
    get puts() {
      return counts.puts;
    },
    get conflicts() {
      return counts.conflicts;
    },
  };
}

/** What a FaultyStore does to the puts it is told to spoil. */
export interface Faults {
  /** Puts of `key` to let through before the first spoiled one. */
  skip: number;
  /** How many puts of `key` to spoil after that. */
  count: number;
  /** A conflict (another writer won), or an outage (S3 500 / network error: the write did not land). */
  kind: 'conflict' | 'outage';
  key: string;
}

/**
 * A store that spoils chosen puts on cue: `faults.arm({ count: 1, kind: 'outage', key: 'jobs.json' })`. Reads,
 * lists and deletes pass through. It stands in for a store under contention or having a bad minute.
 */
export function faultyStore(store: ObjectStore): ObjectStore & { arm(faults: Partial<Faults> & { count: number }): void; readonly spoiled: number } {
  let faults: Faults | null = null;
  let spoiled = 0;
  return {
    get: ((key: string, options?: { ifNoneMatch: string }) => (options ? store.get(key, options) : store.get(key))) as ObjectStore['get'],
    list: (prefix) => store.list(prefix),
    delete: (key) => store.delete(key),
    async put(key, body, condition, contentType) {
      if (faults && faults.count > 0 && key === faults.key) {
        if (faults.skip > 0) faults.skip--;
        else {
          faults.count--;
          spoiled++;
          if (faults.kind === 'conflict') throw new ConflictError(`${key}: spoiled on cue (conflict)`);
          throw Object.assign(new Error(`${key}: spoiled on cue (InternalError)`), { name: 'InternalError', $metadata: { httpStatusCode: 500 } });
        }
      }
      return store.put(key, body, condition, contentType);
    },
    arm(next) {
      faults = { skip: 0, kind: 'outage', key: 'jobs.json', ...next };
    },
    get spoiled() {
      return spoiled;
    },
  };
}
