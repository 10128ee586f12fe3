/**
 * A read-only view of jobs.json for the public, high-traffic readers (/api/track, /healthz): parsed once per
 * version of the document and looked up by tracking token in a Map, instead of parsing and scanning the whole
 * document per request (92 ms at 2.76 MB). The store is asked again at most every `maxAgeMs` (1 s): a tracking page
 * refreshes every 30 s, so a second of staleness is invisible, and a flood of requests costs one read a second.
 * Writers never use this: they read fresh inside their compare-and-swap loop (handlers/state.ts).
 */
import type { Job, JobsDocument } from '../domain/jobs-document';
import type { ObjectStore } from '../domain/ports';
import { getReadable, jobsFromStored, JOBS_KEY } from './state';

export interface Snapshot {
  readonly doc: JobsDocument;
  /** The store's ETag of the version read; null when jobs.json does not exist yet. */
  readonly etag: string | null;
  readonly byToken: ReadonlyMap<string, Job>;
}

export interface JobsSnapshot {
  /**
   * The current snapshot (`fresh`: asking the store now rather than reusing one up to `maxAgeMs` old); throws
   * StoreUnreadableError when jobs.json cannot be read.
   */
  current(options?: { fresh?: boolean }): Promise<Snapshot>;
}

/**
 * @example const jobs = jobsSnapshot(deps.store); (await jobs.current()).byToken.get(token)
 */
export function jobsSnapshot(store: ObjectStore, options: { maxAgeMs?: number; now?: () => number } = {}): JobsSnapshot {
  const maxAgeMs = options.maxAgeMs ?? 1000;
  // Wall time, not the business clock: this measures how old our copy is.
  const now = options.now ?? Date.now;
  let memo: { snapshot: Snapshot; readAt: number } | null = null;
  let inFlight: Promise<Snapshot> | null = null;

  const refresh = async (): Promise<Snapshot> => {
    const stored = await getReadable(store, JOBS_KEY);
    const etag = stored?.etag ?? null;
    // Same version as last time: keep the parsed document and index (the parse is what costs).
    if (memo !== null && memo.snapshot.etag === etag && etag !== null) {
      memo = { snapshot: memo.snapshot, readAt: now() };
      return memo.snapshot;
    }
    const { doc } = jobsFromStored(stored);
    const byToken = new Map(Object.values(doc.jobs).map((job) => [job.token, job]));
    memo = { snapshot: { doc, etag, byToken }, readAt: now() };
    return memo.snapshot;
  };

  return {
    current(options = {}) {
      if (!options.fresh && memo !== null && now() - memo.readAt < maxAgeMs) return Promise.resolve(memo.snapshot);
      // Concurrent requests share one read.
      inFlight ??= refresh().finally(() => (inFlight = null));
      return inFlight;
    },
  };
}

/**
 * The job a tracking token belongs to, or null. One small function so other lookups (an archive of finished jobs)
 * can be tried after it.
 * @example await findTrackedJob(snapshot, 'tok…') // { code: 'K7Q2', … } or null
 */
export async function findTrackedJob(jobs: JobsSnapshot, token: string): Promise<Job | null> {
  const found = (await jobs.current()).byToken.get(token);
  if (found) return found;
  // A job booked in the last second is not in a reused snapshot: a miss always asks the store (one read; the
  // document is parsed again only if its ETag changed).
  return (await jobs.current({ fresh: true })).byToken.get(token) ?? null;
}
