/**
 * The crew's morning digest: at CREW_DIGEST_AT (business time) each roster member gets one text with their jobs
 * today and today's unclaimed jobs, with the command to claim one. Crew are not bound by customers' quiet hours
 * (a 06:30 digest goes at 06:30). Once per member per day: the key carries the date. Nobody is texted a digest
 * with nothing in it, and a digest the sweep missed by hours is not sent late.
 */
import type { ClockStepResult } from './clock-step';
import type { ClockSettings } from './clock-settings';
import { crewDigest } from './clock-wording';
import type { BusinessContext } from './context';
import type { CrewMember } from './crew';
import { businessDate } from './crew-wording';
import { toGsm7 } from './gsm7';
import { CREW_ROLES, type Job, type JobsDocument } from './jobs-document';
import type { NewOutboxItem } from './outbox';
import { isOpenStatus } from './statuses';
import { wallClock } from './zoned-date';

/** A digest not sent within this long after CREW_DIGEST_AT (the sweep was down) is skipped for the day. */
export const DIGEST_LATEST_MIN = 4 * 60;

/**
 * @example queueCrewDigests(doc, ctx, DEFAULT_CLOCK_SETTINGS).notify[0]?.key // 'crew-digest:2026-06-04:+15555550101:sms'
 */
export function queueCrewDigests(doc: JobsDocument, ctx: BusinessContext, settings: ClockSettings): ClockStepResult {
  const at = settings.crewDigestAt;
  if (at === null) return { doc, notify: [] };
  const { hour, minute } = wallClock(ctx.now.getTime(), ctx.tz);
  const minutes = hour * 60 + minute;
  if (minutes < at || minutes >= at + DIGEST_LATEST_MIN) return { doc, notify: [] };
  const today = businessDate(ctx.now, ctx.tz);
  const todays = Object.values(doc.jobs)
    .filter((job) => isOpenStatus(job.status) && (!job.window || businessDate(new Date(job.window.start), ctx.tz) === today))
    .sort((a, b) => (a.window ? Date.parse(a.window.start) : 0) - (b.window ? Date.parse(b.window.start) : 0) || a.code.localeCompare(b.code));
  const unclaimed = todays.filter((job) => CREW_ROLES.every((role) => job.crew[role] === null));
  const notify: NewOutboxItem[] = [];
  for (const member of ctx.crew.crew) {
    const mine = todays.filter((job) => holds(job, member));
    if (mine.length === 0 && unclaimed.length === 0) continue;
    notify.push({
      key: `crew-digest:${today}:${member.phone}:sms`,
      channel: 'sms',
      to: member.phone,
      // GSM-7 through and through: a name or address with a character outside it would make the digest UCS-2.
      body: toGsm7(crewDigest(member.name, mine, unclaimed, ctx)),
      jobId: null,
    });
  }
  return { doc, notify };
}

function holds(job: Job, member: CrewMember): boolean {
  return CREW_ROLES.some((role) => job.crew[role] === member.phone);
}
