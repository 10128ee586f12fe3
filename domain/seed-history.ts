/**
 * A realistic history for trying the dashboard and for the benchmark: `jobs` jobs booked over `days` days up to
 * `now`, the newest `open` of them still open, the rest completed (about one in fifteen cancelled), each with the
 * texts a real job collects (the booking and our reply, crew claim / on the way / arrived / done, a quote now and
 * then, photos), crew on the slots, and the recent delivery log and MessageSids a running system would hold.
 *
 * Pure and seeded: the same options give the same document, byte for byte. It writes nothing; scripts/seed.ts does
 * the I/O, and `archiveHistory` (domain/hot-document.ts) splits the result the way the sweep would have.
 * Built directly, not by replaying texts through the engine: replaying costs O(jobs²) and 50,000 jobs would take
 * minutes.
 */
import type { CrewRoster } from './crew';
import type { Job, JobsDocument, Message, OutboxItem, Photo } from './jobs-document';
import { emptyJobsDocument } from './jobs-document';
import type { StatusId } from './statuses';

export interface SeedOptions {
  readonly jobs: number;
  readonly open: number;
  readonly days: number;
  readonly now: Date;
  /** The business number customers text. */
  readonly businessNumber: string;
  readonly publicBaseUrl: string;
  readonly businessName: string;
  readonly crew: CrewRoster;
  /** Same seed, same history. */
  readonly seed?: number;
}

/** A small roster for a seeded business (written as crew.json when there is none). */
export const SEED_CREW: CrewRoster = {
  crew: [
    { name: 'Sam Rivera', phone: '+15555550101', email: 'sam@example.com', roles: ['driver'] },
    { name: 'Ana Lee', phone: '+15555550102', email: 'ana@example.com', roles: ['first_mate'] },
    { name: 'Joe Park', phone: '+15555550103', email: null, roles: ['driver', 'supervisor'] },
    { name: 'Mia Chen', phone: '+15555550104', email: 'mia@example.com', roles: ['first_mate', 'driver'] },
  ],
};

const STREETS = ['Soderblom Ave', 'Oak St', 'Central St', 'Pine Rd', 'Maple Ct', 'N Damen Ave', 'Ridge Ave', 'Cedar Lane', 'W Elm Ave', 'Lake Shore Dr'];
const ITEMS = ['an old couch', 'a fridge', 'a washer and dryer', 'garage junk', 'a hot tub', 'mattresses', 'yard waste', 'a treadmill', 'boxes from a move', 'a piano'];
const NAMES = [null, null, 'Dana', 'Luis', 'Priya', 'Tom', 'Grace', 'Omar', null, 'Kim'];
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const TOKEN_ALPHABET = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict';
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const OPEN_STATUSES: readonly StatusId[] = ['booking_confirmed', 'ready_for_pickup', 'booking_confirmed', 'en_route', 'in_progress'];

/** mulberry32: a tiny seeded generator, plenty for made-up data. @example seededRandom(1)() // 0.6270739405881613 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The whole history as one jobs document (every job, none archived yet).
 * @example Object.keys(seedHistory({ jobs: 100, open: 10, days: 5, now, … }).jobs).length // 100
 */
