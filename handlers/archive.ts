/**
 * The archive over any ObjectStore: the sweep's move of old closed jobs (and old unmatched texts) out of jobs.json
 * into `archive/<month>.json`, and the reads the tracking page and the History view make of it.
 *
 * Order makes a crash harmless: every month object is written (compare-and-swap), then the token index, and only
 * then does one jobs.json write remove what was archived and bound the logs. A crash anywhere before that last write
 * leaves the items in jobs.json as well; the next sweep plans them again, the merges change nothing, and the removal
 * goes through. Views never show such a job twice: the board hides closed jobs older than ARCHIVE_AFTER_DAYS
 * (domain/hot-document.ts isOnBoard) and the History view reads only the archive.
 */
import {
  ARCHIVE_INDEX_KEY,
  ArchiveIndexSchema,
  ArchiveMonthSchema,
  archiveKey,
  emptyArchiveIndex,
  emptyArchiveMonth,
  indexMonth,
  mergeIntoMonth,
  monthOf,
  type ArchiveIndex,
  type ArchiveMonth,
} from '../domain/archive';
import { ConflictError } from '../domain/errors';
import { boundLogs, planArchive, removeArchived, type ArchiveRules } from '../domain/hot-document';
import type { Job } from '../domain/jobs-document';
import type { ObjectStore } from '../domain/ports';
import type { Deps } from './deps';
import { readJobs, updateJobs } from './state';

export interface ArchiveSummary {
  /** Jobs moved out of jobs.json by this pass. */
  readonly jobs: number;
  /** Unmatched texts moved out of jobs.json by this pass. */
  readonly unmatched: number;
  /** Months whose archive object this pass wrote. */
  readonly months: readonly string[];
}

/** The archive rules for now, from configuration. */
export function archiveRules(deps: Pick<Deps, 'clock' | 'config'>): ArchiveRules {
  return { now: deps.clock(), tz: deps.config.businessTz, archiveAfterDays: deps.config.archiveAfterDays };
}

/**
 * One archive pass (the sweep runs it every minute; it costs one read of jobs.json when there is nothing to do):
 * archive first, index second, remove from jobs.json last. Safe to run again after a crash at any point.
 * @example await archiveClosedJobs(deps) // { jobs: 12, unmatched: 3, months: ['2026-05'] }
 */
export async function archiveClosedJobs(deps: Pick<Deps, 'store' | 'clock' | 'config'>): Promise<ArchiveSummary> {
  const rules = archiveRules(deps);
  const { doc } = await readJobs(deps.store);
  const plan = planArchive(doc, rules);
  if (plan.batches.length === 0 && boundLogs(doc, rules.now) === doc) return { jobs: 0, unmatched: 0, months: [] };

  const nowMonth = monthOf(rules.now, rules.tz);
  for (const batch of plan.batches) {
    const merged = await updateArchiveMonth(deps.store, batch.month, (month) => mergeIntoMonth(month, batch.jobs, batch.unmatched));
    await updateArchiveIndex(deps.store, (index) =>
      indexMonth(index, batch.month, batch.jobs.map((job) => job.token), Object.keys(merged.jobs).length, nowMonth),
    );
  }
  const { jobs, unmatched } = await updateJobs(deps.store, (current) => {
    const trimmed = boundLogs(removeArchived(current, plan), rules.now);
    return {
      doc: trimmed,
      result: {
        jobs: Object.keys(current.jobs).length - Object.keys(trimmed.jobs).length,
        unmatched: current.unmatched.length - trimmed.unmatched.length,
      },
    };
  });
  return { jobs, unmatched, months: plan.batches.map((batch) => batch.month) };
}

/** A month's archive object; an empty one when the month has none. */
export async function readArchiveMonth(store: ObjectStore, month: string): Promise<ArchiveMonth> {
  const stored = await store.get(archiveKey(month));
  return stored === null ? emptyArchiveMonth(month) : ArchiveMonthSchema.parse(JSON.parse(stored.body));
}

/** The token → month index; an empty one before the first archive pass. */
export async function readArchiveIndex(store: ObjectStore): Promise<ArchiveIndex> {
  const stored = await store.get(ARCHIVE_INDEX_KEY);
  return stored === null ? emptyArchiveIndex() : ArchiveIndexSchema.parse(JSON.parse(stored.body));
}

/** An archived job by its tracking token: the index names the month, one read of that month finds it. */
export async function findArchivedByToken(store: ObjectStore, token: string): Promise<Job | null> {
  const index = await readArchiveIndex(store);
  const month = Object.hasOwn(index.tokens, token) ? index.tokens[token] : undefined;
  if (month === undefined) return null;
  const archived = await readArchiveMonth(store, month);
  return Object.values(archived.jobs).find((job) => job.token === token) ?? null;
}

/** Serialised like jobs.json: compact enough, and a person can still read it. */
export function archiveBody(value: ArchiveMonth | ArchiveIndex): string {
  return JSON.stringify(value, null, 1);
}

async function updateArchiveMonth(store: ObjectStore, month: string, change: (current: ArchiveMonth) => ArchiveMonth): Promise<ArchiveMonth> {
  return updateObject(store, archiveKey(month), (body) => (body === null ? emptyArchiveMonth(month) : ArchiveMonthSchema.parse(JSON.parse(body))), change);
}

async function updateArchiveIndex(store: ObjectStore, change: (current: ArchiveIndex) => ArchiveIndex): Promise<ArchiveIndex> {
  return updateObject(store, ARCHIVE_INDEX_KEY, (body) => (body === null ? emptyArchiveIndex() : ArchiveIndexSchema.parse(JSON.parse(body))), change);
}

/**
 * Read → change → conditional write for one archive object, re-run on conflict. Only the sweep writes these, so a
 * conflict is rare (two sweeps overlapping); a few attempts with a short pause are plenty.
 */
async function updateObject<T extends ArchiveMonth | ArchiveIndex>(
  store: ObjectStore,
  key: string,
  parse: (body: string | null) => T,
  change: (current: T) => T,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const stored = await store.get(key);
    const current = parse(stored?.body ?? null);
    const next = change(current);
    if (next === current && stored !== null) return current;
    try {
      await store.put(key, archiveBody(next), stored === null ? { ifNoneMatch: '*' } : { ifMatch: stored.etag }, 'application/json');
      return next;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 8) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 50 * attempt)));
    }
  }
}
