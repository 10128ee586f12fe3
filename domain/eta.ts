/**
 * The crew's ETA: "omw 20 min" puts `eta` on the job (now + 20 minutes), the customer's en-route text says "about
 * 20 min", and the track page shows "arriving around 2:40 PM" while the crew is on the way.
 */
import { clockWording } from './clock-wording';
import type { BusinessContext } from './context';
import type { Job } from './jobs-document';
import { wording } from './wording';

/**
 * The job on the way with its ETA (null clears an old one: a plain "omw" promises no time).
 * @example withEta(job, 20, new Date('2026-06-04T19:20:00Z')).eta // '2026-06-04T19:40:00.000Z'
 */
export function withEta(job: Job, minutes: number | null, now: Date): Job {
  return { ...job, eta: minutes === null ? null : new Date(now.getTime() + minutes * 60_000).toISOString() };
}

/**
 * The customer's en-route text, with "about 20 min" when the crew gave an ETA.
 * @example enRouteText(job, 'Sam Rivera', 20, ctx) // 'Sam from QuickDumpNow is on the way, about 20 min. Track it: …'
 */
export function enRouteText(job: Job, crewName: string | null, minutes: number | null, ctx: BusinessContext): string {
  return minutes === null ? wording.customerEnRoute(job, crewName, ctx) : clockWording.enRouteWithEta(job, crewName, minutes, ctx);
}

/**
 * "arriving around 2:40 PM" while the crew is on the way with an ETA; null otherwise.
 * @example etaText({ ...job, status: 'en_route', eta: '2026-06-04T19:40:00Z' }, 'America/Chicago') // 'arriving around 2:40 PM'
 */
export function etaText(job: Job, tz: string): string | null {
  if (job.status !== 'en_route' || job.eta === null) return null;
  return clockWording.etaLine(job.eta, tz, job.language);
}
