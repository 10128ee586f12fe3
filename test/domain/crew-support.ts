/**
 * A business day for the crew-command tests: a roster of four (Sam and Max drive, Ana is first mate, Lee supervises
 * and drives), customers who book by text, and every text through handleInboundText like the webhook.
 */
import { expect } from 'vitest';
import type { BusinessContext } from '../../domain/context';
import type { CrewRoster } from '../../domain/crew';
import { handleInboundText, type ConversationOutcome } from '../../domain/conversation';
import { isGsm7, toGsm7 } from '../../domain/gsm7';
import { emptyJobsDocument, type Job, type JobsDocument } from '../../domain/jobs-document';
import { jobLabel } from '../../domain/notifications';

export const BUSINESS = '+15555550100';
export const SAM = '+15555550101';
export const ANA = '+15555550102';
export const LEE = '+15555550103';
/** A second driver, to see first come, first served. No email. */
export const MAX = '+15555550104';
export const OAK_CUSTOMER = '+15555550201';
export const ELM_CUSTOMER = '+15555550202';
export const PINE_CUSTOMER = '+15555550203';

export const ROSTER: CrewRoster = {
  crew: [
    { name: 'Sam Rivera', phone: SAM, email: 'sam@example.com', roles: ['driver'] },
    { name: 'Ana Lopez', phone: ANA, email: null, roles: ['first_mate'] },
    { name: 'Lee Park', phone: LEE, email: null, roles: ['supervisor', 'driver'] },
    { name: 'Max Chen', phone: MAX, email: null, roles: ['driver'] },
  ],
};

/** Thursday 2026-06-04, 09:30 in Chicago. Every text moves the clock one minute on. */
export const START = new Date('2026-06-04T14:30:00Z');
export const MAX_REPLY = 320;

/** A business day in a test: one jobs document, a clock, deterministic ids, tokens and codes. */
export function day() {
  let doc: JobsDocument = emptyJobsDocument();
  let minutes = 0;
  let ids = 0;
  let tokens = 0;
  let sids = 0;
  let seed = 42;
  const ctx = (): BusinessContext => ({
    now: new Date(START.getTime() + minutes * 60_000),
    tz: 'America/Chicago',
    businessName: 'QuickDumpNow',
    businessPhone: '+15555550100',
    publicBaseUrl: 'https://dispatch.example.com',
    dispatchEmail: 'dispatch@example.com',
    crew: ROSTER,
    newId: () => `job_${++ids}`,
    newToken: () => `trk_${String(++tokens).padStart(21, '0')}`,
    // A small LCG: the same codes on every run, different from one job to the next.
    random: () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31,
  });

  function text(from: string, body: string, options: { sid?: string; photos?: number } = {}): ConversationOutcome {
    minutes += 1;
    const media = Array.from({ length: options.photos ?? 0 }, (_, i) => ({
      url: `https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM${sids}/Media/ME${i}`,
      contentType: 'image/jpeg',
    }));
    const outcome = handleInboundText(doc, { sid: options.sid ?? `SM${++sids}`, from, to: BUSINESS, body, media }, ctx());
    doc = outcome.doc;
    return outcome;
  }

  /** A customer books by text; returns the new job. */
  function book(phone: string, body = 'ready this afternoon, 12 Oak St'): Job {
    text(phone, body);
    const job = Object.values(doc.jobs).find((j) => j.customer.phone === phone);
    if (!job) throw new Error(`"${body}" did not book a job`);
    return job;
  }

  return {
    text,
    book,
    get doc() {
      return doc;
    },
    get now() {
      return ctx().now;
    },
    /** Stores a job as given (what a dashboard edit would do). */
    put: (job: Job) => void (doc = { ...doc, jobs: { ...doc.jobs, [job.id]: job } }),
    /** Lets time pass without a text (e.g. to the next business day). */
    wait: (hours: number) => void (minutes += hours * 60),
    job: (id: string): Job => doc.jobs[id]!,
    /** What a job looks like apart from the messages kept on it: what a refused command must not touch. */
    state: (id: string) => {
      const { messages: _messages, updatedAt: _updatedAt, photos: _photos, ...rest } = doc.jobs[id]!;
      return rest;
    },
  };
}

/** Every crew reply about a job is short and names it by code and location. */
export function expectCrewReply(reply: string | null, job?: Job): string {
  expect(reply).not.toBeNull();
  expect(reply!.length).toBeLessThanOrEqual(MAX_REPLY);
  // Crew texts are GSM-7 like customers' (160 characters a segment, not 70): the label's middle dot is a hyphen.
  expect(isGsm7(reply!)).toBe(true);
  if (job) expect(reply).toContain(toGsm7(jobLabel(job)));
  return reply!;
}

export function smsTo(doc: JobsDocument, phone: string) {
  return doc.outbox.filter((item) => item.channel === 'sms' && item.to === phone);
}
