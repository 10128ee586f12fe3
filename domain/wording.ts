/**
 * Every text the bot sends, in one place: short (a reply stays within two SMS segments, 320 characters) and plain.
 */
import { describeWindow } from './describe-window';
import type { BusinessContext } from './context';
import { trackingUrl } from './context';
import type { Job } from './jobs-document';
import { STATUSES } from './statuses';

/** Longest location we quote back in a text; the full address stays on the job. */
const MAX_LOCATION_IN_TEXT = 60;

/** @example shortLocation('1801 Central St Apt 3B') // '1801 Central St Apt 3B' */
export function shortLocation(location: string | null): string {
  if (!location) return 'your address';
  return location.length > MAX_LOCATION_IN_TEXT ? `${location.slice(0, MAX_LOCATION_IN_TEXT - 1)}…` : location;
}

/** "Today, 12–5 PM" or "as soon as possible". */
export function when(job: Job, ctx: BusinessContext): string {
  return describeWindow(job.window, ctx.now, ctx.tz);
}

/** @example formatDollars(60000) // '$600';  formatDollars(45050) // '$450.50' */
export function formatDollars(cents: number): string {
  const dollars = cents / 100;
  return Number.isInteger(dollars) ? `$${dollars.toLocaleString('en-US')}` : `$${dollars.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export const wording = {
  booked(job: Job, ctx: BusinessContext): string {
    const link = trackingUrl(ctx, job.token);
    if (!job.location) {
      return `Thanks! ${ctx.businessName} can come ${lower(when(job, ctx))}. What's the pickup address? Track it: ${link}`;
    }
    return `Thanks! ${ctx.businessName} has you down for ${lower(when(job, ctx))} at ${shortLocation(job.location)}. Track it: ${link}`;
  },
  updated(job: Job, ctx: BusinessContext): string {
    const address = job.location ? ` at ${shortLocation(job.location)}.` : ". What's the pickup address?";
    return `Updated: ${job.code} is set for ${lower(when(job, ctx))}${address} Track it: ${trackingUrl(ctx, job.token)}`;
  },
  crewBusy(job: Job, ctx: BusinessContext): string {
    const state = job.status === 'en_route' ? 'is already on the way' : 'is already working on your pickup';
    return `Your ${ctx.businessName} crew ${state}, so we can't change it by text now. A dispatcher will reach out. Track it: ${trackingUrl(ctx, job.token)}`;
  },
  status(job: Job, ctx: BusinessContext): string {
    return `${STATUSES[job.status].label}: ${when(job, ctx)}, ${shortLocation(job.location)}. Track it: ${trackingUrl(ctx, job.token)}`;
  },
  noOpenJob(ctx: BusinessContext): string {
    return `You have no open pickup with ${ctx.businessName}. To book, text your address and a time, e.g. "tomorrow morning, 12 Oak St".`;
  },
  cancelled(job: Job): string {
    return `Your pickup ${job.code} is cancelled. Text us anytime to book again.`;
  },
  nothingToCancel(): string {
    return 'You have no open pickup to cancel.';
  },
  quoteAccepted(job: Job, cents: number, ctx: BusinessContext): string {
    return `Thanks! Your quote of ${formatDollars(cents)} is confirmed. See you ${lower(when(job, ctx))}.`;
  },
  nothingToConfirm(job: Job | undefined, ctx: BusinessContext): string {
    return job ? `Got it, thanks! ${wording.status(job, ctx)}` : wording.noOpenJob(ctx);
  },
  help(ctx: BusinessContext): string {
    return `${ctx.businessName}: text your address and when (e.g. "tomorrow am, 12 Oak St") to book a pickup, "status" to check, "cancel my pickup" to cancel. Reply STOP to opt out.`;
  },
  welcomeBack(ctx: BusinessContext): string {
    return `Welcome back to ${ctx.businessName}! You'll get texts about your pickups again. Reply STOP to opt out.`;
  },
  dispatcherWillReply(ctx: BusinessContext): string {
    return `Thanks! A dispatcher at ${ctx.businessName} will get back to you shortly.`;
  },
  photoThanks(count: number, job: Job | undefined, ctx: BusinessContext): string {
    const what = count === 1 ? 'your photo' : `your ${count} photos`;
    return job
      ? `Thanks, we got ${what} for pickup ${job.code}.`
      : `Thanks for ${what}! To book a pickup, text your address and a time. — ${ctx.businessName}`;
  },
  // Texts and emails caused by a change (delivered through the outbox).
  customerEnRoute(job: Job, crewName: string | null, ctx: BusinessContext): string {
    const who = crewName ? `${firstName(crewName)} from ${ctx.businessName}` : `Your ${ctx.businessName} crew`;
    return `${who} is on the way to ${shortLocation(job.location)}! Track it: ${trackingUrl(ctx, job.token)}`;
  },
  customerCompleted(job: Job, ctx: BusinessContext): string {
    return `All done! Thanks for choosing ${ctx.businessName}. Your receipt and history: ${trackingUrl(ctx, job.token)}`;
  },
  customerQuote(job: Job, cents: number, ctx: BusinessContext): string {
    return `Your quote is ${formatDollars(cents)} all-in. Reply YES to confirm. — ${ctx.businessName} (${job.code})`;
  },
  customerCancelledByDispatcher(job: Job, ctx: BusinessContext): string {
    return `${ctx.businessName} has cancelled pickup ${job.code} at ${shortLocation(job.location)}. Questions? Just reply to this text.`;
  },
};

function lower(text: string): string {
  return text.replace(/^(Today|Tomorrow)/, (word) => word.toLowerCase());
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
