/**
 * A pure, simulated business for clock tests: a jobs document, a settable clock, customers and crew who text, a
 * dispatcher who uses the board, and a sweep that ticks the clock and "delivers" everything due (every send
 * succeeds, or is skipped for opted-out numbers, exactly as claimDue/recordDeliveries decide). Nothing here
 * touches I/O: it drives the same domain functions the handlers call.
 */
import type { ClockSettings } from '../../domain/clock-settings';
import { DEFAULT_CLOCK_SETTINGS } from '../../domain/clock-settings';
import { clockTick } from '../../domain/clock-tick';
import type { BusinessContext } from '../../domain/context';
import { handleInboundText } from '../../domain/conversation';
import type { CrewRoster } from '../../domain/crew';
import { bookByPhone, moveJob, patchJob, type JobPatch, type PhoneBooking } from '../../domain/dispatch';
import { emptyJobsDocument, type Job, type JobsDocument, type OutboxItem } from '../../domain/jobs-document';
import { claimDue, enqueue, recordDeliveries } from '../../domain/outbox';
import type { NewOutboxItem } from '../../domain/outbox';
import type { StatusId } from '../../domain/statuses';

export const TZ = 'America/Chicago';
export const BUSINESS_NUMBER = '+15555550100';
export const SAM = { name: 'Sam Rivera', phone: '+15555550101', email: 'sam@example.com', roles: ['driver' as const] };
export const ANA = { name: 'Ana Ortiz', phone: '+15555550102', email: null, roles: ['driver' as const] };

/** A text or email as it left: what the outbox held when it was sent, and when. */
export interface Delivered extends OutboxItem {
  readonly deliveredAt: string;
}

export class ClockWorld {
  doc: JobsDocument = emptyJobsDocument();
  now: Date;
  readonly delivered: Delivered[] = [];
  /** Replies the bot gave to texts, in order. */
  readonly replies: { at: string; to: string; body: string | null }[] = [];
  private sid = 0;
  private ids = 0;
  private seed = 7;

  constructor(
    start: string,
    readonly settings: ClockSettings = { ...DEFAULT_CLOCK_SETTINGS, reviewUrl: 'https://g.page/r/quickdumpnow/review' },
    readonly crew: CrewRoster = { crew: [SAM, ANA] },
  ) {
    this.now = new Date(start);
  }

  ctx(): BusinessContext {
    return {
      now: this.now,
      tz: TZ,
      businessName: 'QuickDumpNow',
      businessPhone: BUSINESS_NUMBER,
      publicBaseUrl: 'https://dispatch.example.com',
      dispatchEmail: 'dispatch@example.com',
      crew: this.crew,
      newId: () => `job_${++this.ids}`,
      newToken: () => `tok${String(this.ids).padStart(3, '0')}_abcdefghijklmnopqr`,
      random: () => {
        this.seed = (this.seed * 1103515245 + 12345) % 2147483648;
        return this.seed / 2147483648;
      },
    };
  }

  /** Someone texts the business; the reply is kept and the change's notifications delivered (as the webhook does). */
  text(from: string, body: string): string | null {
    const outcome = handleInboundText(this.doc, { sid: `SM${++this.sid}`, from, to: BUSINESS_NUMBER, body, media: [] }, this.ctx());
    this.doc = outcome.doc;
    this.replies.push({ at: this.now.toISOString(), to: from, body: outcome.reply });
    this.deliver();
    return outcome.reply;
  }

  bookByPhone(booking: PhoneBooking): Job {
    const change = bookByPhone(this.doc, booking, this.ctx());
    this.apply(change.doc, change.notify);
    return change.job;
  }

  patch(jobId: string, patch: JobPatch): void {
    const change = patchJob(this.doc, jobId, patch, this.ctx());
    if (!change.ok) throw new Error(`patch refused: ${JSON.stringify(change)}`);
    this.apply(change.doc, change.notify);
  }

  move(jobId: string, status: StatusId): void {
    const change = moveJob(this.doc, jobId, status, this.ctx());
    if (!change.ok) throw new Error('no such job');
    this.apply(change.doc, change.notify);
  }

  /** One sweep pass: the clock's tick, then delivery of everything due. Returns what each clock step queued. */
  sweep(): Readonly<Record<string, number>> {
    const tick = clockTick(this.doc, this.ctx(), this.settings);
    this.doc = tick.doc;
    this.deliver();
    return tick.queued;
  }

  /** Sweeps now and on every `stepMinutes` mark up to and including `iso`, twice each time (a second sweep adds nothing). */
  runUntil(iso: string, stepMinutes = 15): void {
    const target = Date.parse(iso);
    for (;;) {
      this.sweep();
      const again = this.sweep();
      if (Object.values(again).some((n) => n > 0)) throw new Error(`a second sweep queued more at ${this.now.toISOString()}`);
      // On the quarter hours (whatever minute the last text came at), like a schedule.
      const step = stepMinutes * 60_000;
      const next = (Math.floor(this.now.getTime() / step) + 1) * step;
      if (next > target) break;
      this.now = new Date(next);
    }
    if (this.now.getTime() < target) {
      this.now = new Date(target);
      this.sweep();
    }
  }

  /** Jumps the clock (no sweep in between: use runUntil to let the clock run). */
  at(iso: string): this {
    this.now = new Date(iso);
    return this;
  }

  jobOf(phone: string): Job {
    const jobs = Object.values(this.doc.jobs).filter((job) => job.customer.phone === phone);
    const job = jobs.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    if (!job) throw new Error(`no job for ${phone}`);
    return job;
  }

  /** Delivered items whose key contains `event` (e.g. ':reminder:', 'crew-digest:'). */
  sent(event: string): Delivered[] {
    return this.delivered.filter((item) => item.key.includes(event));
  }

  textsTo(phone: string): Delivered[] {
    return this.delivered.filter((item) => item.channel === 'sms' && item.to === phone);
  }

  private apply(doc: JobsDocument, notify: readonly NewOutboxItem[]): void {
    this.doc = enqueue(doc, notify, this.now).doc;
    this.deliver();
  }

  private deliver(): void {
    const { doc, claimed } = claimDue(this.doc, this.now, { limit: 1000 });
    const reports = claimed.map((item) => ({ key: item.key, result: { ok: true as const, providerId: 'sim' } }));
    this.doc = recordDeliveries(doc, reports, this.now);
    for (const item of claimed) this.delivered.push({ ...item, deliveredAt: this.now.toISOString() });
  }
}
