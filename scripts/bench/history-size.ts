/**
 * Section 6: does a text cost the same after years of history? Histories of 1,000, 10,000 and 50,000 jobs (about
 * 20 a day, 60 open: the same steady state, more past) are made with the seed generator and split the way the
 * sweep leaves them (domain/hot-document.ts archiveHistory), in memory, then written once to a file store. On each,
 * the app answers signed texts end to end (read, engine, write, delivery) and serves the board (/api/jobs).
 * For comparison, the same 1,000 and 10,000 histories kept whole in jobs.json, as before the archive.
 *
 * Generating 50,000 jobs takes seconds (tens on a loaded machine), so the split histories are cached in the OS
 * temp dir under a hash of the domain sources and this file, like history-cache.ts does for section 2.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dashboardView } from '../../domain/dashboard-view';
import { archiveHistory } from '../../domain/hot-document';
import type { JobsDocument } from '../../domain/jobs-document';
import { SEED_CREW, seedHistory } from '../../domain/seed-history';
import { isOpenStatus } from '../../domain/statuses';
import { createApp } from '../../handlers/app';
import { hashPassword } from '../../handlers/auth/password';
import { parseConfig } from '../../handlers/config';
import { businessContext, type Deps } from '../../handlers/deps';
import { createFileStore } from '../../handlers/file-store';
import { CREW_KEY, JOBS_KEY } from '../../handlers/state';
import { AUTH_TOKEN, BASE_URL, BUSINESS_NUMBER, postSigned, recordingSenders, sequentialIds } from '../../test/support/harness';
import { bookingText, customerPhone } from './corpus';
import type { SectionResult } from './engine';
import { kb, summarize, timeSequential, type Row } from './stats';

/** 10:00 in Chicago on a Thursday: working hours, so every text is answered and notifications go out at once. */
const NOW = new Date('2026-06-04T15:00:00.000Z');
const TZ = 'America/Chicago';
const SIZES = [1_000, 10_000, 50_000] as const;
const BEFORE_SIZES = [1_000, 10_000] as const;
const TEXTS = 25;
const BEFORE_TEXTS = 3;
const PASSWORD = 'bench-password-0123';
const CACHE_DIR = join(tmpdir(), 'sms-dispatcher-bench');
const DOMAIN_DIR = fileURLToPath(new URL('../../domain/', import.meta.url));

interface Split {
  readonly jobs: number;
  readonly hot: JobsDocument;
  readonly archived: number;
  readonly months: number;
  readonly indexBytes: number;
  readonly buildMs: number;
}

export async function benchHistorySize(maxMs: number, problems: string[]): Promise<SectionResult> {
  const started = Date.now();
  const left = () => maxMs - (Date.now() - started);
  const rows: Row[] = [];
  const lines: string[] = [];
  const passwordHash = await hashPassword(PASSWORD);
  const measured: { jobs: number; p50: number; hotBytes: number; boardBytes: number }[] = [];

  for (const jobs of SIZES) {
    const split = await loadOrSplit(jobs);
    const site = await openSite(split.hot, passwordHash);
    try {
      const samples = await timeSequential((i) => site.text(i), { count: TEXTS, maxMs: Math.max(1_000, maxMs * 0.12) });
      const hotBytes = Buffer.byteLength(JSON.stringify(split.hot, null, 1));
      const boardBytes = await site.boardBytes();
      const row = summarize(`text @${jobs.toLocaleString('en-US')} jobs of history`, samples, `jobs.json ${kb(hotBytes)}, /api/jobs ${kb(boardBytes)}`);
      rows.push(row);
      measured.push({ jobs, p50: row.p50, hotBytes, boardBytes });
      lines.push(
        `@${jobs}: jobs.json ${Object.keys(split.hot.jobs).length} jobs (${Object.values(split.hot.jobs).filter((job) => isOpenStatus(job.status)).length} open), ` +
          `${kb(hotBytes)}; archive ${split.archived} jobs in ${split.months} months, index ${kb(split.indexBytes)}; ` +
          `${split.buildMs > 0 ? `generated + split in ${(split.buildMs / 1000).toFixed(1)} s` : 'from cache'}; statuses ${site.statuses()}`,
      );
      if (site.failures() > 0) problems.push(`6. history @${jobs}: ${site.failures()} texts not answered 200`);
    } finally {
      await site.close();
    }
  }

  // Always at least one text each (timeSequential runs once even past its budget): the comparison is the point.
  for (const jobs of BEFORE_SIZES) {
    const whole = seedHistory({ ...seedOptions(jobs) });
    const site = await openSite(whole, passwordHash);
    try {
      const samples = await timeSequential((i) => site.text(i), { count: BEFORE_TEXTS, maxMs: Math.max(1_000, Math.min(left(), maxMs * 0.1)) });
      const bytes = Buffer.byteLength(JSON.stringify(whole, null, 1));
      // The board as the code before the archive served it: every job in the document.
      const board = Buffer.byteLength(JSON.stringify(dashboardView(whole, businessContext(site.deps, SEED_CREW))));
      rows.push(summarize(`before: text @${jobs.toLocaleString('en-US')}, all in jobs.json`, samples, `jobs.json ${kb(bytes)}, /api/jobs ${kb(board)}`));
    } finally {
      await site.close();
    }
  }

  const [small, middle] = measured;
  if (small && middle) {
    const ratio = middle.p50 / small.p50;
    lines.push(
      `targets: text p50 @10,000 / @1,000 = ${ratio.toFixed(2)} (target <= 1.3); jobs.json @10,000 / @1,000 = ${(middle.hotBytes / small.hotBytes).toFixed(2)} (target <= 1.0); ` +
        `/api/jobs bytes ${measured.map((m) => kb(m.boardBytes)).join(' / ')} at ${measured.map((m) => m.jobs.toLocaleString('en-US')).join(' / ')} jobs`,
    );
  }
  return { rows, lines };
}

