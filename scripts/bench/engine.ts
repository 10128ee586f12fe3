/**
 * Sections 1 and 2: the pure parts. The parser over the corpus, the conversation engine against documents of
 * 0, 200 and 2,000 jobs, and what reading and writing a document that size costs on every webhook
 * (parse + zod validation on read, JSON.stringify on write).
 */
import { handleInboundText } from '../../domain/conversation';
import { readJobsDocument } from '../../domain/document-records';
import { readStoredJobs, sealJobs } from '../../handlers/jobs-seal';
import { emptyJobsDocument, type JobsDocument } from '../../domain/jobs-document';
import type { InboundText } from '../../domain/inbound';
import { parseText } from '../../domain/parse/parse-text';
import { isOpenStatus } from '../../domain/statuses';
import { BUSINESS_NUMBER, CORPUS, CREW, bookingText, business, customerPhone } from './corpus';
import { HISTORY_START, compactBytes, storedBytes } from './history';
import { loadOrBuildHistory, type LoadedHistory } from './history-cache';
import { kb, msSince, summarize, timeSync, type Row } from './stats';

export interface SectionResult {
  readonly rows: Row[];
  /** Extra lines printed under the table. */
  readonly lines: string[];
}

/** Keeps results alive so the JIT cannot drop the work being measured. */
let sink = 0;

export function benchParser(maxMs: number): SectionResult {
  const now = new Date('2026-06-04T14:30:00Z');
  const run = (i: number): void => {
    const text = CORPUS[i % CORPUS.length]!;
    const parsed = parseText(text.body, { now, tz: 'America/Chicago', role: text.role });
    sink += parsed.intent.length;
  };
  timeSync(run, { count: 2_000, maxMs: maxMs / 4 });
  const samples = timeSync(run, { count: 20_000, maxMs });
  const row = summarize('parser: parseText', samples, `${CORPUS.length} texts repeated`);
  const usPerText = (samples.wallMs * 1000) / samples.ms.length;
  const lines = [`parser: ${row.opsPerSec.toFixed(0)} texts/s, ${usPerText.toFixed(1)} µs per text (p50 ${(row.p50 * 1000).toFixed(1)} µs)`];

  // Which texts cost the most: the mean per corpus entry, to point at the slow rule if there is one.
  const perText = CORPUS.map((text) => {
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < 50; k++) sink += parseText(text.body, { now, tz: 'America/Chicago', role: text.role }).intent.length;
    return { text, us: (msSince(t0) * 1000) / 50 };
  }).sort((a, b) => b.us - a.us);
  lines.push(
    'parser: slowest texts (mean of 50): ' +
      perText
        .slice(0, 3)
        .map((entry) => `${entry.us.toFixed(1)} µs ${JSON.stringify(entry.text.body)}`)
        .join(', '),
  );
  return { rows: [row], lines };
}

export interface Documents {
  readonly d200: LoadedHistory;
  readonly d2000: LoadedHistory;
  /** Building or loading both. */
  readonly ms: number;
}

export async function buildDocuments(): Promise<Documents> {
  const t0 = process.hrtime.bigint();
  const d200 = await loadOrBuildHistory(200);
  const d2000 = await loadOrBuildHistory(2_000);
  return { d200, d2000, ms: msSince(t0) };
}

/**
 * The texts the engine is timed on against a fixed document: new bookings, open customers asking and
 * rescheduling, crew listing, claiming and heading out. Each has its own MessageSid so none is a duplicate.
 */
function engineTexts(doc: JobsDocument, count: number): InboundText[] {
  const open = Object.values(doc.jobs).filter((job) => isOpenStatus(job.status));
  const texts: InboundText[] = [];
  for (let i = 0; i < count; i++) {
    const job = open.length > 0 ? open[i % open.length]! : null;
    const customer = job?.customer.phone ?? customerPhone(900_000 + i);
    const code = job?.code ?? 'K7Q2';
    const member = CREW.crew[i % CREW.crew.length]!;
    const kinds: [string, string][] = [
      [customerPhone(500_000 + i), bookingText(i)],
      [customer, 'where r u'],
      [customer, 'can we do friday between 2 and 4 instead'],
      [member.phone, 'jobs'],
      [member.phone, `claim ${code}`],
      [member.phone, `omw ${code}`],
    ];
    const [from, body] = kinds[i % kinds.length]!;
    texts.push({ sid: `SMbench${String(i).padStart(25, '0')}`, from, to: BUSINESS_NUMBER, body, media: [] });
  }
  return texts;
}

