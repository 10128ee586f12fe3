/**
 * What the bot texts back to crew. Short (a reply stays within two SMS segments, 320 characters; the job list within
 * ~600), and every reply about a job names it by code and location (jobLabel): crew juggle several jobs at once and
 * read these at a glance in a truck. Plain GSM-7 like customer texts (inGsm7): one en dash or middle dot would send
 * the whole text as UCS-2, 70 characters a segment instead of 160.
 */
import { TZDate } from '@date-fns/tz';
import type { BusinessContext } from './context';
import { describeWindow } from './describe-window';
import type { CrewRole, Job } from './jobs-document';
import type { JobList } from './crew-job-list';
import { crewOnJob, jobLabel } from './notifications';
import { transitionRefusal, type StatusId } from './statuses';
import { inGsm7 } from './gsm7';
import { formatDollars } from './wording';
import { instantAt } from './zoned-date';

/** The job list is the one crew reply allowed past two segments; past this it says "+N more". */
export const MAX_LIST_CHARS = 600;
/** Location as shown in the job list: enough to recognise the street. */
const LIST_LOCATION_CHARS = 28;
/** Items and access notes as shown in the job list: enough to know what truck, how many hands and how to get in. */
const LIST_ITEMS_CHARS = 24;

const ROLE_WORDS: Readonly<Record<CrewRole, string>> = { driver: 'driver', first_mate: 'first mate', supervisor: 'supervisor' };

/** @example roleWord('first_mate') // 'first mate' */
export function roleWord(role: CrewRole): string {
  return ROLE_WORDS[role];
}

