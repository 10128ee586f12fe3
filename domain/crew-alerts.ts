/**
 * Crew are texted (not only emailed) when it matters: a job they are driving to or loading is cancelled or changed,
 * the dispatcher puts them on a job, or a job opens up because someone released it. Keys are job + event + phone,
 * so a retried write or a duplicate webhook never texts anyone twice.
 *
 * A text about a job under way goes at any hour (the crew is out there now); an assignment or an open slot is
 * business news, held in quiet hours like the business's other texts.
 */
import type { BusinessContext } from './context';
import { findCrewByPhone, type CrewMember } from './crew';
import { crewAlertWording } from './crew-alert-wording';
import { CREW_ROLES, type CrewRole, type Job } from './jobs-document';
import { crewOnJob, jobLabel } from './notifications';
import type { NewOutboxItem } from './outbox';
import { quietHoursRelease } from './quiet-hours';
import { when } from './wording';

/** Crew on the road or at the door: a change to the job cannot wait for email. */
export function isUnderWay(job: Job): boolean {
  return job.status === 'en_route' || job.status === 'in_progress';
}

/**
 * The job (as it was) was cancelled while under way: a text to each crew member on it.
 * @example cancelledUnderWayTexts(jobBefore, 'customer', ctx)[0]?.body // 'STOP: the customer cancelled K7Q2 - 12 Oak St. ...'
 */
export function cancelledUnderWayTexts(before: Job, by: 'customer' | 'dispatcher', ctx: BusinessContext): NewOutboxItem[] {
  if (!isUnderWay(before)) return [];
  const body = crewAlertWording.cancelledUnderWay(before, by);
  return crewOnJob(before, ctx).map((member) => crewText(before, `cancelled:sms:${member.phone}`, member, body));
}

/**
 * The customer asked to change a job that is under way (the bot does not change it then): the crew on it read what
 * they asked before they arrive.
 * @example changeAskedUnderWayTexts(job, { sid: 'SM1', body: 'can you come at 5 instead' }, ctx)
 */
export function changeAskedUnderWayTexts(job: Job, text: { sid: string; body: string }, ctx: BusinessContext): NewOutboxItem[] {
  if (!isUnderWay(job)) return [];
  const body = crewAlertWording.changeAskedUnderWay(job, text.body);
  return crewOnJob(job, ctx).map((member) => crewText(job, `asked:${text.sid}:sms:${member.phone}`, member, body));
}

/**
 * The dispatcher put crew on a job: a text and an email to each one newly in a slot. `cause` names the write.
 * @example assignedNotices(before, after, 'dash-v7', ctx).map((item) => item.channel) // ['sms', 'email']
 */
export function assignedNotices(before: Job, after: Job, cause: string, ctx: BusinessContext): NewOutboxItem[] {
  const notices: NewOutboxItem[] = [];
  for (const role of CREW_ROLES) {
    const phone = after.crew[role];
    if (!phone || before.crew[role] === phone) continue;
    const member = findCrewByPhone(ctx.crew, phone);
    if (!member) continue;
    const key = `assigned:${role}:${cause}`;
    const sendAt = quietHoursRelease(ctx.now, ctx.tz);
    // Worded as of when it is sent: a text held overnight must not say "Today" about yesterday.
    const body = crewAlertWording.assigned(after, role, { ...ctx, now: sendAt });
    notices.push({ ...crewText(after, `${key}:sms:${phone}`, member, body), notBefore: sendAt });
    if (member.email) {
      const subject = `You're on ${jobLabel(after)}`;
      const mail = `The dispatcher made you the ${role.replace('_', ' ')} on ${after.code}: ${after.location ?? '(address to come)'}, ${when(after, ctx)}.\nText "omw ${after.code}" when you head out.`;
      notices.push({ key: `${after.id}:${key}:email:${phone}`, channel: 'email', to: member.email, subject, body: mail, jobId: after.id });
    }
  }
  return notices;
}

/**
 * Someone released a job: the dispatcher gets an email, and crew who could take a freed slot (that role among
 * theirs, not already on the job) get a text.
 * @example releasedNotices(before, after, sam, ctx).map((item) => item.to) // ['dispatch@example.com', '+15555550104']
 */
export function releasedNotices(before: Job, after: Job, by: CrewMember, ctx: BusinessContext): NewOutboxItem[] {
  const freed = CREW_ROLES.filter((role) => before.crew[role] !== null && after.crew[role] === null);
  if (freed.length === 0) return [];
  const cause = `released:${after.updatedAt}`;
  const notices: NewOutboxItem[] = [];
  if (ctx.dispatchEmail) {
    notices.push({
      key: `${after.id}:${cause}:email`,
      channel: 'email',
      to: ctx.dispatchEmail,
      subject: `Released: ${jobLabel(after)}`,
      body: `${by.name} released ${after.code} (${after.location ?? 'no address'}, ${when(after, ctx)}). Open: ${freed.map(roleName).join(', ')}.`,
      jobId: after.id,
    });
  }
  const onJob = new Set(CREW_ROLES.map((role) => after.crew[role]));
  const sendAt = quietHoursRelease(ctx.now, ctx.tz);
  const body = (role: CrewRole) => crewAlertWording.released(after, by.name, role, { ...ctx, now: sendAt });
  for (const member of ctx.crew.crew) {
    if (member.phone === by.phone || onJob.has(member.phone)) continue;
    const role = freed.find((slot) => member.roles.includes(slot));
    if (!role) continue;
    notices.push({ ...crewText(after, `${cause}:sms:${member.phone}`, member, body(role)), notBefore: sendAt });
  }
  return notices;
}

function roleName(role: CrewRole): string {
  return role.replace('_', ' ');
}

function crewText(job: Job, event: string, member: CrewMember, body: string): NewOutboxItem {
  return { key: `${job.id}:${event}`, channel: 'sms', to: member.phone, body, jobId: job.id };
}