function seedOptions(jobs: number) {
  return { jobs, open: 60, days: jobs / 20, now: NOW, businessNumber: BUSINESS_NUMBER, publicBaseUrl: BASE_URL, businessName: 'QuickDumpNow', crew: SEED_CREW };
}

/** The app over a file store holding `doc` as jobs.json: signed texts in, the board's bytes out. */
async function openSite(doc: JobsDocument, passwordHash: string) {
  const dir = await mkdtemp(join(tmpdir(), 'sms-dispatcher-bench-history-'));
  const store = createFileStore(dir);
  await store.put(JOBS_KEY, JSON.stringify(doc, null, 1), { ifNoneMatch: '*' }, 'application/json');
  await store.put(CREW_KEY, JSON.stringify(SEED_CREW), { ifNoneMatch: '*' }, 'application/json');
  const senders = recordingSenders();
  const config = parseConfig(
    {
      DATA_DIR: dir,
      PUBLIC_BASE_URL: BASE_URL,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      BUSINESS_TZ: TZ,
      DISPATCH_EMAIL: 'dispatch@example.com',
      DASHBOARD_PASSWORD_HASH: passwordHash,
      SESSION_SECRET: 'bench-session-secret-0123456789abcdef',
    },
    { local: true },
  );
  const deps: Deps = { store, sms: senders.sms, mailer: senders.mailer, clock: () => NOW, config, ids: sequentialIds(), log: () => {} };
  const app = createApp(deps);
  const openPhones = Object.values(doc.jobs).filter((job) => isOpenStatus(job.status)).map((job) => job.customer.phone);
  const statuses = new Map<number, number>();
  let sid = 0;
  return {
    deps,
    /** Even texts book a new pickup, odd ones are an open job's customer asking where the crew is. */
    async text(i: number): Promise<void> {
      const [from, body] = i % 2 === 0 ? [customerPhone(900_000 + i), bookingText(i)] : [openPhones[i % openPhones.length]!, 'where r u'];
      const params = { MessageSid: `SMbench${String(++sid).padStart(27, '0')}`, From: from, To: BUSINESS_NUMBER, Body: body, NumMedia: '0' };
      const response = await postSigned(app, params);
      await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    },
    async boardBytes(): Promise<number> {
      const login = await app.request(`${BASE_URL}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: BASE_URL },
        body: JSON.stringify({ password: PASSWORD }),
      });
      const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
      const board = await app.request(`${BASE_URL}/api/jobs`, { headers: { cookie } });
      if (board.status !== 200) throw new Error(`/api/jobs answered ${board.status}`);
      return (await board.arrayBuffer()).byteLength;
    },
    statuses: () => [...statuses].map(([status, count]) => `${status}×${count}`).join(', '),
    failures: () => [...statuses].filter(([status]) => status !== 200).reduce((sum, [, count]) => sum + count, 0),
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

async function loadOrSplit(jobs: number): Promise<Split> {
  const file = join(CACHE_DIR, `seeded-${jobs}-${await sourceHash(jobs)}.json`);
  try {
    return { ...(JSON.parse(await readFile(file, 'utf8')) as Split), buildMs: 0 };
  } catch {
    // Not cached yet (or unreadable): build it.
  }
  const t0 = Date.now();
  const split = archiveHistory(seedHistory(seedOptions(jobs)), { now: NOW, tz: TZ, archiveAfterDays: 14 });
  const result: Split = {
    jobs,
    hot: split.hot,
    archived: split.months.reduce((sum, month) => sum + Object.keys(month.jobs).length, 0),
    months: split.months.length,
    indexBytes: Buffer.byteLength(JSON.stringify(split.index, null, 1)),
    buildMs: Date.now() - t0,
  };
  await mkdir(CACHE_DIR, { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, JSON.stringify(result));
  await rename(temp, file);
  return result;
}

async function sourceHash(jobs: number): Promise<string> {
  const hash = createHash('sha256').update(`seeded=${jobs}\n`);
  const files = (await readdir(DOMAIN_DIR)).filter((name) => name.endsWith('.ts')).sort().map((name) => join(DOMAIN_DIR, name));
  for (const file of [...files, fileURLToPath(import.meta.url)]) hash.update(`${file}\n`).update(await readFile(file)).update('\n');
  return hash.digest('hex').slice(0, 16);
}
