/**
 * A business day for domain tests that drive the conversation engine the way the webhook does: one jobs document,
 * a clock that moves a minute per text, deterministic ids, tokens and codes. Tests read the document, the reply
 * and the outbox.
 */
import type { BusinessProfile } from '../../domain/business-profile';
import type { BusinessContext } from '../../domain/context';
import { handleInboundText, type ConversationOutcome } from '../../domain/conversation';
import { emptyJobsDocument, type Job, type JobsDocument } from '../../domain/jobs-document';

export const BUSINESS = '+15555550100';
/** Sam drives and gets email. */
export const SAM = '+15555550101';
export const CUSTOMER = '+15555550123';
export const NEIGHBOUR = '+15555550124';

/** Thursday 2026-06-04, 09:30 in Chicago. */
export const THU_0930 = new Date('2026-06-04T14:30:00Z');

/** `business`: the business.json questions are answered from (none: a person answers them all). */
export function textingDay(start: Date = THU_0930, doc: JobsDocument = emptyJobsDocument(), business?: BusinessProfile) {
  let minutes = 0;
  let ids = 0;
  let sids = 0;
  let seed = 42;
  const ctx = (): BusinessContext => ({
    now: new Date(start.getTime() + minutes * 60_000),
    tz: 'America/Chicago',
    businessName: 'QuickDumpNow',
    businessPhone: BUSINESS,
    publicBaseUrl: 'https://dispatch.example.com',
    dispatchEmail: 'dispatch@example.com',
    crew: { crew: [{ name: 'Sam Rivera', phone: SAM, email: 'sam@example.com', roles: ['driver'] }] },
    newId: () => `job_${++ids}`,
    newToken: () => `trk_${String(ids).padStart(21, '0')}`,
    random: () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31,
    ...(business ? { business } : {}),
  });

  return {
    /** One inbound text; `sid` repeats an earlier MessageSid (Twilio's retry), `afterMs` lets time pass first. */
    text(from: string, body: string, options: { sid?: string; afterMs?: number; photos?: number } = {}): ConversationOutcome {
      minutes += 1 + (options.afterMs ?? 0) / 60_000;
      const sid = options.sid ?? `SM${++sids}`;
      const media = Array.from({ length: options.photos ?? 0 }, (_, i) => ({
        url: `https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/${sid}/Media/ME${i}`,
        contentType: 'image/jpeg',
      }));
      const outcome = handleInboundText(doc, { sid, from, to: BUSINESS, body, media }, ctx());
      doc = outcome.doc;
      return outcome;
    },
    /** Changes a job directly (a dispatcher's edit or a state the test starts from). */
    put(job: Job) {
      doc = { ...doc, jobs: { ...doc.jobs, [job.id]: job } };
    },
    get doc() {
      return doc;
    },
    /** The business as the next text will see it (clock, crew, ids). */
    get ctx(): BusinessContext {
      return ctx();
    },
    /** The customer's one job. */
    jobOf(phone: string): Job {
      const jobs = Object.values(doc.jobs).filter((job) => job.customer.phone === phone);
      if (jobs.length !== 1) throw new Error(`${phone} has ${jobs.length} jobs`);
      return jobs[0]!;
    },
  };
}

/** A day where the customer booked tomorrow morning at the first address (12 Oak St), then Friday at each other one. */
export function booked(...addresses: string[]) {
  const day = textingDay();
  day.text(CUSTOMER, `tomorrow morning, ${addresses[0] ?? '12 Oak St'}`);
  for (const address of addresses.slice(1)) day.text(CUSTOMER, `also need a pickup friday at ${address}`);
  return day;
}
