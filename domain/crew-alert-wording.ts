/**
 * What crew read when the business texts them first (crew-alerts.ts): short, the job by code and place, and the
 * command to text next, in plain GSM-7 (inGsm7). Kept apart from crew-wording.ts (replies to their own texts).
 */
import type { BusinessContext } from './context';
import { describeWindow } from './describe-window';
import type { CrewRole, Job } from './jobs-document';
import { inGsm7 } from './gsm7';
import { jobLabel } from './notifications';

/** What a customer wrote, quoted in a crew text: one line, short enough to keep the text to two segments. */
const QUOTE_CHARS = 120;

export const crewAlertWording = inGsm7({
  /** @example cancelledUnderWay(job, 'customer') // 'STOP: the customer cancelled K7Q2 - 12 Oak St. No need to go.' */
  cancelledUnderWay(job: Job, by: 'customer' | 'dispatcher'): string {
    const stop = job.status === 'in_progress' ? 'Stop loading' : 'No need to go';
    return `STOP: the ${by} cancelled ${jobLabel(job)}. ${stop}.`;
  },
  changeAskedUnderWay(job: Job, asked: string): string {
    const line = asked.replace(/\s+/g, ' ').trim();
    const quoted = line.length > QUOTE_CHARS ? `${line.slice(0, QUOTE_CHARS - 3)}...` : line;
    return `${jobLabel(job)}: the customer texted "${quoted}". Nothing changed; the dispatcher will follow up.`;
  },
  assigned(job: Job, role: CrewRole, ctx: BusinessContext): string {
    const window = job.window ? describeWindow(job.window, ctx.now, ctx.tz) : 'ASAP';
    return `Dispatcher put you on ${jobLabel(job)} as ${role.replace('_', ' ')}, ${window}. Text 'omw ${job.code}' when you head out.`;
  },
  released(job: Job, by: string, role: CrewRole, ctx: BusinessContext): string {
    const window = job.window ? describeWindow(job.window, ctx.now, ctx.tz) : 'ASAP';
    const first = by.trim().split(/\s+/)[0] ?? by;
    return `${first} released ${jobLabel(job)}, ${window}. It needs a ${role.replace('_', ' ')}: text 'claim ${job.code}' to take it.`;
  },
});
