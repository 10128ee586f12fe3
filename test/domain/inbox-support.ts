/**
 * A morning of texts for the inbox tests, and the dispatcher's reply written as the route writes it.
 */
import { dispatcherReply } from '../../domain/inbox';
import type { JobsDocument } from '../../domain/jobs-document';
import { enqueue } from '../../domain/outbox';
import { CUSTOMER, NEIGHBOUR, SAM, textingDay } from './support';

/** A customer books and Sam sets out (the customer is texted); a neighbour sends a text the bot cannot place. */
export function busyMorning() {
  const day = textingDay();
  day.text(CUSTOMER, 'tomorrow morning, 12 Oak St');
  const job = day.jobOf(CUSTOMER);
  day.put({ ...job, customer: { ...job.customer, name: 'Dana Whit' } });
  day.text(SAM, `claim ${job.code}`);
  day.text(NEIGHBOUR, 'the gate code changed, blue house');
  day.text(SAM, `omw ${job.code} now`);
  return { day, job: day.jobOf(CUSTOMER) };
}

/** The document with the dispatcher's reply written and its text queued, as the route does. */
export function replied(doc: JobsDocument, phone: string, body: string, day: ReturnType<typeof textingDay>): JobsDocument {
  const result = dispatcherReply(doc, phone, body, day.ctx);
  if (!result.ok) throw new Error(result.message);
  return enqueue(result.doc, result.notify, day.ctx.now).doc;
}
