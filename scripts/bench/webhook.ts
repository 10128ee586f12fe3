/**
 * Section 3: the SMS webhook end to end, in process. createApp(deps) with the real file store in a temp dir
 * (fsync + rename on every write, as `npm start` does), senders that only record, and requests signed the way
 * Twilio signs them, on a store that starts from the 200-job history of section 2. What one text costs: crew.json
 * read, jobs.json "still the same?" (a stat), the engine, one conditional write that also claims what it queued,
 * the sends (the record of the sends rides along with the next write).
 * Beside it, in the same run, the physical floor: one durable write of the same jobs.json (a fresh read of the
 * file + an atomic fsync'd write of it), and the ratio of a text's p50 to it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConflictError } from '../../domain/errors';
import type { JobsDocument } from '../../domain/jobs-document';
import type { ObjectStore } from '../../domain/ports';
import { createApp } from '../../handlers/app';
import { parseConfig } from '../../handlers/config';
import type { Deps } from '../../handlers/deps';
import { createFileStore } from '../../handlers/file-store';
import { CREW_KEY, JOBS_KEY, readJobs } from '../../handlers/state';
import { AUTH_TOKEN, BASE_URL, BUSINESS_NUMBER, postSigned, recordingSenders } from '../../test/support/harness';
import { benchIds } from './burst';
import { CREW, bookingText, customerPhone } from './corpus';
import { combine, summarize, timeConcurrent, timeSequential, type Row, type Samples } from './stats';
import type { SectionResult } from './engine';

/** Counts what the compare-and-swap did: every put, and every put refused with ConflictError. */
export interface CountingStore extends ObjectStore {
  readonly counts: { puts: number; conflicts: number };
}

export function countingStore(inner: ObjectStore): CountingStore {
  const counts = { puts: 0, conflicts: 0 };
  return {
    counts,
    get: ((key: string, options?: { ifNoneMatch: string }) => (options ? inner.get(key, options) : inner.get(key))) as ObjectStore['get'],
    list: (prefix) => inner.list(prefix),
    delete: (key) => inner.delete(key),
    put: async (key, body, condition, contentType) => {
      counts.puts++;
      try {
        return await inner.put(key, body, condition, contentType);
      } catch (error) {
        if (error instanceof ConflictError) counts.conflicts++;
        throw error;
      }
    },
  };
}

/** Ten texts a customer might send over a morning, from booking to cancelling. */
const CONVERSATION = [
  (i: number) => bookingText(i),
  () => 'where r u',
  () => 'stuff is on the curb',
  () => 'can we do friday between 2 and 4 instead',
  () => "What's my status?",
  () => 'how much for a washer and dryer',
  () => 'thanks!!',
  () => 'actually make it next monday evening',
  () => 'Are you guys still coming today?',
  () => 'cancel',
];

const NUMBERS = 50;
const CONCURRENT_ROUNDS = 4;

