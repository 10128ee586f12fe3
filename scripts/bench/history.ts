/**
 * Builds a jobs document of a given size by running the conversation engine itself, the way months of real use
 * would: customers book by text, crew claim / head out / arrive / finish, some customers cancel, and the outbox is
 * delivered after every text (so sent notifications age out as they do in production). The last tenth of the jobs
 * are left open in assorted states, like a live board.
 *
 * Built in blocks of BLOCK_JOBS jobs, each block on a fresh document whose jobs are then merged: every text costs
 * the engine O(jobs) (it copies the jobs record), so one sequential build of 2,000 jobs costs O(n²), about 20 s on a
 * loaded 2-core machine, past the benchmark's budget. Merging gives the same document: a block spans ~25 days of
 * simulated time, and the outbox (14 days) and the MessageSid memory (7 days) of earlier blocks would have aged out
 * of a sequential build anyway; ids, tokens and customer numbers continue across blocks. The open tail is built
 * as one block so open jobs see each other's codes.
 */
import { handleInboundText } from '../../domain/conversation';
import { emptyJobsDocument, type JobsDocument } from '../../domain/jobs-document';
import { claimDue, recordDeliveries } from '../../domain/outbox';
import { BUSINESS_NUMBER, CREW, bookingText, business, customerPhone } from './corpus';

export interface History {
  readonly doc: JobsDocument;
  /** The simulated time just after the last text. */
  readonly endedAt: string;
  /** Engine calls it took. */
  readonly texts: number;
  /** How long the build took (when it ran, if this copy came from the cache). */
  readonly buildMs: number;
  /**
   * Codes of jobs that a crew text naming the code (e.g. "claim 6X7Z") did not reach: the engine did not read the
   * code, so that job stayed open. Empty when every code the generator makes can be texted without '#'.
   */
  readonly unreadCodes: string[];
}

/** Simulated time between texts and between jobs: about eight jobs a day. */
const TEXT_GAP_MS = 5 * 60_000;
const JOB_GAP_MS = 2.5 * 3600_000;
const BLOCK_JOBS = 200;
export const HISTORY_START = new Date('2025-09-01T14:00:00Z');

/**
 * `jobCount` jobs, each booked from its own number. Throws if the engine does not create exactly one job per
 * booking (then the numbers the benchmark prints would describe the wrong document).
 */
export function buildHistory(jobCount: number, firstCustomer = 0): History {
  const t0 = process.hrtime.bigint();
  const biz = business(HISTORY_START);
  let doc = emptyJobsDocument();
  const earlier: JobsDocument['jobs'][] = [];
  const earlierUnmatched: JobsDocument['unmatched'][] = [];
  let sid = 0;
  let texts = 0;
  const unreadCodes = new Set<string>();

  const send = (from: string, body: string): string | null => {
    const text = { sid: `SMhist${String(++sid).padStart(26, '0')}`, from, to: BUSINESS_NUMBER, body, media: [] };
    const ctx = biz.ctx();
    const outcome = handleInboundText(doc, text, ctx);
    doc = deliverAll(outcome.doc, ctx.now);
    texts++;
    biz.now = new Date(biz.now.getTime() + TEXT_GAP_MS);
    return outcome.doc.inbound[text.sid]?.jobId ?? null;
  };

  const openTail = Math.floor(jobCount * 0.9);
  for (let i = 0; i < jobCount; i++) {
    if (i > 0 && i % BLOCK_JOBS === 0 && i <= openTail) {
      earlier.push(doc.jobs);
      earlierUnmatched.push(doc.unmatched);
      doc = { ...emptyJobsDocument(), optOuts: doc.optOuts };
    }
    const phone = customerPhone(firstCustomer + i);
    const jobId = send(phone, bookingText(i));
    const job = jobId ? doc.jobs[jobId] : undefined;
    if (!job) throw new Error(`history: booking text ${i} ("${bookingText(i)}") did not create a job`);
    const member = CREW.crew[i % CREW.crew.length]!;
    const crewText = (body: string): void => {
      if (send(member.phone, body) !== job.id) unreadCodes.add(job.code);
    };
    // Open jobs at the end: booked, claimed, ready or on the way.
    const steps = i >= openTail ? (['claim', 'ready', 'omw', ''] as const)[i % 4]! : i % 15 === 7 ? 'cancel' : 'all';
    if (i % 2 === 0 || steps === 'ready') send(phone, 'stuff is on the curb');
    if (steps === 'cancel') send(phone, 'please cancel my pickup, we sold the fridge');
    if (steps === 'claim' || steps === 'omw' || steps === 'all') crewText(`claim ${job.code}`);
    if (steps === 'omw' || steps === 'all') crewText(`omw ${job.code}`);
    if (steps === 'all') {
      if (i % 3 === 0) crewText(`price ${job.code} ${150 + (i % 20) * 25}`);
      if (i % 3 === 0) send(phone, 'yes');
      crewText(`here ${job.code}`);
      crewText(`done ${job.code}`);
    }
    biz.now = new Date(biz.now.getTime() + JOB_GAP_MS);
  }
  doc = { ...doc, jobs: Object.assign({}, ...earlier, doc.jobs), unmatched: [...earlierUnmatched.flat(), ...doc.unmatched] };
  const count = Object.keys(doc.jobs).length;
  if (count !== jobCount) throw new Error(`history: expected ${jobCount} jobs, the engine made ${count}`);
  const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
  return { doc, endedAt: biz.now.toISOString(), texts, buildMs, unreadCodes: [...unreadCodes] };
}

/** What the webhook's deliverOutbox does after a write, with every send succeeding. */
function deliverAll(doc: JobsDocument, now: Date): JobsDocument {
  const { doc: claimedDoc, claimed } = claimDue(doc, now, { limit: 1000 });
  if (claimed.length === 0) return claimedDoc;
  const reports = claimed.map((item) => ({ key: item.key, result: { ok: true as const, providerId: 'bench' } }));
  return recordDeliveries(claimedDoc, reports, now);
}

/** The bytes jobs.json takes as handlers/state.ts writes it (compact JSON.stringify). */
export function storedBytes(doc: JobsDocument): number {
  return Buffer.byteLength(JSON.stringify(doc), 'utf8');
}

export function compactBytes(doc: JobsDocument): number {
  return Buffer.byteLength(JSON.stringify(doc), 'utf8');
}
