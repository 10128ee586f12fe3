/**
 * Reading and compare-and-swap updating of jobs.json (and reading crew.json) over any ObjectStore.
 * This is the only place that writes the jobs document: read → pure change → conditional write, re-run on conflict.
 *
 * Group commit: each store has one committer in this process. Changes that arrive while a write is in flight wait
 * in a queue and are then applied together, in arrival order, each to the result of the one before, and written in
 * ONE read-modify-write; every caller still gets its own result. Under a burst that is one write for many texts
 * instead of many writers refusing each other. Between processes (Lambda containers) the compare-and-swap still
 * decides, and a refused batch is re-read and re-applied.
 *
 * The parsed document is cached with its ETag. A read asks the store "still this ETag?" (a stat of the file, or a
 * GET with If-None-Match that S3 answers 304 without a body), so an unchanged jobs.json is neither re-read nor
 * re-validated. Only the records a change touched are validated before a write (domain/document-records.ts), and a
 * document this code wrote is read without validating it again (its seal, handlers/jobs-seal.ts).
 */
import { performance } from 'node:perf_hooks';
import * as z from 'zod';
import { ConflictError, StoreUnreadableError } from '../domain/errors';
import { invalidRecords } from '../domain/document-records';
import { emptyJobsDocument, type JobsDocument } from '../domain/jobs-document';
import { emptyRoster, readRoster, rosterProblemText, type CrewRoster, type RosterProblem } from '../domain/crew';
import type { NotModified, ObjectStore, StoredObject, WriteCondition } from '../domain/ports';
import { readBusinessProfile, type BusinessProfile } from '../domain/business-profile';
import { readStoredJobs, sealJobs } from './jobs-seal';

export const JOBS_KEY = 'jobs.json';
export const CREW_KEY = 'crew.json';
export const BUSINESS_KEY = 'business.json';

/** How long a change may keep retrying refused writes: a few seconds, well inside Twilio's 15 s webhook timeout. */
export const WRITE_BUDGET_MS = 4_000;
/**
 * How long a lazy change (the record of a delivery) may wait for a write to ride along with. Within this window
 * the next text's write carries it; after it, it is written on its own.
 */
export const LAZY_WRITE_MS = 40;

export interface VersionedJobs {
  readonly doc: JobsDocument;
  /** The store's ETag, or null when jobs.json does not exist yet. */
  readonly etag: string | null;
}