export async function benchWebhook(maxMs: number, problems: string[], seed: JobsDocument | null = null): Promise<SectionResult> {
  const dir = await mkdtemp(join(tmpdir(), 'sms-dispatcher-bench-'));
  try {
    const started = process.hrtime.bigint();
    const sequential = await benchSequential(await openSite(join(dir, 'sequential'), problems, seed), maxMs * 0.3, problems);
    const floor = await benchDurableWrite(join(dir, 'sequential'), join(dir, 'floor'), maxMs * 0.1, sequential.p50);
    const left = maxMs - Number(process.hrtime.bigint() - started) / 1e6;
    const concurrent = await benchConcurrent(await openSite(join(dir, 'burst'), problems, seed), left, problems);
    return {
      rows: [sequential.row, floor.row, concurrent.row],
      lines: [...sequential.lines, floor.line, ...concurrent.lines],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One business: the app on its own file store, with what it sent and logged. */
interface Site {
  readonly store: CountingStore;
  readonly clock: { now: Date };
  readonly statuses: Map<number, number>;
  readonly sent: ReturnType<typeof recordingSenders>['sent'];
  readonly warnings: string[];
  /** Posts one signed text; resolves to the HTTP status. */
  text(from: string, body: string): Promise<number>;
}

async function openSite(dir: string, problems: string[], seed: JobsDocument | null): Promise<Site> {
  const store = countingStore(createFileStore(dir));
  const senders = recordingSenders();
  const clock = { now: new Date('2026-06-04T09:30:00-05:00') };
  const warnings: string[] = [];
  const deps: Deps = {
    store,
    sms: senders.sms,
    mailer: senders.mailer,
    clock: () => clock.now,
    config: parseConfig(
      { DATA_DIR: dir, PUBLIC_BASE_URL: BASE_URL, TWILIO_AUTH_TOKEN: AUTH_TOKEN, DISPATCH_EMAIL: 'dispatch@example.com' },
      { local: true },
    ),
    ids: benchIds(),
    log: (level, message) => void (level !== 'info' && warnings.push(message)),
  };
  await store.put(CREW_KEY, JSON.stringify(CREW), { ifNoneMatch: '*' }, 'application/json');
  if (seed) await store.put(JOBS_KEY, JSON.stringify({ ...seed, version: 1 }), { ifNoneMatch: '*' }, 'application/json');
  const app = createApp(deps);
  let sid = 0;
  const statuses = new Map<number, number>();
  const text = async (from: string, body: string): Promise<number> => {
    const params = { MessageSid: `SM${String(++sid).padStart(32, '0')}`, From: from, To: BUSINESS_NUMBER, Body: body, NumMedia: '0' };
    const response = await postSigned(app, params);
    const twiml = await response.text();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    if (response.status === 200 && !twiml.includes('<Response')) problems.push(`webhook: 200 without TwiML: ${twiml.slice(0, 80)}`);
    return response.status;
  };
  // Warm-up: JIT, the file system's caches, the app's lazy parts. Numbers outside the measured ones.
  for (let i = 0; i < 10; i++) await text(customerPhone(700_000 + (i % 5)), CONVERSATION[Math.floor(i / 5)]!(i));
  store.counts.puts = 0;
  store.counts.conflicts = 0;
  return { store, clock, statuses, sent: senders.sent, warnings, text };
}

function describeSite(label: string, site: Site, doc: { jobs: object; version: number }): string {
  return (
    `webhook ${label}: statuses ${[...site.statuses].map(([status, count]) => `${status}×${count}`).join(', ')} (incl. 10 warm-up); ` +
    `jobs.json ${Object.keys(doc.jobs).length} jobs, version ${doc.version}; recorded ${site.sent.email.length} emails, ` +
    `${site.sent.sms.length} texts; ${site.warnings.length} warnings logged` +
    (site.warnings.length > 0 ? ` (first: ${site.warnings[0]})` : '')
  );
}

/** 50 customers, each through the ten-text conversation, interleaved as a real morning would be. */
async function benchSequential(site: Site, maxMs: number, problems: string[]): Promise<{ row: Row; lines: string[]; p50: number }> {
  const samples = await timeSequential(
    async (n) => {
      site.clock.now = new Date(site.clock.now.getTime() + 20_000);
      const i = n % NUMBERS;
      const status = await site.text(customerPhone(710_000 + i), CONVERSATION[Math.floor(n / NUMBERS)]!(i));
      if (status !== 200) problems.push(`webhook: sequential text ${n} answered ${status}`);
    },
    { count: NUMBERS * CONVERSATION.length, maxMs },
  );
  const { puts, conflicts } = site.store.counts;
  const row = summarize(
    'webhook: sequential texts',
    samples,
    `${NUMBERS} numbers x 10-text conversation; ${(puts / samples.ms.length).toFixed(2)} writes/text; ${conflicts} conflicts`,
  );
  return { row, lines: [describeSite('sequential', site, (await readJobs(site.store)).doc)], p50: row.p50 };
}

/**
 * The floor a text stands on: read jobs.json from disk (a fresh store: no cache, so it reads and hashes the file)
 * and write the same bytes back atomically (temp file, fsync, rename, fsync of the directory). On a copy of the
 * document the sequential texts left behind, so both rows handle the same size.
 */
async function benchDurableWrite(from: string, dir: string, maxMs: number, textP50: number): Promise<{ row: Row; line: string }> {
  const source = await createFileStore(from).get(JOBS_KEY);
  if (source === null) throw new Error('durable write: the sequential site has no jobs.json');
  await createFileStore(dir).put(JOBS_KEY, source.body, { ifNoneMatch: '*' }, 'application/json');
  const samples = await timeSequential(
    async () => {
      const store = createFileStore(dir);
      const current = await store.get(JOBS_KEY);
      await store.put(JOBS_KEY, current!.body, { ifMatch: current!.etag }, 'application/json');
    },
    { count: 100, maxMs },
  );
  const row = summarize('floor: one durable write of jobs.json', samples, `read + atomic fsync'd write of ${(source.body.length / 1024).toFixed(0)} KB`);
  const line = `hot path: a text's p50 is ${(textP50 / row.p50).toFixed(2)} x one durable write of the same jobs.json (${textP50.toFixed(1)} ms vs ${row.p50.toFixed(1)} ms; target <= 2)`;
  return { row, line };
}

/** 50 new customers book at the same moment, up to four times over, on a fresh store. */
async function benchConcurrent(site: Site, maxMs: number, problems: string[]): Promise<{ row: Row; lines: string[] }> {
  const started = process.hrtime.bigint();
  const budgetLeft = (): number => maxMs - Number(process.hrtime.bigint() - started) / 1e6;
  const rounds: Samples[] = [];
  const booked: string[] = [];
  // A round is started only when the last one would still fit in the budget (a round cannot be cut short).
  for (let round = 0; round < CONCURRENT_ROUNDS && (round === 0 || budgetLeft() > rounds[round - 1]!.wallMs); round++) {
    site.clock.now = new Date(site.clock.now.getTime() + 60_000);
    rounds.push(
      await timeConcurrent(async (i) => {
        const phone = customerPhone(720_000 + round * NUMBERS + i);
        if ((await site.text(phone, bookingText(i))) === 200) booked.push(phone);
      }, NUMBERS),
    );
  }
  const samples = { ...combine(rounds), capped: rounds.length < CONCURRENT_ROUNDS };
  const { puts, conflicts } = site.store.counts;
  const attempts = puts / Math.max(1, puts - conflicts);

  // Every 200 must have its job: a lost update here would be a broken compare-and-swap.
  const { doc } = await readJobs(site.store);
  const phones = new Set(Object.values(doc.jobs).map((job) => job.customer.phone));
  const lost = booked.filter((phone) => !phones.has(phone));
  if (lost.length > 0) problems.push(`webhook: ${lost.length} texts answered 200 but their job is missing (lost update)`);
  const row = summarize(
    `webhook: ${NUMBERS} concurrent texts`,
    samples,
    `${rounds.length} rounds; ${booked.length}/${samples.ms.length} answered 200; ${conflicts} CAS conflicts in ${puts} puts`,
  );
  const lines = [
    `webhook concurrent: ${attempts.toFixed(2)} put attempts per successful write; lost updates: ${lost.length}; ` +
      `round wall times ${rounds.map((r) => `${(r.wallMs / 1000).toFixed(1)} s`).join(', ')}`,
    describeSite('concurrent', site, doc),
  ];
  return { row, lines };
}
