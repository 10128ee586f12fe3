/**
 * `npm run -s seed -- --jobs N [--open M] [--days D]`
 * Fills an empty store with a realistic history to try the dashboard with: N jobs over D days (default N/20, about
 * twenty jobs a day) up to now, the newest M still open (default 60), archived as the sweep would have left it
 * (jobs.json with the open work and the last ARCHIVE_AFTER_DAYS of closed jobs, archive/<month>.json, the token
 * index), and crew.json when there is none. It writes where the server reads: DATA_DIR, or the S3 prefix with
 * STORE=s3 (handlers/config.ts). It never overwrites: with a jobs.json or an archive already there it stops with
 * exit code 1. Prints one JSON line:
 *   {"jobs","open","archived","hotBytes","sampleArchivedToken","sampleOpenToken"}
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ARCHIVE_INDEX_KEY, archiveKey, type ArchiveIndex } from '../domain/archive';
import { ConfigError, ConflictError } from '../domain/errors';
import { archiveHistory, type ArchivedHistory } from '../domain/hot-document';
import { JobsDocumentSchema } from '../domain/jobs-document';
import type { ObjectStore } from '../domain/ports';
import { SEED_CREW, seedHistory } from '../domain/seed-history';
import { isOpenStatus } from '../domain/statuses';
import { archiveBody } from '../handlers/archive';
import { parseConfig, type Config } from '../handlers/config';
import { storeFromConfig } from '../handlers/stores';
import { CREW_KEY, JOBS_KEY } from '../handlers/state';

export interface SeedRequest {
  readonly jobs: number;
  readonly open: number;
  readonly days: number;
}

export interface SeedSummary {
  readonly jobs: number;
  readonly open: number;
  readonly archived: number;
  readonly hotBytes: number;
  readonly sampleArchivedToken: string | null;
  readonly sampleOpenToken: string | null;
}

/** A refusal the owner can act on: printed as is, exit code 1. */
export class SeedRefused extends Error {}

/** `--jobs N [--open M] [--days D]` → the request; throws SeedRefused naming the bad option. */
export function parseSeedArgs(argv: readonly string[]): SeedRequest {
  let values: { jobs?: string; open?: string; days?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { jobs: { type: 'string' }, open: { type: 'string' }, days: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new SeedRefused(`${(error as Error).message}\nUsage: npm run -s seed -- --jobs N [--open M] [--days D]`);
  }
  const count = (name: string, value: string | undefined, min: number): number | undefined => {
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value) || Number(value) < min) throw new SeedRefused(`--${name} must be a whole number of at least ${min}, not "${value}"`);
    return Number(value);
  };
  const jobs = count('jobs', values.jobs, 1);
  if (jobs === undefined) throw new SeedRefused('Usage: npm run -s seed -- --jobs N [--open M] [--days D]');
  const open = Math.min(jobs, count('open', values.open, 0) ?? 60);
  const days = count('days', values.days, 1) ?? Math.max(1, Math.round(jobs / 20));
  return { jobs, open, days };
}

/** The history for `request` at `now`, split as the sweep would leave it (pure; no I/O). */
export function buildSeed(request: SeedRequest, config: Config, now: Date, crew = SEED_CREW): ArchivedHistory {
  const doc = seedHistory({
    ...request,
    now,
    businessNumber: config.businessPhone ?? '+15555550100',
    publicBaseUrl: config.publicBaseUrl,
    businessName: config.businessName,
    crew,
  });
  return archiveHistory(doc, { now, tz: config.businessTz, archiveAfterDays: config.archiveAfterDays });
}

/**
 * Writes a seeded history into `store`, create-only: the months and the index first, jobs.json last (the same
 * order as the sweep), so an interrupted seed never leaves a jobs.json pointing at a missing archive.
 */
export async function seedStore(store: ObjectStore, request: SeedRequest, config: Config, now: Date): Promise<SeedSummary> {
  for (const key of [JOBS_KEY, ARCHIVE_INDEX_KEY]) {
    if ((await store.get(key)) !== null) {
      throw new SeedRefused(`${key} already exists in ${where(config)}: seed only fills an empty store. Point DATA_DIR (or S3_PREFIX) at an empty place.`);
    }
  }
  const seeded = buildSeed(request, config, now);
  const hot = JobsDocumentSchema.parse(seeded.hot);
  try {
    for (const month of seeded.months) await store.put(archiveKey(month.month), archiveBody(month), { ifNoneMatch: '*' }, 'application/json');
    await store.put(ARCHIVE_INDEX_KEY, archiveBody(seeded.index), { ifNoneMatch: '*' }, 'application/json');
    if ((await store.get(CREW_KEY)) === null) await store.put(CREW_KEY, JSON.stringify(SEED_CREW, null, 2), { ifNoneMatch: '*' }, 'application/json');
    const body = JSON.stringify(hot, null, 1);
    await store.put(JOBS_KEY, body, { ifNoneMatch: '*' }, 'application/json');
    const openJobs = Object.values(hot.jobs).filter((job) => isOpenStatus(job.status));
    return {
      jobs: request.jobs,
      open: openJobs.length,
      archived: seeded.months.reduce((sum, month) => sum + Object.keys(month.jobs).length, 0),
      hotBytes: Buffer.byteLength(body, 'utf8'),
      sampleArchivedToken: newestToken(seeded.index),
      sampleOpenToken: openJobs[openJobs.length - 1]?.token ?? null,
    };
  } catch (error) {
    if (error instanceof ConflictError) throw new SeedRefused(`Something else is writing to ${where(config)} (${error.message}); nothing was overwritten.`);
    throw error;
  }
}

/** A token from the newest archived month: closed within the last ARCHIVE_AFTER_DAYS + a month, well inside 12 months. */
function newestToken(index: ArchiveIndex): string | null {
  const months = Object.values(index.tokens).sort();
  const newest = months[months.length - 1];
  return newest === undefined ? null : (Object.entries(index.tokens).find(([, month]) => month === newest)?.[0] ?? null);
}

function where(config: Config): string {
  return config.store.kind === 'file' ? `DATA_DIR (${config.store.dataDir})` : `s3://${config.store.bucket}/${config.store.prefix}`;
}

async function main(): Promise<number> {
  try {
    const request = parseSeedArgs(process.argv.slice(2));
    const config = parseConfig(process.env, { local: true });
    const summary = await seedStore(storeFromConfig(config), request, config, new Date());
    console.log(JSON.stringify(summary));
    return 0;
  } catch (error) {
    if (error instanceof SeedRefused || error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main().then((code) => process.exit(code));
}
