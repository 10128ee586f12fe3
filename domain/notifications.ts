/**
 * The notifications a change causes, as outbox items with stable keys (job + event + recipient). Shared by the
 * customer conversation, crew commands and the dashboard, so the same event always produces the same key.
 */
import type { BusinessContext } from './context';
import { findCrewByPhone, type CrewMember } from './crew';
import { CREW_ROLES, type Job } from './jobs-document';
import type { NewOutboxItem } from './outbox';
import { quietHoursRelease } from './quiet-hours';
import { shortLocation, when } from './wording';

/** Crew members holding a slot on the job. */
export function crewOnJob(job: Job, ctx: BusinessContext): CrewMember[] {
  const phones = CREW_ROLES.map((role) => job.crew[role]).filter((phone): phone is string => phone !== null);
  return [...new Set(phones)].map((phone) => findCrewByPhone(ctx.crew, phone)).filter((m): m is CrewMember => !!m);
}

/** "K7Q2 · Soderblom Ave": how every crew text and email names a job. */
export function jobLabel(job: Job): string {
  return `${job.code} · ${job.location ? shortLocation(job.location) : 'no address yet'}`;
}

function crewEmail(member: CrewMember, key: string, job: Job, subject: string, body: string): NewOutboxItem[] {
  if (!member.email) return [];
  return [{ key: `${key}:email:${member.phone}`, channel: 'email', to: member.email, subject, body, jobId: job.id }];
}

/** A new job: email to all crew. */
export function newJobEmails(job: Job, ctx: BusinessContext): NewOutboxItem[] {
  const subject = `New job ${jobLabel(job)}`;
  const body = `New pickup ${job.code} at ${job.location ?? '(address to come)'}, ${when(job, ctx)}.${haulLines(job)}\nText "claim ${job.code}" to take it.`;
  return ctx.crew.crew.flatMap((member) => crewEmail(member, `${job.id}:created`, job, subject, body));
}

/** "\nItems: piano, 2 mattresses\nNotes: back alley" for crew emails; empty when there are none. */
export function haulLines(job: Job): string {
  return `${job.items ? `\nItems: ${job.items}` : ''}${job.notes ? `\nNotes: ${job.notes}` : ''}`;
}

/** The customer cancelled: email whoever holds the job. */
export function customerCancelledEmails(job: Job, ctx: BusinessContext): NewOutboxItem[] {
  const subject = `Cancelled: ${jobLabel(job)}`;
  const body = `The customer cancelled pickup ${job.code} at ${job.location ?? '(no address)'}.`;
  return crewOnJob(job, ctx).flatMap((member) => crewEmail(member, `${job.id}:cancelled`, job, subject, body));
}

/** The customer changed time or place: email whoever holds the job. `cause` makes the key unique per change. */
export function rescheduleEmails(job: Job, cause: string, ctx: BusinessContext): NewOutboxItem[] {
  const subject = `Changed: ${jobLabel(job)}`;
  const body = `Pickup ${job.code} is now ${when(job, ctx)} at ${job.location ?? '(address to come)'}.`;
  return crewOnJob(job, ctx).flatMap((member) => crewEmail(member, `${job.id}:reschedule:${cause}`, job, subject, body));
}

/** A claim: email the claimer. */
export function claimEmail(job: Job, member: CrewMember, ctx: BusinessContext): NewOutboxItem[] {
  const subject = `You're on ${jobLabel(job)}`;
  const body = `You claimed ${job.code}: ${job.location ?? '(address to come)'}, ${when(job, ctx)}.${haulLines(job)}\nText "omw ${job.code}" when you head out.`;
  return crewEmail(member, `${job.id}:claim:${job.updatedAt}`, job, subject, body);
}

/** A customer text the bot could not act on: email the dispatcher with the text, the number and the job. */
export function dispatcherAttentionEmail(
  text: { sid: string; from: string; body: string },
  job: Job | undefined,
  ctx: BusinessContext,
): NewOutboxItem[] {
  if (!ctx.dispatchEmail) return [];
  const about = job ? `job ${jobLabel(job)}` : 'no open job';
  return [
    {
      key: `inbound:${text.sid}:attention:email`,
      channel: 'email',
      to: ctx.dispatchEmail,
      subject: `Text needs a reply from ${text.from} (${about})`,
      body: `From: ${text.from}\nJob: ${about}\nText: ${text.body || '(no text)'}\nReply: ${threadUrl(ctx, text.from)}`,
      jobId: job?.id ?? null,
    },
  ];
}

/**
 * A customer text caused by a crew action (en route, done, a crew quote): fine at any hour.
 * @example customerSms(job, 'en_route', 'Sam from QuickDumpNow is on the way…')
 */
export function customerSms(job: Job, event: string, body: string): NewOutboxItem {
  return { key: `${job.id}:${event}:sms`, channel: 'sms', to: job.customer.phone, body, jobId: job.id };
}

/** A customer text NOT caused by crew (dispatcher, web booking): held during quiet hours until 08:00. */
export function customerSmsOutsideQuietHours(job: Job, event: string, body: string, ctx: BusinessContext): NewOutboxItem {
  return { ...customerSms(job, event, body), notBefore: quietHoursRelease(ctx.now, ctx.tz) };
}

/**
 * The dashboard's thread for a phone: the "needs a reply" email links straight to it.
 * @example threadUrl(ctx, '+15555550123') // 'https://dispatch.example.com/dashboard#thread=%2B15555550123'
 */
export function threadUrl(ctx: Pick<BusinessContext, 'publicBaseUrl'>, phone: string): string {
  return `${ctx.publicBaseUrl}/dashboard#thread=${encodeURIComponent(phone)}`;
}
