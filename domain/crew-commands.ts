/**
 * What a crew member's text does: claim, release, move a job along the status table, quote a price, list today's
 * jobs, or keep photos as proof of work. Pure: the conversation engine records the messages and photos on
 * `step.jobId`, enqueues `step.notify` and remembers the MessageSid.
 *
 * Which job: the code in the text, else the one open job the sender holds (any slot); otherwise the reply lists
 * the candidates. A status change on a job nobody holds needs no claim: the sender is put in their role's slot (so
 * the job shows who is on it, and "omw" without a code works next time). A job someone holds is moved only by crew
 * on it or a supervisor, and a job on a later day only with "now" (moveGuard).
 */
import type { BusinessContext } from './context';
import { findCrewByPhone, primaryRole, type CrewMember } from './crew';
import { releasedNotices } from './crew-alerts';
import { crewJobList } from './crew-job-list';
import { businessDate, crewWording } from './crew-wording';
import type { InboundText, Step } from './inbound';
import { findJobByCode, putJob, transition } from './job';
import { CREW_ROLES, type Job, type JobsDocument } from './jobs-document';
import { claimEmail, customerSms } from './notifications';
import type { NewOutboxItem } from './outbox';
import { wantsAllJobs } from './parse/crew-intent';
import { codeAttempt } from './parse/job-code-text';
import type { ParsedText } from './parse/parse-text';
import { isOpenStatus, type StatusId } from './statuses';
import { wording } from './wording';

/**
 * Handles one crew text (already parsed; opt-out keywords handled before this).
 * @example handleCrewText(doc, parseText('omw K7Q2', { now, tz, role: 'crew' }), text, sam, ctx).reply // 'On the way to K7Q2 · 12 Oak St. …'
 */
export function handleCrewText(
  doc: JobsDocument,
  parsed: ParsedText,
  text: InboundText,
  member: CrewMember,
  ctx: BusinessContext,
): Step {
  const photoOnly = text.body.trim() === '' && text.media.length > 0;
  if (photoOnly) return keepPhotos(doc, null, text, member);
  switch (parsed.intent) {
    case 'en_route':
      return move(doc, named(parsed, text), member, 'en_route', 'omw', ctx);
    case 'start':
      return move(doc, named(parsed, text), member, 'in_progress', 'here', ctx);
    case 'done':
      return move(doc, named(parsed, text), member, 'completed', 'done', ctx);
    case 'claim':
      return claim(doc, named(parsed, text), member, ctx);
    case 'release':
      return release(doc, named(parsed, text), member, ctx);
    case 'price':
      return price(doc, named(parsed, text), member, ctx);
    case 'list': {
      const list = crewJobList(doc, member, ctx, { all: wantsAllJobs(text.body), window: parsed.window });
      return { doc, reply: crewWording.list(list, ctx), notify: [], jobId: null };
    }
    case 'help':
      return { doc, reply: crewWording.help(), notify: [], jobId: null };
    default:
      if (text.media.length > 0) return keepPhotos(doc, parsed.jobCode, text, member);
      // Not understood: nothing changes, but a text naming a job is kept on it for the dispatcher to read.
      return { doc, reply: crewWording.notUnderstood(), notify: [], jobId: jobNamed(doc, parsed.jobCode)?.id ?? null };
  }
}

/** Open jobs where the member holds any slot, oldest first. @example heldOpenJobs(doc, '+15555550101').map((j) => j.code) */
export function heldOpenJobs(doc: JobsDocument, phone: string): Job[] {
  return Object.values(doc.jobs)
    .filter((job) => isOpenStatus(job.status) && holds(job, phone))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.code.localeCompare(b.code));
}

/** "claim ZZZZ": a word where the code goes is the code they meant, so the reply can say there is no such job. */
function named(parsed: ParsedText, text: InboundText): ParsedText {
  return parsed.jobCode ? parsed : { ...parsed, jobCode: codeAttempt(text.body) };
}

function holds(job: Job, phone: string): boolean {
  return CREW_ROLES.some((role) => job.crew[role] === phone);
}

