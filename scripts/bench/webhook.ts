/**
 * Section 3: the SMS webhook end to end, in process. createApp(deps) with the real file store in a temp dir
 * (fsync + rename on every write, as `npm start` does), senders that only record, and requests signed the way
 * Twilio signs them. What one text costs: crew.json read, jobs.json read + validate, the engine, a conditional
 * write, then the delivery of what it queued (claim write, send, record write).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConflictError } from '../../domain/errors';
import type { ObjectStore } from '../../domain/ports';
import { createApp } from '../../handlers/app';
import { parseConfig } from '../../handlers/config';
import type { Deps } from '../../handlers/deps';
import { createFileStore } from '../../handlers/file-store';
import { CREW_KEY, readJobs } from '../../handlers/state';
import { AUTH_TOKEN, BASE_URL, BUSINESS_NUMBER, postSigned, recordingSenders, sequentialIds } from '../../test/support/harness';
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

export async function benchWebhook(maxMs: number, problems: string[]): Promise<SectionResult> {
  const dir = await mkdtemp(join(tmpdir(), 'sms-dispatcher-bench-'));
  try {
    const started = process.hrtime.bigint();
    const sequential = await benchSequential(await openSite(join(dir, 'sequential'), problems), maxMs * 0.3, problems);
    const left = maxMs - Number(process.hrtime.bigint() - started) / 1e6;
    const concurrent = await benchConcurrent(await openSite(join(dir, 'burst'), problems), left, problems);
    return { rows: [sequential.row, concurrent.row], lines: [...sequential.lines, ...concurrent.lines] };
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

async function openSite(dir: string, problems: string[]): Promise<Site> {
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
    ids: sequentialIds(),
    log: (level, message) => void (level !== 'info' && warnings.push(message)),
  };
  await store.put(CREW_KEY, JSON.stringify(CREW), { ifNoneMatch: '*' }, 'application/json');
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
async function benchSequential(site: Site, maxMs: number, problems: string[]): Promise<{ row: Row; lines: string[] }> {
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
  return { row, lines: [describeSite('sequential', site, (await readJobs(site.store)).doc)] };
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