export const crewWording = inGsm7({
  help(): string {
    return "Crew: jobs (today's list), jobs all, claim K7Q2, omw, here, done, price K7Q2 600, release K7Q2. Add the code when you're on more than one job.";
  },
  notUnderstood(): string {
    return "Didn't catch that. Text 'help' for commands.";
  },
  noSuchJob(code: string): string {
    return `There's no open job ${code.toUpperCase()}. Text 'jobs' to see today's.`;
  },
  notOnAnyJob(): string {
    return "You're not on any open job. Text 'jobs' to see today's list.";
  },
  /** More than one held job and no code: list them and show the command with a code. */
  whichJob(codes: readonly string[], command: string): string {
    return `Which job? You're on ${codes.join(', ')}. Text e.g. '${command} ${codes[0] ?? 'K7Q2'}'.`;
  },
  claimNeedsCode(): string {
    return "Which job? Text e.g. 'claim K7Q2'. Text 'jobs' to see today's list.";
  },
  /** A job that is completed or cancelled: nothing more to do on it. */
  closed(job: Job): string {
    return job.status === 'cancelled' ? `${jobLabel(job)} was cancelled.` : `${jobLabel(job)} is already completed.`;
  },
  /** Why the status table refuses the move, naming the job by label ("K7Q2 - 12 Oak St is already completed."). */
  refused(job: Job, to: StatusId): string {
    const reason = transitionRefusal(job.status, to, jobLabel(job)) ?? `${jobLabel(job)}: no change.`;
    const hint = nextStepHint(job, to);
    return hint ? `${reason} ${hint}` : reason;
  },
  /** Someone else's job: only crew on it or a supervisor moves it. `canJoin`: the sender's role slot is free. */
  notYours(job: Job, holders: readonly string[], canJoin: CrewRole | null): string {
    const names = holders.map((name) => name.trim().split(/\s+/)[0] ?? name).join(' and ');
    const join = canJoin ? ` Text 'claim ${job.code}' to join as ${roleWord(canJoin)}.` : ' Ask them or a supervisor.';
    return `${jobLabel(job)} is ${names}'s job: only crew on it or a supervisor can move it.${join}`;
  },
  /** A move on a job booked for a later day: probably meant for that day; "now" says it is meant. */
  laterDay(job: Job, command: string, ctx: BusinessContext): string {
    const when = job.window ? describeWindow(job.window, ctx.now, ctx.tz) : 'a later day';
    return `${jobLabel(job)} is booked for ${when}, not today. Nothing changed. Going now anyway? Text '${command} ${job.code} now'.`;
  },
  moved(job: Job, to: StatusId, customerTexted: boolean, autoClaimed: CrewRole | null): string {
    const told = customerTexted ? ' Customer texted.' : ' Customer opted out of texts.';
    const claimed = autoClaimed ? ` You're its ${roleWord(autoClaimed)} now.` : '';
    switch (to) {
      case 'en_route':
        return `On the way to ${jobLabel(job)}.${told}${claimed}`;
      case 'in_progress':
        return `Loading at ${jobLabel(job)}. Text 'done ${job.code}' when finished.${claimed}`;
      case 'completed':
        return `${jobLabel(job)} is all done. Thanks!${told}${claimed}`;
      default:
        return `${jobLabel(job)} updated.${claimed}`;
    }
  },
  claimed(job: Job, role: CrewRole, ctx: BusinessContext): string {
    return `You're the ${roleWord(role)} on ${jobLabel(job)}, ${shortWindow(job, ctx)}. Text 'omw ${job.code}' when you head out.`;
  },
  alreadyYours(job: Job, role: CrewRole): string {
    return `You're already the ${roleWord(role)} on ${jobLabel(job)}.`;
  },
  slotTaken(job: Job, role: CrewRole, holder: string): string {
    return `${jobLabel(job)} already has a ${roleWord(role)}: ${holder}.`;
  },
  released(job: Job): string {
    return `Released ${jobLabel(job)}. It's open for someone else to claim.`;
  },
  notOnJob(job: Job): string {
    return `You're not on ${jobLabel(job)}, so there's nothing to release.`;
  },
  quoteNeedsAmount(job: Job): string {
    return `How much for ${jobLabel(job)}? Text e.g. 'price ${job.code} 600'.`;
  },
  quoteSent(job: Job, cents: number, customerTexted: boolean): string {
    return customerTexted
      ? `Quote ${formatDollars(cents)} sent to the customer for ${jobLabel(job)}. We'll text you when they accept.`
      : `Quote ${formatDollars(cents)} saved on ${jobLabel(job)}, but the customer opted out of texts: tell them in person.`;
  },
  photosSaved(job: Job, count: number): string {
    return `${count === 1 ? 'Photo' : `${count} photos`} saved on ${jobLabel(job)}.`;
  },
  /** Photos we cannot place: ask for them again with a code (the MMS is not kept on any job). */
  photosWhichJob(codes: readonly string[]): string {
    const on = codes.length > 0 ? ` You're on ${codes.join(', ')}.` : '';
    return `Which job are the photos for?${on} Send them again with the code, e.g. '${codes[0] ?? 'K7Q2'}'.`;
  },
  /**
   * The job list, one line each: code, window, location, items, who is on it (first names). Stays within
   * MAX_LIST_CHARS, summarising the rest as "+N more".
   */
  list(list: JobList, ctx: BusinessContext): string {
    const { jobs } = list;
    if (jobs.length === 0) return emptyList(list, ctx);
    const header = listHeading(list, ctx);
    const footer = "Text 'claim CODE' to take one.";
    const lines: string[] = [];
    for (const [i, job] of jobs.entries()) {
      const line = listLine(job, ctx);
      const left = jobs.length - i - 1;
      const more = left > 0 ? [`+${left} more`] : [];
      if ([header, ...lines, line, ...more, footer].join('\n').length > MAX_LIST_CHARS) {
        lines.push(`+${jobs.length - i} more`);
        break;
      }
      lines.push(line);
    }
    return [header, ...lines, footer].join('\n');
  },
});