function jobNamed(doc: JobsDocument, code: string | null): Job | undefined {
  return code ? findJobByCode(doc, code) : undefined;
}

function replyOnly(doc: JobsDocument, reply: string, job: Job | null = null): Step {
  return { doc, reply, notify: [], jobId: job?.id ?? null };
}

type Target = { readonly job: Job } | { readonly step: Step };

/** The job a command is about: the code given (any status, so "done" on a finished job says so), else the one held. */
function target(doc: JobsDocument, parsed: ParsedText, member: CrewMember, command: string): Target {
  if (parsed.jobCode) {
    const job = findJobByCode(doc, parsed.jobCode);
    return job ? { job } : { step: replyOnly(doc, crewWording.noSuchJob(parsed.jobCode)) };
  }
  const held = heldOpenJobs(doc, member.phone);
  if (held.length === 1) return { job: held[0]! };
  if (held.length === 0) return { step: replyOnly(doc, crewWording.notOnAnyJob()) };
  return { step: replyOnly(doc, crewWording.whichJob(held.map((job) => job.code), command)) };
}

function customerTexted(doc: JobsDocument, job: Job): boolean {
  return !doc.optOuts.includes(job.customer.phone);
}

/** omw / here / done: the status table decides; the customer hears about en route and completed (any hour). */
function move(
  doc: JobsDocument,
  parsed: ParsedText,
  member: CrewMember,
  to: StatusId,
  command: string,
  ctx: BusinessContext,
): Step {
  const found = target(doc, parsed, member, command);
  if ('step' in found) return found.step;
  const notYours = isOpenStatus(found.job.status) ? ownerGuard(found.job, member, ctx) : null;
  if (notYours !== null) return replyOnly(doc, notYours, found.job);
  const moved = transition(found.job, to, { by: member.name, via: 'sms' }, ctx.now);
  if (!moved.ok) return replyOnly(doc, crewWording.refused(found.job, to), found.job);
  const later = laterDayGuard(found.job, parsed, command, ctx);
  if (later !== null) return replyOnly(doc, later, found.job);

  const role = primaryRole(member);
  const autoClaim = !holds(moved.job, member.phone) && moved.job.crew[role] === null;
  const job: Job = autoClaim ? { ...moved.job, crew: { ...moved.job.crew, [role]: member.phone } } : moved.job;
  const notify: NewOutboxItem[] = [];
  // Keys are job + event: a duplicate webhook or a retried write can never text the customer twice.
  if (to === 'en_route') notify.push(customerSms(job, 'en_route', wording.customerEnRoute(job, member.name, ctx)));
  if (to === 'completed') notify.push(customerSms(job, 'completed', wording.customerCompleted(job, ctx)));
  return {
    doc: putJob(doc, job),
    reply: crewWording.moved(job, to, customerTexted(doc, job), autoClaim ? role : null),
    notify,
    jobId: job.id,
  };
}

/**
 * Why this member may not move this job, or null when they may. Only crew on the job (any slot) or a supervisor
 * moves it: a text from someone else would tell the customer the wrong person is coming. A job nobody holds yet may
 * be moved by anyone (they take their role's slot).
 */
function ownerGuard(job: Job, member: CrewMember, ctx: BusinessContext): string | null {
  const onJob = crewOnJobPhones(job);
  if (onJob.length === 0 || onJob.includes(member.phone) || member.roles.includes('supervisor')) return null;
  const names = onJob.map((phone) => findCrewByPhone(ctx.crew, phone)?.name ?? phone);
  const role = primaryRole(member);
  return crewWording.notYours(job, names, job.crew[role] === null ? role : null);
}

/**
 * A job on a later business day needs "now" ("omw K7Q2 now"): a late-evening "omw" meant for tomorrow must not
 * text the customer tonight.
 */
function laterDayGuard(job: Job, parsed: ParsedText, command: string, ctx: BusinessContext): string | null {
  if (!job.window || parsed.explicitNow) return null;
  const later = businessDate(new Date(job.window.start), ctx.tz) > businessDate(ctx.now, ctx.tz);
  return later ? crewWording.laterDay(job, command, ctx) : null;
}

