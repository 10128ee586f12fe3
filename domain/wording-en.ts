/** The English customer texts (see domain/wording.ts for the rules every text follows). */
import { trackingUrl } from './context';
import { STATUSES } from './statuses';
import type { CustomerWords } from './wording';
import { when } from './wording';
import { firstName, fitOneSegment, formatDollars, shortItems, shortLocation } from './wording-parts';

const photos = (count: number) => (count === 1 ? 'your photo' : `your ${count} photos`);

export const english: CustomerWords = {
  booked(job, ctx) {
    const link = trackingUrl(ctx, job.token);
    if (!job.location) return `Thanks! ${ctx.businessName} can come ${when(job, ctx)}. What's the pickup address? Track it: ${link}`;
    const base = `Thanks! ${ctx.businessName} has you down for ${when(job, ctx)} at ${shortLocation(job.location)}`;
    const items = shortItems(job.items);
    return fitOneSegment(...(items ? [`${base} (${items}). Track it: ${link}`] : []), `${base}. Track it: ${link}`);
  },
  lateForToday(job, ctx) {
    return `It's late for today - we have you down for ${when(job, ctx)} at ${shortLocation(job.location)}. Text another time to change it. Track it: ${trackingUrl(ctx, job.token)}`;
  },
  updated(job, ctx) {
    const address = job.location ? ` at ${shortLocation(job.location)}.` : ". What's the pickup address?";
    return `Updated: your pickup is ${when(job, ctx)}${address} Track it: ${trackingUrl(ctx, job.token)}`;
  },
  crewBusy(job, ctx) {
    const state = job.status === 'en_route' ? 'is already on the way' : 'is already at work on your pickup';
    return `Your ${ctx.businessName} crew ${state}, so we can't change it by text now. A dispatcher will reach out.`;
  },
  status(job, ctx) {
    return `${STATUSES[job.status].label}: ${when(job, ctx)}, ${shortLocation(job.location)}. Track it: ${trackingUrl(ctx, job.token)}`;
  },
  cancelled(job) {
    return `Your pickup at ${shortLocation(job.location)} is cancelled. Text us anytime to book again.`;
  },
  quoteAccepted(job, cents, ctx) {
    return `Thanks! Your quote of ${formatDollars(cents)} is confirmed. See you ${when(job, ctx)}.`;
  },
  photoThanks(count, job) {
    return `Thanks, we got ${photos(count)} for your pickup at ${shortLocation(job.location)}.`;
  },
  askNewOrChange(job, newLocation) {
    return `New pickup, or change your ${shortLocation(job.location)} pickup to ${shortLocation(newLocation)}? Reply NEW or CHANGE.`;
  },
  customerEnRoute(job, crewName, ctx) {
    const who = crewName ? `${firstName(crewName)} from ${ctx.businessName}` : `Your ${ctx.businessName} crew`;
    return `${who} is on the way to ${shortLocation(job.location)}! Track it: ${trackingUrl(ctx, job.token)}`;
  },
  customerCompleted(job, ctx) {
    return `All done! Thanks for choosing ${ctx.businessName}. Your receipt and history: ${trackingUrl(ctx, job.token)}`;
  },
  customerQuote(_job, cents, ctx) {
    return `Your quote is ${formatDollars(cents)} all-in. Reply YES to confirm. - ${ctx.businessName}`;
  },
  customerCancelledByDispatcher(job, ctx) {
    return `${ctx.businessName} has cancelled your pickup at ${shortLocation(job.location)}. Questions? Just reply to this text.`;
  },
  noOpenJob(ctx) {
    return `You have no open pickup with ${ctx.businessName}. To book, text your address and a time, e.g. "tomorrow morning, 12 Oak St".`;
  },
  nothingToCancel() {
    return 'You have no open pickup to cancel.';
  },
  help(ctx) {
    return `${ctx.businessName}: to book, text address + time ("tmrw am, 12 Oak St"). "status" to check, "cancel my pickup" to cancel. STOP to opt out.`;
  },
  welcomeBack(ctx) {
    return `Welcome back to ${ctx.businessName}! You'll get texts about your pickups again. Reply STOP to opt out.`;
  },
  dispatcherWillReply(ctx) {
    return `Thanks! A dispatcher at ${ctx.businessName} will get back to you shortly.`;
  },
  personWillAnswer(ctx) {
    return `Good question! A person at ${ctx.businessName} will text you back shortly.`;
  },
  photosHeld(count, ctx) {
    return `Thanks for ${photos(count)}! We'll keep ${count === 1 ? 'it' : 'them'} for your booking. What's the pickup address, and when works? - ${ctx.businessName}`;
  },
  askAddress(window, ctx) {
    return `Thanks! ${ctx.businessName} can come ${when({ window }, ctx)}. What's the pickup address?`;
  },
  askWhich(jobs) {
    return `Which pickup: ${listOr(jobs.map((job) => shortLocation(job.location)), 'or')}? Reply with the street.`;
  },
  thanksReply(ctx) {
    return `You're welcome! - ${ctx.businessName}`;
  },
  hello(ctx) {
    return `Hi! To book a pickup with ${ctx.businessName}, text your address and a time, e.g. "tomorrow morning, 12 Oak St".`;
  },
};

/** "a, b or c". */
export function listOr(items: readonly string[], or: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}`;
}