/** What needs to happen first, as a command to text: "Text 'here K7Q2' when you arrive, then 'done'." */
function nextStepHint(job: Job, to: StatusId): string | null {
  const code = job.code;
  const before = job.status === 'booking_confirmed' || job.status === 'ready_for_pickup';
  if (to === 'completed' && job.status === 'en_route') return `Text 'here ${code}' when you arrive, then 'done'.`;
  if (to === 'completed' && before) return `Text 'omw ${code}' when you head out, 'here' when you arrive, then 'done'.`;
  if (to === 'in_progress' && before) return `Text 'omw ${code}' when you head out, then 'here' when you arrive.`;
  if (to === 'en_route' && job.status === 'en_route') return `Text 'here ${code}' when you arrive.`;
  if (job.status === 'in_progress' && to !== 'completed') return `Text 'done ${code}' when finished.`;
  return null;
}

function listHeading(list: JobList, ctx: BusinessContext): string {
  const count = `(${list.jobs.length})`;
  switch (list.scope) {
    case 'all':
      return `All open jobs ${count}:`;
    case 'day':
      return `Jobs for ${dayName(list.date, ctx)} ${count}:`;
    case 'next':
      return `Today's are done or past. Next: ${dayName(list.date, ctx)} ${count}:`;
    default:
      return `Today's jobs ${count}:`;
  }
}

function emptyList(list: JobList, ctx: BusinessContext): string {
  if (list.scope === 'all') return "No open jobs at all. New ones come by email; text 'help' for commands.";
  if (list.scope === 'day') return `No open jobs for ${dayName(list.date, ctx)}. Text 'jobs all' to see every open job.`;
  return "No open jobs today. New ones come by email; text 'help' for commands.";
}

/** '2026-06-05' → "tomorrow" or "Sat, Jun 6" (the day part of describeWindow). */
function dayName(date: string | null, ctx: BusinessContext): string {
  if (!date) return 'today';
  const [year, month, day] = date.split('-').map(Number);
  const noon = new Date(instantAt({ year: year!, month: month!, day: day! }, 720, ctx.tz)).toISOString();
  const label = describeWindow({ start: noon, end: noon }, ctx.now, ctx.tz).split(',').slice(0, -1).join(',');
  return label === 'Tomorrow' ? 'tomorrow' : label;
}

/** "K7Q2 12-5 PM - 12 Oak St - couch, 2 chairs - Sam, Ana" or "... - open" when nobody holds it. */
function listLine(job: Job, ctx: BusinessContext): string {
  const names = crewOnJob(job, ctx).map((member) => member.name.trim().split(/\s+/)[0] ?? member.name);
  const place = clip(job.location ?? 'no address yet', LIST_LOCATION_CHARS);
  const items = job.items?.trim() ? ` - ${clip(job.items.trim(), LIST_ITEMS_CHARS)}` : '';
  const notes = job.notes?.trim() ? ` - ${clip(job.notes.trim(), LIST_ITEMS_CHARS)}` : '';
  return `${job.code} ${shortWindow(job, ctx)} - ${place}${items}${notes} - ${names.length > 0 ? names.join(', ') : 'open'}`;
}

/** At most `max` characters, cut at a word where one is near and marked "..." (three GSM-7 dots, not "…"). */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 3);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;]+$/, '')}...`;
}

/** describeWindow without the "Today, " crew already know from the list; ASAP for no window. */
function shortWindow(job: Job, ctx: BusinessContext): string {
  if (!job.window) return 'ASAP';
  return describeWindow(job.window, ctx.now, ctx.tz).replace(/^Today,\s*/, '');
}

/**
 * The business-calendar date of an instant, e.g. '2026-06-04': "today" is the business's day, not the server's.
 * @example businessDate(new Date('2026-06-05T03:00:00Z'), 'America/Chicago') // '2026-06-04'
 */
export function businessDate(at: Date, tz: string): string {
  const local = new TZDate(at.getTime(), tz);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}