export interface UpdateOptions {
  /** How long this change may keep retrying on conflict (ms). Infinity: until written. Default WRITE_BUDGET_MS. */
  readonly budgetMs?: number;
  /** Also retry when the store fails (an S3 500, a network error), not only on conflict. Default false. */
  readonly untilWritten?: boolean;
  /** Ride along with the next write (within LAZY_WRITE_MS) instead of starting one now. */
  readonly lazy?: boolean;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** What a change returns: the next document (the same object when nothing changed: no write) and a result. */
export interface Change<R> {
  readonly doc: JobsDocument;
  readonly result: R;
}

interface Queued {
  readonly change: (doc: JobsDocument) => Change<unknown>;
  readonly deadline: number;
  readonly untilWritten: boolean;
  readonly resolve: (value: { result: unknown; version: number }) => void;
  readonly reject: (error: unknown) => void;
}

interface Committer {
  cache: VersionedJobs | null;
  queue: Queued[];
  lazy: Queued[];
  lazyTimer: ReturnType<typeof setTimeout> | null;
  running: Promise<void> | null;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

const committers = new WeakMap<ObjectStore, Committer>();

function committerOf(store: ObjectStore): Committer {
  let committer = committers.get(store);
  if (!committer) {
    committer = {
      cache: null,
      queue: [],
      lazy: [],
      lazyTimer: null,
      running: null,
      sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
    };
    committers.set(store, committer);
  }
  return committer;
}

/**
 * The current jobs document. A missing jobs.json reads as an empty document; a record that fails validation is
 * quarantined (see readJobsDocument). A body with no readable document at all (not JSON, no valid schema/version,
 * refused by the store) throws StoreUnreadableError and is never silently replaced: updateJobs reads before every
 * write, so nothing writes over it. Changes this process has queued (lazy delivery records included) are written
 * first, so a reader sees this process's own writes.
 */
export async function readJobs(store: ObjectStore): Promise<VersionedJobs> {
  await settled(store);
  return readCurrent(store, committerOf(store));
}

async function readCurrent(store: ObjectStore, committer: Committer): Promise<VersionedJobs> {
  const cached = committer.cache;
  const stored = cached?.etag ? await getReadable(store, JOBS_KEY, { ifNoneMatch: cached.etag }) : await getReadable(store, JOBS_KEY);
  if (stored !== null && 'notModified' in stored && cached) return cached;
  // An unreadable document throws here, before any change is applied: the cache keeps nothing from it.
  const fresh = jobsFromStored(stored as StoredObject | null);
  committer.cache = fresh;
  return fresh;
}

/** jobs.json's stored form → the document (see readJobs); for readers that look at the ETag before parsing. */
export function jobsFromStored(stored: StoredObject | null): VersionedJobs {
  if (stored === null) return { doc: emptyJobsDocument(), etag: null };
  try {
    return { doc: readStoredJobs(stored.body), etag: stored.etag };
  } catch (error) {
    throw unreadable(JOBS_KEY, error, stored);
  }
}

/** store.get, with a refusal to read (file permissions, S3 AccessDenied) as StoreUnreadableError. */
export async function getReadable(store: ObjectStore, key: string): Promise<StoredObject | null>;
export async function getReadable(
  store: ObjectStore,
  key: string,
  options: { readonly ifNoneMatch: string },
): Promise<StoredObject | NotModified | null>;
export async function getReadable(
  store: ObjectStore,
  key: string,
  options?: { readonly ifNoneMatch: string },
): Promise<StoredObject | NotModified | null> {
  try {
    return options ? await store.get(key, options) : await store.get(key);
  } catch (error) {
    const code = (error as { code?: unknown; name?: unknown }).code ?? (error as { name?: unknown }).name;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EISDIR' || code === 'AccessDenied') {
      throw new StoreUnreadableError(key, `cannot be read: ${String(code)} (${(error as Error).message})`);
    }
    throw error;
  }
}

function unreadable(key: string, error: unknown, stored: { body: string; etag: string }): StoreUnreadableError {
  if (error instanceof StoreUnreadableError) return error;
  if (error instanceof SyntaxError) {
    const position = Number(/position (\d+)/.exec(error.message)?.[1] ?? NaN);
    if (!Number.isFinite(position)) return new StoreUnreadableError(key, `is not valid JSON: ${error.message}`, null, stored.etag);
    const before = stored.body.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    return new StoreUnreadableError(key, `is not valid JSON at position ${position} (line ${line}, column ${column})`, position, stored.etag);
  }
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return new StoreUnreadableError(key, `does not have the expected shape${where}: ${issue?.message ?? 'invalid'}`, null, stored.etag);
  }
  return new StoreUnreadableError(key, `cannot be read: ${(error as Error).message}`, null, stored.etag);
}

/**
 * Waits until every change this process queued for `store` has been written (or refused). The Lambda entry calls
 * it before returning, since a frozen container would otherwise hold a delivery record that is not yet written.
 */
export async function settled(store: ObjectStore): Promise<void> {
  const committer = committers.get(store);
  if (!committer) return;
  flushLazy(store, committer);
  while (committer.running) await committer.running.catch(() => {});
}

/**
 * Applies `change` to the current jobs document and writes it only if nobody wrote in between (If-Match on the
 * ETag; If-None-Match: * for the first write). Changes queued together are written together (see the file
 * comment). On conflict the batch is re-read and re-applied with jittered backoff until each change's time budget
 * runs out (ConflictError for that change). `change` must be pure: it may run more than once. A change that would
 * write an invalid record is refused alone with a ZodError naming the record; the rest of its batch is written.
 */
export function updateJobs<R>(
  store: ObjectStore,
  change: (doc: JobsDocument) => Change<R>,
  options: UpdateOptions = {},
): Promise<R & { readonly version: number }> {
  const committer = committerOf(store);
  if (options.sleep) committer.sleep = options.sleep;
  if (options.random) committer.random = options.random;
  return new Promise<{ result: unknown; version: number }>((resolve, reject) => {
    const queued: Queued = {
      change,
      deadline: performance.now() + (options.budgetMs ?? WRITE_BUDGET_MS),
      untilWritten: options.untilWritten ?? false,
      resolve,
      reject,
    };
    if (options.lazy) {
      committer.lazy.push(queued);
      committer.lazyTimer ??= setTimeout(() => flushLazy(store, committer), LAZY_WRITE_MS);
      return;
    }
    committer.queue.push(queued);
    start(store, committer);
  }).then(({ result, version }) => ({ ...(result as R), version }));
}

