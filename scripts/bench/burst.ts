/**
 * Section 6: bursts. 200 new customers text at the same moment on the file store, and 100 on s3rver behind the
 * proxy that enforces S3's conditional writes, each store starting from the realistic 200-job history of section 2.
 * What a burst must come to: every text answered 200, every job kept, each customer confirmed exactly once (in the
 * TwiML answer, or by a text when the text was parked and applied by the sweep), no notification sent twice, and
 * far fewer jobs.json PUT attempts than texts (the group commit, handlers/state.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobsDocument } from '../../domain/jobs-document';
import type { ObjectStore } from '../../domain/ports';
import { createApp } from '../../handlers/app';
import { parseConfig } from '../../handlers/config';
import type { Deps } from '../../handlers/deps';
import { createFileStore } from '../../handlers/file-store';
import { INBOX_PREFIX } from '../../handlers/inbox';
import { createS3HttpStore } from '../../handlers/s3-http-store';
import { CREW_KEY, JOBS_KEY, readJobs, settled } from '../../handlers/state';
import { runSweep } from '../../handlers/sweep';
import { startConditionalS3Proxy } from '../../test/support/conditional-s3-proxy';
import { AUTH_TOKEN, BASE_URL, BUSINESS_NUMBER, postSigned, recordingSenders, replyOf, sequentialIds } from '../../test/support/harness';
import { S3RVER_CREDENTIALS, startS3rver } from '../../test/support/s3rver';
import { CREW, bookingText, customerPhone } from './corpus';
import type { SectionResult } from './engine';
import { summarize, timeConcurrent, type Row } from './stats';

/** Ids that never meet the history's job_1…job_200. */
export function benchIds(): ReturnType<typeof sequentialIds> {
  let n = 0;
  return { ...sequentialIds(), newId: () => `job_new${++n}` };
}

/** Counts PUT attempts on jobs.json only (crew.json and parked texts are not the contended key). */
function countingJobsPuts(inner: ObjectStore): ObjectStore & { puts: number } {
  const store = {
    puts: 0,
    get: ((key: string, options?: { ifNoneMatch: string }) => (options ? inner.get(key, options) : inner.get(key))) as ObjectStore['get'],
    list: (prefix: string) => inner.list(prefix),
    delete: (key: string) => inner.delete(key),
    put: (key: string, body: string, condition: Parameters<ObjectStore['put']>[2], contentType?: string) => {
      if (key === JOBS_KEY) store.puts++;
      return inner.put(key, body, condition, contentType);
    },
  };
  return store;
}

export async function benchBursts(seed: JobsDocument, endedAt: string, problems: string[]): Promise<SectionResult> {
  const rows: Row[] = [];
  const lines: string[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'sms-dispatcher-burst-'));
  try {
    const file = await burst('file store', createFileStore(dir), 200, seed, endedAt, problems);
    rows.push(file.row);
    lines.push(file.line);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const s3rver = await startS3rver(['burst']);
  try {
    const proxy = await startConditionalS3Proxy(s3rver.endpoint);
    try {
      // The store Lambda uses (fetch + SigV4).
      const store = createS3HttpStore({ bucket: 'burst', prefix: 'bench/data', region: 'us-east-1', endpoint: proxy.endpoint, credentials: S3RVER_CREDENTIALS });
      const s3 = await burst('s3rver + proxy', store, 100, seed, endedAt, problems);
      rows.push(s3.row);
      lines.push(s3.line);
    } finally {
      await proxy.close();
    }
  } finally {
    await s3rver.close();
  }
  return { rows, lines };
}

async function burst(
  label: string,
  inner: ObjectStore,
  size: number,
  seed: JobsDocument,
  endedAt: string,
  problems: string[],
): Promise<{ row: Row; line: string }> {
  const store = countingJobsPuts(inner);
  await store.put(JOBS_KEY, JSON.stringify({ ...seed, version: 1 }), { ifNoneMatch: '*' }, 'application/json');
  await store.put(CREW_KEY, JSON.stringify(CREW), { ifNoneMatch: '*' }, 'application/json');
  const senders = recordingSenders();
  const deps: Deps = {
    store,
    sms: senders.sms,
    mailer: senders.mailer,
    clock: () => new Date(Date.parse(endedAt) + 3_600_000),
    config: parseConfig({ PUBLIC_BASE_URL: BASE_URL, TWILIO_AUTH_TOKEN: AUTH_TOKEN, DISPATCH_EMAIL: 'dispatch@example.com' }, { local: true }),
    ids: benchIds(),
    log: () => {},
  };
  const app = createApp(deps);
  await readJobs(store); // the server has read jobs.json once before the burst, as a running one has
  store.puts = 0;

  const phones = Array.from({ length: size }, (_, i) => customerPhone(800_000 + i));
  const statuses: number[] = [];
  const replies: (string | null)[] = [];
  const samples = await timeConcurrent(async (i) => {
    const response = await postSigned(app, { MessageSid: `SMburst${String(i).padStart(27, '0')}`, From: phones[i]!, To: BUSINESS_NUMBER, Body: bookingText(i), NumMedia: '0' });
    statuses[i] = response.status;
    replies[i] = replyOf(await response.text());
  }, size);
  const putsInBurst = store.puts;
  const parked = (await store.list(INBOX_PREFIX)).length;
  await runSweep(deps);
  await settled(store);

  const { doc } = await readJobs(store);
  const owners = new Set(Object.values(doc.jobs).map((job) => job.customer.phone));
  const notAnswered = statuses.filter((status) => status !== 200).length;
  const lost = phones.filter((phone) => !owners.has(phone)).length;
  const confirmations = phones.map(
    (phone, i) => (replies[i]?.includes('Track it:') ? 1 : 0) + senders.sent.sms.filter((sms) => sms.to === phone && sms.body.includes('Track it:')).length,
  );
  const notOnce = confirmations.filter((count) => count !== 1).length;
  const keys = [...senders.sent.sms, ...senders.sent.email].map((message) => message.key);
  const twice = keys.length - new Set(keys).size;
  const label2 = `burst: ${size} texts at once, ${label}`;
  if (notAnswered > 0) problems.push(`${label2}: ${notAnswered} answers other than 200`);
  if (lost > 0) problems.push(`${label2}: ${lost} customers have no job`);
  if (notOnce > 0) problems.push(`${label2}: ${notOnce} customers not confirmed exactly once`);
  if (twice > 0) problems.push(`${label2}: ${twice} notifications sent twice`);
  const perText = putsInBurst / size;
  const row = summarize(
    label2,
    samples,
    `answered 200: ${size - notAnswered}/${size}; recorded ${size - lost}/${size}; confirmed once ${size - notOnce}/${size}; ` +
      `sent twice ${twice}; ${perText.toFixed(2)} jobs.json PUTs/text`,
  );
  const line =
    `${label2}: wall ${(samples.wallMs / 1000).toFixed(2)} s; ${putsInBurst} jobs.json PUT attempts (${perText.toFixed(3)} per text); ` +
    `${parked} parked and applied by the sweep; ${Object.keys(doc.jobs).length} jobs after (${Object.keys(seed.jobs).length} before)`;
  return { row, line };
}