function crewOnJobPhones(job: Job): string[] {
  return [...new Set(CREW_ROLES.map((role) => job.crew[role]).filter((phone): phone is string => phone !== null))];
}

/** claim <code>: the sender into the slot for their role, first come first served. */
function claim(doc: JobsDocument, parsed: ParsedText, member: CrewMember, ctx: BusinessContext): Step {
  if (!parsed.jobCode) return replyOnly(doc, crewWording.claimNeedsCode());
  const open = jobNamed(doc, parsed.jobCode);
  if (!open) return replyOnly(doc, crewWording.noSuchJob(parsed.jobCode));
  if (!isOpenStatus(open.status)) return replyOnly(doc, crewWording.closed(open), open);
  const role = primaryRole(member);
  const holder = open.crew[role];
  if (holder === member.phone) return replyOnly(doc, crewWording.alreadyYours(open, role), open);
  if (holder) {
    const name = findCrewByPhone(ctx.crew, holder)?.name ?? holder;
    return replyOnly(doc, crewWording.slotTaken(open, role, name), open);
  }
  const job: Job = { ...open, crew: { ...open.crew, [role]: member.phone }, updatedAt: ctx.now.toISOString() };
  return { doc: putJob(doc, job), reply: crewWording.claimed(job, role, ctx), notify: claimEmail(job, member, ctx), jobId: job.id };
}

/** release / drop / can't make: frees every slot the sender holds on the job. */
function release(doc: JobsDocument, parsed: ParsedText, member: CrewMember, ctx: BusinessContext): Step {
  const found = target(doc, parsed, member, 'release');
  if ('step' in found) return found.step;
  const open = found.job;
  if (!isOpenStatus(open.status)) return replyOnly(doc, crewWording.closed(open), open);
  if (!holds(open, member.phone)) return replyOnly(doc, crewWording.notOnJob(open), open);
  const crew = { ...open.crew };
  for (const role of CREW_ROLES) if (crew[role] === member.phone) crew[role] = null;
  const job: Job = { ...open, crew, updatedAt: ctx.now.toISOString() };
  return { doc: putJob(doc, job), reply: crewWording.released(job), notify: releasedNotices(open, job, member, ctx), jobId: job.id };
}

/** price <code> <amount>: a pending quote the customer confirms with YES (customer-texts.ts takes it from there). */
function price(doc: JobsDocument, parsed: ParsedText, member: CrewMember, ctx: BusinessContext): Step {
  const found = target(doc, parsed, member, 'price');
  if ('step' in found) return found.step;
  const open = found.job;
  if (!isOpenStatus(open.status)) return replyOnly(doc, crewWording.closed(open), open);
  const cents = parsed.amountCents;
  if (cents === null || cents <= 0) return replyOnly(doc, crewWording.quoteNeedsAmount(open), open);
  const at = ctx.now.toISOString();
  const job: Job = { ...open, quote: { amountCents: cents, by: member.phone, at, state: 'pending' }, updatedAt: at };
  // The quote time is in the key: a new quote is a new text, the same quote (same write retried) is not.
  const notify = [customerSms(job, `quote:${at}`, wording.customerQuote(job, cents, ctx))];
  return { doc: putJob(doc, job), reply: crewWording.quoteSent(job, cents, customerTexted(doc, job)), notify, jobId: job.id };
}

/**
 * Crew photos are proof of work: kept on the job named by the code, else on the one open job the sender holds.
 * Photos after "done" are normal, so a completed job named by code still takes them.
 */
function keepPhotos(doc: JobsDocument, code: string | null, text: InboundText, member: CrewMember): Step {
  if (code) {
    const job = findJobByCode(doc, code);
    return job ? replyOnly(doc, crewWording.photosSaved(job, text.media.length), job) : replyOnly(doc, crewWording.noSuchJob(code));
  }
  const held = heldOpenJobs(doc, member.phone);
  if (held.length === 1) return replyOnly(doc, crewWording.photosSaved(held[0]!, text.media.length), held[0]!);
  return replyOnly(doc, crewWording.photosWhichJob(held.map((job) => job.code)));
}
