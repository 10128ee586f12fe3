/**
 * Reading and compare-and-swap updating of jobs.json (and reading crew.json) over any ObjectStore.
 * This is the only place that writes the jobs document: read → pure change → conditional write, re-run on conflict.
 */
import { ZodError } from 'zod';
import { ConflictError, StoreUnreadableError } from '../domain/errors';
import { emptyJobsDocument, parseJobsDocument, type JobsDocument } from '../domain/jobs-document';
import { emptyRoster, validateRoster, type CrewRoster } from '../domain/crew';
import type { ObjectStore, StoredObject, WriteCondition } from '../domain/ports';

export const JOBS_KEY = 'jobs.json';
export const CREW_KEY = 'crew.json';

export interface VersionedJobs {
  readonly doc: JobsDocument;
  /** The store's ETag, or null when jobs.json does not exist yet. */
  readonly etag: string | null;
}

/**
 * A missing jobs.json reads as an empty document. One that cannot be read (not JSON, the wrong shape, refused by
 * the store) throws StoreUnreadableError and is never silently replaced: updateJobs reads before every write, so
 * nothing writes over it.
 */
export async function readJobs(store: ObjectStore): Promise<VersionedJobs> {
  return jobsFromStored(await getReadable(store, JOBS_KEY));
}

/** jobs.json's stored form → the document (see readJobs); for readers that look at the ETag before parsing. */
export function jobsFromStored(stored: StoredObject | null): VersionedJobs {
  if (stored === null) return { doc: emptyJobsDocument(), etag: null };
  try {
    return { doc: parseJobsDocument(stored.body), etag: stored.etag };
  } catch (error) {
    throw unreadable(JOBS_KEY, error, stored);
  }
}

/** store.get, with a refusal to read (file permissions, S3 AccessDenied) as StoreUnreadableError. */
export async function getReadable(store: ObjectStore, key: string): Promise<StoredObject | null> {
  try {
    return await store.get(key);
  } catch (error) {
    const code = (error as { code?: unknown; name?: unknown }).code ?? (error as { name?: unknown }).name;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EISDIR' || code === 'AccessDenied') {
      throw new StoreUnreadableError(key, `cannot be read: ${String(code)} (${(error as Error).message})`);
    }
    throw error;
  }
}

function unreadable(key: string, error: unknown, stored: { body: string; etag: string }): StoreUnreadableError {
  if (error instanceof SyntaxError) {
    const position = Number(/position (\d+)/.exec(error.message)?.[1] ?? NaN);
    if (!Number.isFinite(position)) return new StoreUnreadableError(key, `is not valid JSON: ${error.message}`, null, stored.etag);
    const before = stored.body.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    return new StoreUnreadableError(key, `is not valid JSON at position ${position} (line ${line}, column ${column})`, position, stored.etag);
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return new StoreUnreadableError(key, `does not have the expected shape${where}: ${issue?.message ?? 'invalid'}`, null, stored.etag);
  }
  return new StoreUnreadableError(key, `cannot be read: ${(error as Error).message}`, null, stored.etag);
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

export type CrewResult = { ok: true; roster: CrewRoster; etag: string | null } | { ok: false; errors: string[] };

/** The crew roster; a missing crew.json is an empty roster, an invalid one lists every problem. */
export async function readCrew(store: ObjectStore): Promise<CrewResult> {
  const stored = await store.get(CREW_KEY);
  if (stored === null) return { ok: true, roster: emptyRoster(), etag: null };
  let json: unknown;
  try {
    json = JSON.parse(stored.body);
  } catch (error) {
    return { ok: false, errors: [`crew.json is not valid JSON: ${(error as Error).message}`] };
  }
  const result = validateRoster(json);
  return result.ok ? { ok: true, roster: result.roster, etag: stored.etag } : result;
}
