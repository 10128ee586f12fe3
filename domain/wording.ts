/**
 * Every text the bot sends to customers, in English and Spanish, in one place. Each text is plain GSM-7 (it goes
 * through toGsm7 last: a hyphen, not an en dash; straight quotes) and fits one 160-character segment where it can
 * (test/domain/wording.test.ts renders every one with its longest realistic values; none passes two segments).
 * Customers are never shown job codes: they have their tracking link, and we name a pickup by its address.
 * A text about a job follows the job's language; a text with no job takes the language of the customer's text.
 */
import type { BusinessContext } from './context';
import { describeWindow } from './describe-window';
import { describeWindowEs } from './describe-window-es';
import { toGsm7 } from './gsm7';
import type { Job, PickupWindow } from './jobs-document';
import { english } from './wording-en';
import { spanish } from './wording-es';
import type { Language } from './wording-parts';

export { formatDollars, shortLocation, type Language } from './wording-parts';

/** What the bot may say to a customer; the English and Spanish tables both implement it. */
export interface CustomerWords {
  booked(job: Job, ctx: BusinessContext): string;
  /** "It's late for today - we have you down for tomorrow, 8 AM-5 PM…" */
  lateForToday(job: Job, ctx: BusinessContext): string;
  updated(job: Job, ctx: BusinessContext): string;
  crewBusy(job: Job, ctx: BusinessContext): string;
  status(job: Job, ctx: BusinessContext): string;
  cancelled(job: Job): string;
  quoteAccepted(job: Job, cents: number, ctx: BusinessContext): string;
  photoThanks(count: number, job: Job): string;
  askNewOrChange(job: Job, newLocation: string): string;
  customerEnRoute(job: Job, crewName: string | null, ctx: BusinessContext): string;
  customerCompleted(job: Job, ctx: BusinessContext): string;
  customerQuote(job: Job, cents: number, ctx: BusinessContext): string;
  customerCancelledByDispatcher(job: Job, ctx: BusinessContext): string;
  noOpenJob(ctx: BusinessContext): string;
  nothingToCancel(): string;
  help(ctx: BusinessContext): string;
  welcomeBack(ctx: BusinessContext): string;
  dispatcherWillReply(ctx: BusinessContext): string;
  /** A question the business profile has no answer to. */
  personWillAnswer(ctx: BusinessContext): string;
  /** Photos before any booking: kept for the booking. */
  photosHeld(count: number, ctx: BusinessContext): string;
  /** A booking without an address: what we have so far, and the question. */
  askAddress(window: PickupWindow | null, ctx: BusinessContext): string;
  /** Several open pickups and a status or cancel text: which one? */
  askWhich(jobs: readonly Job[]): string;
  thanksReply(ctx: BusinessContext): string;
  hello(ctx: BusinessContext): string;
}

/** The table for a language. @example wordsFor('es').nothingToCancel() */
export function wordsFor(language: Language): CustomerWords {
  return language === 'es' ? spanish : english;
}

/** "today, 12-5 PM" / "hoy, 12-5 PM", or "as soon as possible" / "lo antes posible"; lower-case day words. */
export function when(job: Pick<Job, 'window'>, ctx: Pick<BusinessContext, 'now' | 'tz'>, language: Language = 'en'): string {
  if (language === 'es') return describeWindowEs(job.window, ctx.now, ctx.tz);
  return describeWindow(job.window, ctx.now, ctx.tz).replace(/^(Today|Tomorrow)/, (word) => word.toLowerCase());
}

const gsm = toGsm7;

/** The customer texts, each in the job's (or the given) language and in GSM-7. */
export const wording = {
  booked: (job: Job, ctx: BusinessContext) => gsm(wordsFor(job.language).booked(job, ctx)),
  lateForToday: (job: Job, ctx: BusinessContext) => gsm(wordsFor(job.language).lateForToday(job, ctx)),
  updated: (job: Job, ctx: BusinessContext) => gsm(wordsFor(job.language).updated(job, ctx)),
  crewBusy: (job: Job, ctx: BusinessContext) => gsm(wordsFor(job.language).crewBusy(job, ctx)),
  status: (job: Job, ctx: BusinessContext) => gsm(wordsFor(job.language).status(job, ctx)),
  cancelled: (job: Job) => gsm(wordsFor(job.language).cancelled(job)),
  quoteAccepted: (job: Job, cents: number, ctx: BusinessContext) => gsm(wordsFor(job.language).quoteAccepted(job, cents, ctx)),
  photoThanks: (count: number, job: Job) => gsm(wordsFor(job.language).photoThanks(count, job)),
  askNewOrChange: (job: Job, newLocation: string) => gsm(wordsFor(job.language).askNewOrChange(job, newLocation)),
  customerEnRoute: (job: Job, crewName: string | null, ctx: BusinessContext) =>
    gsm(wordsFor(job.language).customerEnRoute(job, crewName, ctx)),
  customerCompleted: (job: Job, ctx: BusinessContext) => gsm(wordsFor(job.language).customerCompleted(job, ctx)),
  customerQuote: (job: Job, cents: number, ctx: BusinessContext) => gsm(wordsFor(job.language).customerQuote(job, cents, ctx)),
  customerCancelledByDispatcher: (job: Job, ctx: BusinessContext) =>
    gsm(wordsFor(job.language).customerCancelledByDispatcher(job, ctx)),
  noOpenJob: (ctx: BusinessContext, language: Language = 'en') => gsm(wordsFor(language).noOpenJob(ctx)),
  nothingToCancel: (language: Language = 'en') => gsm(wordsFor(language).nothingToCancel()),
  help: (ctx: BusinessContext, language: Language = 'en') => gsm(wordsFor(language).help(ctx)),
  welcomeBack: (ctx: BusinessContext, language: Language = 'en') => gsm(wordsFor(language).welcomeBack(ctx)),
  dispatcherWillReply: (ctx: BusinessContext, language: Language = 'en') => gsm(wordsFor(language).dispatcherWillReply(ctx)),
  personWillAnswer: (ctx: BusinessContext, language: Language = 'en') => gsm(wordsFor(language).personWillAnswer(ctx)),
  photosHeld: (count: number, ctx: BusinessContext, language: Language = 'en') => gsm(wordsFor(language).photosHeld(count, ctx)),
  askAddress: (window: PickupWindow | null, ctx: BusinessContext, language: Language = 'en') =>
    gsm(wordsFor(language).askAddress(window, ctx)),
  askWhich: (jobs: readonly Job[], language: Language = 'en') => gsm(wordsFor(language).askWhich(jobs)),
  thanksReply: (ctx: BusinessContext, language: Language = 'en') => gsm(wordsFor(language).thanksReply(ctx)),
  hello: (ctx: BusinessContext, language: Language = 'en') => gsm(wordsFor(language).hello(ctx)),
  /** A job's status with "Got it, thanks!" in front (a YES with no quote pending), or no-open-job. */
  nothingToConfirm: (job: Job | undefined, ctx: BusinessContext, language: Language = 'en') =>
    job ? gsm(`${language === 'es' ? '¡Recibido, gracias!' : 'Got it, thanks!'} ${wordsFor(job.language).status(job, ctx)}`) : wording.noOpenJob(ctx, language),
};