function benchEngineOn(name: string, doc: JobsDocument, at: Date, maxMs: number): Row {
  // Ids far above the document's own, so a booking adds a job instead of replacing job_1.
  const biz = business(at, CREW, 1_000_000);
  const count = 3_000;
  const texts = engineTexts(doc, count);
  const run = (i: number): void => {
    biz.now = new Date(at.getTime() + i * 1000);
    sink += handleInboundText(doc, texts[i % texts.length]!, biz.ctx()).doc.version;
  };
  timeSync(run, { count: 300, maxMs: maxMs / 4 });
  const samples = timeSync(run, { count, maxMs });
  const usPerText = (samples.wallMs * 1000) / samples.ms.length;
  return summarize(name, samples, `${usPerText.toFixed(0)} µs/text; mix: book, status, reschedule, crew jobs/claim/omw`);
}

export function benchEngine(docs: Documents, maxMsEach: number): SectionResult {
  const after = (history: LoadedHistory): Date => new Date(Date.parse(history.endedAt) + 60_000);
  const rows = [
    benchEngineOn('engine: handleInboundText @0 jobs', emptyJobsDocument(), HISTORY_START, maxMsEach),
    benchEngineOn('engine: handleInboundText @200 jobs', docs.d200.doc, after(docs.d200), maxMsEach),
    benchEngineOn('engine: handleInboundText @2000 jobs', docs.d2000.doc, after(docs.d2000), maxMsEach),
  ];
  const describe = (label: string, history: LoadedHistory): string => {
    const doc = history.doc;
    const open = Object.values(doc.jobs).filter((job) => isOpenStatus(job.status)).length;
    return (
      `jobs.json @${label} jobs: ${kb(storedBytes(doc))} as stored (1-space indent), ${kb(compactBytes(doc))} compact; ` +
      `${open} open, ${doc.outbox.length} outbox items, ${Object.keys(doc.inbound).length} remembered sids, ` +
      `built from ${history.texts} texts in ${(history.buildMs / 1000).toFixed(1)} s` +
      (history.cached ? ' (loaded from the bench cache; rebuilt whenever domain/ changes)' : '')
    );
  };
  const lines = [
    describe('200', docs.d200),
    describe('2000', docs.d2000),
    `per-job cost: ${(storedBytes(docs.d2000.doc) / 2000 / 1024).toFixed(2)} KB stored at 2000 jobs`,
  ];
  const unread = docs.d2000.unreadCodes;
  if (unread.length > 0) {
    lines.push(
      `note: ${unread.length} of 2000 generated job codes were not read from crew texts without '#' ` +
        `(${unread.slice(0, 6).join(', ')}${unread.length > 6 ? ', …' : ''}); those jobs stayed open`,
    );
  }
  return { rows, lines };
}

/** The fixed cost every webhook write pays on top of the engine: read + validate, then serialize. */
export function benchDocumentCosts(docs: Documents, maxMsEach: number): SectionResult {
  const rows: Row[] = [];
  for (const [label, history, count] of [['200', docs.d200, 100], ['2000', docs.d2000, 30]] as const) {
    const stored = JSON.stringify(history.doc);
    // What a read costs when jobs.json changed under us (another process wrote): an unchanged one is not re-parsed.
    // Another writer's document (or one edited by hand) is validated record by record; one this code sealed is not.
    const sealed = sealJobs(history.doc);
    const read = (): void => void (sink += readJobsDocument(stored).version);
    const readSealed = (): void => void (sink += readStoredJobs(sealed).version);
    const write = (): void => void (sink += sealJobs({ ...history.doc, version: 1 }).length);
    timeSync(read, { count: 3, maxMs: maxMsEach / 4 });
    rows.push(summarize(`jobs.json read: JSON.parse + zod per record @${label}`, timeSync(read, { count, maxMs: maxMsEach }), kb(stored.length)));
    timeSync(readSealed, { count: 3, maxMs: maxMsEach / 4 });
    rows.push(summarize(`jobs.json read, sealed by this code: sha256 + JSON.parse @${label}`, timeSync(readSealed, { count, maxMs: maxMsEach })));
    timeSync(write, { count: 3, maxMs: maxMsEach / 4 });
    rows.push(summarize(`jobs.json write: JSON.stringify + seal @${label}`, timeSync(write, { count, maxMs: maxMsEach })));
  }
  return { rows, lines: [] };
}

/** Read by the caller after a run so `sink` is observably used. */
export function sinkValue(): number {
  return sink;
}