function flushLazy(store: ObjectStore, committer: Committer): void {
  if (committer.lazyTimer) clearTimeout(committer.lazyTimer);
  committer.lazyTimer = null;
  if (committer.lazy.length === 0) return;
  committer.queue.unshift(...committer.lazy.splice(0));
  start(store, committer);
}

function start(store: ObjectStore, committer: Committer): void {
  if (committer.running) return;
  committer.running = (async () => {
    try {
      // Let the changes submitted in this same turn (a drain of parked texts, a burst) join the first batch.
      await Promise.resolve();
      while (committer.queue.length > 0 || committer.lazy.length > 0) {
        // Lazy changes ride along with whatever is written next.
        if (committer.lazyTimer) clearTimeout(committer.lazyTimer);
        committer.lazyTimer = null;
        const batch = [...committer.lazy.splice(0), ...committer.queue.splice(0)];
        await commit(store, committer, batch);
      }
    } finally {
      committer.running = null;
    }
  })();
}

/** Writes one batch: read, apply each change in order, one conditional write; on conflict, again. */
async function commit(store: ObjectStore, committer: Committer, initial: Queued[]): Promise<void> {
  // A change whose budget ran out while it waited for the write before it is not started: its caller parks it.
  const startedAt = performance.now();
  let batch = initial.filter((queued) => {
    if (queued.deadline > startedAt) return true;
    queued.reject(new ConflictError('jobs.json: the time budget ran out while waiting for the write before'));
    return false;
  });
  for (let attempt = 1; batch.length > 0; attempt++) {
    let failure: unknown;
    try {
      const current = await readCurrent(store, committer);
      let doc = current.doc;
      const applied: { queued: Queued; result: unknown }[] = [];
      for (const queued of batch) {
        let next: Change<unknown>;
        try {
          next = queued.change(doc);
        } catch (error) {
          queued.reject(error); // e.g. InvalidTransitionError: this caller's answer, not the batch's
          continue;
        }
        const problems = invalidRecords(doc, next.doc);
        if (problems.length > 0) {
          queued.reject(refusal(problems));
          continue;
        }
        doc = next.doc;
        applied.push({ queued, result: next.result });
      }
      batch = applied.map((entry) => entry.queued);
      if (doc === current.doc) {
        for (const entry of applied) entry.queued.resolve({ result: entry.result, version: current.doc.version });
        return;
      }
      const written: JobsDocument = { ...doc, version: current.doc.version + 1 };
      const condition: WriteCondition = current.etag === null ? { ifNoneMatch: '*' } : { ifMatch: current.etag };
      // Compact JSON: serialising a 200-job document with indentation took 2.5 times as long, on every write. The
      // seal lets the next cold reader skip validating what was validated here (handlers/jobs-seal.ts).
      const etag = await store.put(JOBS_KEY, sealJobs(written), condition, 'application/json');
      committer.cache = { doc: written, etag };
      for (const entry of applied) entry.queued.resolve({ result: entry.result, version: written.version });
      return;
    } catch (error) {
      failure = error;
    }
    // Refused or failed: every change is re-applied to a fresh read, as long as its budget allows.
    const conflict = failure instanceof ConflictError;
    // An unreadable jobs.json is not retried (a person must repair it) and never written over.
    const retryable = conflict || !(failure instanceof StoreUnreadableError);
    const now = performance.now();
    batch = batch.filter((queued) => {
      if ((conflict || (queued.untilWritten && retryable)) && queued.deadline > now) return true;
      queued.reject(failure);
      return false;
    });
    if (batch.length === 0) return;
    // Full jitter: spreads racing writers (other processes) out so most succeed on the next try. Short caps:
    // the budget, not an attempt count, decides when to give up.
    const cap = conflict ? Math.min(100, 5 * 2 ** Math.min(attempt, 5)) : Math.min(2_000, 50 * 2 ** Math.min(attempt, 6));
    await committer.sleep(Math.floor(committer.random() * cap));
  }
}

/** A change that would make the document unreadable: refused, with the records and reasons. */
function refusal(problems: readonly string[]): z.ZodError {
  return new z.ZodError(
    problems.map((problem) => ({ code: 'custom' as const, path: [], message: `refused write: ${problem}`, input: undefined })),
  );
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

/** The business profile; a missing or invalid business.json reads as the empty profile (a person answers). */
export async function readBusiness(store: ObjectStore): Promise<BusinessProfile> {
  const stored = await store.get(BUSINESS_KEY);
  return readBusinessProfile(stored?.body ?? null);
}
