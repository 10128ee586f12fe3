/**
 * Quiet hours merge what they held. A night of dispatcher changes (an online booking at 22:00, a new time at 23:00,
 * a quote at 23:30) would otherwise reach the customer at 08:00 as three texts, the first two stale. When held texts
 * come due, the ones about one job's booking, time and quote are marked skipped ('superseded') and replaced by one
 * text that says the job as it is now. A single held text queued on an earlier day is rewritten too: its "tomorrow"
 * is "today" by the time it goes. A job cancelled or completed overnight gets none of them (a dispatcher's
 * cancellation text stays: it is the news).
 */
import type { ClockStepResult } from './clock-step';
import { clockWording } from './clock-wording';
import type { BusinessContext } from './context';
import { businessDate } from './crew-wording';
import type { Job, JobsDocument, OutboxItem } from './jobs-document';
import { customerSms } from './notifications';
import type { NewOutboxItem } from './outbox';
import { isOpenStatus } from './statuses';

/** Held: queued to go later than it was made (quiet hours), never tried yet. */
function isHeld(item: OutboxItem): boolean {
  return item.status === 'pending' && item.attempts === 0 && Date.parse(item.notBefore) - Date.parse(item.createdAt) >= 60_000;
}

/** The event in a customer-text key `${jobId}:${event}:sms`, e.g. 'booked', 'quote:2026-…', 'reschedule:dash-v7'. */
function eventOf(item: OutboxItem, job: Job): string {
  return item.key.slice(job.id.length + 1, item.key.endsWith(':sms') ? -4 : undefined);
}

/** The held texts that say the job's state (booking, time, quote), and so can be said again as one. */
function isStateText(event: string): boolean {
  return event === 'booked' || /^(?:reschedule|quote|merged):/.test(event);
}

/**
 * @example mergeHeldTexts(doc, ctx).notify[0]?.body // 'Thanks! QuickDumpNow has you down for today 8 AM-12 PM at 12 Oak St. Your quote: $600 all-in. Reply YES to confirm. Track it: …'
 */
export function mergeHeldTexts(doc: JobsDocument, ctx: BusinessContext): ClockStepResult {
  const now = ctx.now.getTime();
  const superseded = new Set<string>();
  const notify: NewOutboxItem[] = [];
  const dueByJob = new Map<string, OutboxItem[]>();
  for (const item of doc.outbox) {
    if (item.channel !== 'sms' || item.jobId === null || !isHeld(item) || Date.parse(item.notBefore) > now) continue;
    const list = dueByJob.get(item.jobId) ?? [];
    list.push(item);
    dueByJob.set(item.jobId, list);
  }
  for (const [jobId, items] of dueByJob) {
    const job = doc.jobs[jobId];
    if (!job) continue;
    const state = items.filter((item) => item.to === job.customer.phone && isStateText(eventOf(item, job)));
    if (state.length === 0) continue;
    if (!isOpenStatus(job.status)) {
      for (const item of state) superseded.add(item.key);
      continue;
    }
    const fromEarlierDay = state.some((item) => businessDate(new Date(item.createdAt), ctx.tz) !== businessDate(ctx.now, ctx.tz));
    if (state.length < 2 && !fromEarlierDay) continue;
    for (const item of state) superseded.add(item.key);
    const greet = state.some((item) => /^(?:booked|merged:.*:greet)$/.test(eventOf(item, job)));
    const quoteCents = job.quote?.state === 'pending' ? job.quote.amountCents : null;
    const last = state.map((item) => item.createdAt).sort().at(-1)!;
    const body = clockWording.heldUpdate(job, { greet, quoteCents }, ctx);
    notify.push(customerSms(job, `merged:${last}${greet ? ':greet' : ''}`, body));
  }
  if (superseded.size === 0) return { doc, notify };
  const outbox = doc.outbox.map((item): OutboxItem =>
    superseded.has(item.key) ? { ...item, status: 'skipped', lastError: 'superseded' } : item,
  );
  return { doc: { ...doc, outbox }, notify };
}