export function seedHistory(options: SeedOptions): JobsDocument {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chars = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  const start = options.now.getTime() - options.days * DAY;
  const step = (options.days * DAY) / Math.max(1, options.jobs);
  const openFrom = options.jobs - Math.min(options.open, options.jobs);
  const openCodes = new Set<string>();
  const jobs: Record<string, Job> = {};
  const inbound: JobsDocument['inbound'] = {};
  const outbox: OutboxItem[] = [];
  const unmatched: Message[] = [];
  let sid = 0;
  const recentSids = options.now.getTime() - 7 * DAY;
  const recentOutbox = options.now.getTime() - 14 * DAY;

  for (let i = 0; i < options.jobs; i++) {
    const bookedAt = Math.min(options.now.getTime() - HOUR, start + i * step + random() * step);
    const open = i >= openFrom;
    let code = chars(CODE_ALPHABET, 4);
    while (open && openCodes.has(code)) code = chars(CODE_ALPHABET, 4);
    if (open) openCodes.add(code);
    const phone = `+1555${String(1_000_000 + ((i * 7919 + Math.floor(random() * 97)) % 8_999_999)).padStart(7, '0')}`;
    const location = `${100 + Math.floor(random() * 9800)} ${pick(STREETS)}`;
    const id = `job_${chars(TOKEN_ALPHABET.replace(/[-_]/g, ''), 12)}`;
    const token = chars(TOKEN_ALPHABET, 24);
    const windowStart = Math.ceil((bookedAt + DAY) / HOUR) * HOUR;
    const status: StatusId = open ? OPEN_STATUSES[i % OPEN_STATUSES.length]! : i % 15 === 7 ? 'cancelled' : 'completed';
    const member = options.crew.crew[i % Math.max(1, options.crew.crew.length)];
    const closedAt = open ? null : Math.min(options.now.getTime() - 30 * 60_000, windowStart + 2 * HOUR + random() * HOUR);
    const quoted = status !== 'cancelled' && i % 3 === 0;
    const cents = 15_000 + (i % 20) * 2_500;

    const messages: Message[] = [];
    const text = (at: number, from: string, body: string, reply: string | null): void => {
      const messageSid = `SM${String(++sid).padStart(32, '0')}`;
      messages.push({ at: iso(at), direction: 'in', from, to: options.businessNumber, body, sid: messageSid, intent: null, media: 0 });
      if (reply !== null) messages.push({ at: iso(at), direction: 'out', from: options.businessNumber, to: from, body: reply, sid: null, intent: null, media: 0 });
      if (at >= recentSids) inbound[messageSid] = { at: iso(at), reply, jobId: id };
    };
    const link = `${options.publicBaseUrl}/track/${token}`;
    text(bookedAt, phone, `need ${pick(ITEMS)} picked up tomorrow, ${location}`, `Thanks! ${options.businessName} has you down for tomorrow at ${location}. Track it: ${link}`);
    const history: Job['history'] = [{ at: iso(bookedAt), status: 'booking_confirmed', by: phone, via: 'sms' }];
    // Crew steps happen around the window, never before the booking nor in the future.
    const crewAt = (hours: number) => Math.max(bookedAt + (hours + 13) * 60_000, Math.min(options.now.getTime() - HOUR, windowStart + hours * HOUR));
    if (member && status !== 'booking_confirmed' && status !== 'cancelled') {
      text(crewAt(-12), member.phone, `claim ${code}`, `${code} is yours (driver). ${location}.`);
    }
    // Every ready_for_pickup job got there by the customer's "ready" text (its history says so).
    if (i % 2 === 0 || status === 'ready_for_pickup') {
      text(crewAt(-2), phone, 'stuff is on the curb', `Got it, your items are ready for pickup. Track it: ${link}`);
      if (status === 'ready_for_pickup') history.push({ at: iso(crewAt(-2)), status: 'ready_for_pickup', by: phone, via: 'sms' });
    }
    if (quoted) {
      text(crewAt(-1), member?.phone ?? phone, `price ${code} ${cents / 100}`, `Quote sent to the customer: $${cents / 100}.`);
      text(crewAt(-0.5), phone, 'yes', `Thanks! $${cents / 100} is confirmed.`);
    }
    const moves: [StatusId, number][] =
      status === 'completed' ? [['en_route', 0], ['in_progress', 0.75], ['completed', 1.75]]
      : status === 'in_progress' ? [['en_route', 0], ['in_progress', 0.75]]
      : status === 'en_route' ? [['en_route', 0]]
      : [];
    const words: Partial<Record<StatusId, string>> = { en_route: 'omw', in_progress: 'here', completed: 'done' };
    for (const [to, hours] of moves) {
      const at = to === 'completed' && closedAt !== null ? closedAt : crewAt(hours);
      text(at, member?.phone ?? phone, `${words[to]} ${code}`, `${code} marked ${to.replace('_', ' ')}.`);
      history.push({ at: iso(at), status: to, by: member?.name ?? 'dispatcher', via: 'sms' });
    }
    if (status === 'cancelled' && closedAt !== null) {
      text(closedAt, phone, 'please cancel my pickup, we sold it', `Your pickup is cancelled. Text us anytime to book again.`);
      history.push({ at: iso(closedAt), status: 'cancelled', by: phone, via: 'sms' });
    }
    const photos: Photo[] = [];
    if (i % 4 === 1) photos.push(photo(bookedAt, phone, messages[0]!.sid!, 'customer', i));
    if (status === 'completed' && i % 5 === 0) photos.push(photo(closedAt!, member?.phone ?? phone, `SMproof${i}`, 'proof', i));
    const updatedAt = messages[messages.length - 1]!.at;
    jobs[id] = {
      id,
      code,
      token,
      reminderSentAt: null,
      lateAlertAt: null,
      apologySentAt: null,
      reviewRequestedAt: null,
      complaint: false,
      customer: { phone, name: pick(NAMES) },
      location,
      window: { start: iso(windowStart), end: iso(windowStart + 4 * HOUR) },
      status,
      priceCents: quoted ? cents : null,
      quote: quoted ? { amountCents: cents, by: member?.phone ?? 'dispatcher', at: iso(crewAt(-1)), state: 'accepted' } : null,
      notes: i % 9 === 0 ? 'Gate code 4411, items by the garage' : '',
      items: pick(ITEMS),
      crew: { driver: status === 'booking_confirmed' || status === 'cancelled' ? null : (member?.phone ?? null), first_mate: null, supervisor: null },
      photos,
      messages,
      history,
      needsAttention: false,
      language: 'en',
      confirmedAt: null,
      eta: null,
      closedAt: closedAt === null ? null : iso(closedAt),
      confirmationHeld: false,
      createdAt: iso(bookedAt),
      updatedAt: updatedAt > iso(closedAt ?? 0) ? updatedAt : iso(closedAt!),
    };
    for (const [event, at] of [['booked:email', bookedAt], ...moves.map(([to, hours]) => [`${to}:sms`, crewAt(hours)] as const)] as const) {
      if (at < recentOutbox) continue;
      outbox.push(sentItem(`${id}:${event}`, event.endsWith('sms') ? phone : 'dispatch@example.com', id, at));
    }
    if (i % 40 === 20) {
      const at = bookedAt + HOUR;
      const messageSid = `SM${String(++sid).padStart(32, '0')}`;
      unmatched.push({ at: iso(at), direction: 'in', from: `+1555${String(9_000_000 + i).slice(-7)}`, to: options.businessNumber, body: 'hello? is this the junk guys', sid: messageSid, intent: 'unclear', media: 0 });
      if (at >= recentSids) inbound[messageSid] = { at: iso(at), reply: null, jobId: null };
    }
  }
  outbox.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { ...emptyJobsDocument(), version: 1, jobs, inbound, outbox, unmatched };
}

function iso(at: number): string {
  return new Date(at).toISOString();
}

function photo(at: number, from: string, messageSid: string, kind: Photo['kind'], i: number): Photo {
  return { url: `https://api.twilio.com/2010-04-01/Accounts/ACseed/Messages/${messageSid}/Media/ME${i}`, contentType: 'image/jpeg', from, at: iso(at), messageSid, kind };
}

function sentItem(key: string, to: string, jobId: string, at: number): OutboxItem {
  const channel = to.startsWith('+') ? 'sms' : 'email';
  return {
    key,
    channel,
    to,
    subject: channel === 'email' ? 'New job' : null,
    body: channel === 'sms' ? 'Your crew is on the way.' : 'A new job was booked.',
    jobId,
    createdAt: iso(at),
    notBefore: iso(at),
    attempts: 1,
    status: 'sent',
    leaseUntil: null,
    lastError: null,
    sentAt: iso(at),
    providerId: null,
    delivery: null,
  };
}
