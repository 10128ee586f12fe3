/**
 * Reading and compare-and-swap updating of jobs.json (and reading crew.json) over any ObjectStore.
 * This is the only place that writes the jobs document: read → pure change → conditional write, re-run on conflict.
 */
import { ConflictError } from '../domain/errors';
import { emptyJobsDocument, parseJobsDocument, type JobsDocument } from '../domain/jobs-document';
import { emptyRoster, readRoster, rosterProblemText, type CrewRoster, type RosterProblem } from '../domain/crew';
import type { ObjectStore, WriteCondition } from '../domain/ports';

export const JOBS_KEY = 'jobs.json';
export const CREW_KEY = 'crew.json';

export interface VersionedJobs {
  readonly doc: JobsDocument;
  /** The store's ETag, or null when jobs.json does not exist yet. */
  readonly etag: string | null;
}

/** A missing jobs.json reads as an empty document. An invalid one throws (never silently replaced). */
export async function readJobs(store: ObjectStore): Promise<VersionedJobs> {
  const stored = await store.get(JOBS_KEY);
  if (stored === null) return { doc: emptyJobsDocument(), etag: null };
  return { doc: parseJobsDocument(stored.body), etag: stored.etag };
}

export interface UpdateOptions {
  /** Attempts before giving up with ConflictError. */
  readonly maxAttempts?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** What a change returns: the next document (the same object when nothing changed: no write) and a result. */
export interface Change<R> {
  readonly doc: JobsDocument;
  readonly result: R;
}

/**
 * Applies `change` to the current jobs document and writes it only if nobody wrote in between (If-Match on the
 * ETag; If-None-Match: * for the first write). On conflict it re-reads and re-applies `change`, with full-jitter
 * exponential backoff, up to `maxAttempts`. `change` must be pure: it may run more than once.
 */
export async function updateJobs<R>(
  store: ObjectStore,
  change: (doc: JobsDocument) => Change<R>,
  options: UpdateOptions = {},
): Promise<R & { readonly version: number }> {
  const maxAttempts = options.maxAttempts ?? 40;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    const current = await readJobs(store);
    const { doc, result } = change(current.doc);
    if (doc === current.doc) return { ...result, version: current.doc.version };
    const next: JobsDocument = { ...doc, version: current.doc.version + 1 };
    const condition: WriteCondition = current.etag === null ? { ifNoneMatch: '*' } : { ifMatch: current.etag };
    try {
      await store.put(JOBS_KEY, JSON.stringify(next, null, 1), condition, 'application/json');
      return { ...result, version: next.version };
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= maxAttempts) throw error;
      // Full jitter: spreads racing writers out so most succeed on the next try.
      const cap = Math.min(1000, 10 * 2 ** Math.min(attempt, 7));
      await sleep(Math.floor(random() * cap));
    }
  }
}

/** The usable roster, each skipped entry with why, and the ETag (null when crew.json does not exist). */
export interface CrewResult {
  readonly roster: CrewRoster;
  readonly problems: readonly RosterProblem[];
  readonly etag: string | null;
}

/**
 * The crew roster, entry by entry: a missing crew.json is an empty roster; a bad entry is skipped and reported by
 * name while the rest keep working; a file that is not JSON at all is one problem and an empty roster.
 */
export async function readCrew(store: ObjectStore): Promise<CrewResult> {
  const stored = await store.get(CREW_KEY);
  if (stored === null) return { roster: emptyRoster(), problems: [], etag: null };
  let json: unknown;
  try {
    json = JSON.parse(stored.body);
  } catch (error) {
    const message = `is not valid JSON (${(error as Error).message}); no one is on the roster until it is fixed`;
    return { roster: emptyRoster(), problems: [{ index: null, name: 'crew.json', field: null, message, entry: null }], etag: stored.etag };
  }
  return { ...readRoster(json), etag: stored.etag };
}

/**
 * The roster a request works with: readCrew, with skipped entries logged by name (the dashboard shows them too).
 * @example const roster = await usableRoster(deps.store, deps.log);
 */
export async function usableRoster(
  store: ObjectStore,
  log: (level: 'warn', message: string, extra?: Record<string, unknown>) => void,
): Promise<CrewRoster> {
  const crew = await readCrew(store);
  if (crew.problems.length > 0) {
    log('warn', 'crew.json: some entries are skipped; the rest of the roster works', { problems: crew.problems.map(rosterProblemText) });
  }
  return crew.roster;
}
