/**
 * The crew roster (crew.json beside jobs.json). A text from a roster phone is a crew message; anything else is a
 * customer message.
 */
import * as z from 'zod';
import type { FieldErrors } from './field-errors';
import { CREW_ROLES, type CrewRole } from './jobs-document';
import { toE164 } from './phone';

const PHONE_HINT = 'must be a mobile number such as +15555550101 or (555) 555-0101';

export const CrewMemberSchema = z.object({
  name: z.string().trim().min(1, 'a name is required'),
  // Typed any usual way ("(555) 555-0101") and stored as E.164, the form Twilio sends as From.
  phone: z.string({ error: PHONE_HINT }).transform((typed, ctx) => {
    const read = toE164(typed);
    if (read.ok) return read.phone;
    ctx.addIssue({ code: 'custom', message: PHONE_HINT });
    return z.NEVER;
  }),
  email: z
    .preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), z.email('must be an email address').nullable())
    .default(null),
  roles: z
    .array(z.enum(CREW_ROLES, { error: `must be one of ${CREW_ROLES.join(', ')}` }), { error: 'at least one role' })
    .min(1, 'at least one role'),
});
export type CrewMember = z.infer<typeof CrewMemberSchema>;
export interface CrewRoster {
  readonly crew: CrewMember[];
}

/** One roster entry that cannot be used, named so a person can find it: "Sam Again: phone is also Sam Rivera's". */
export interface RosterProblem {
  /** Position in crew.json's list (0-based); null for a problem with the whole file. */
  readonly index: number | null;
  /** The entry's name as written, else "entry 3". */
  readonly name: string;
  /** The field at fault ("phone"), or null for the whole entry. */
  readonly field: string | null;
  readonly message: string;
  /** The entry as stored, so the roster editor can show it for fixing and nothing is lost. */
  readonly entry: unknown;
}

/** What reading a roster gives: every usable entry, and each one skipped with why. */
export interface RosterReading {
  readonly roster: CrewRoster;
  readonly problems: readonly RosterProblem[];
}

/**
 * Reads a roster entry by entry: a bad entry (a bad phone, an unknown role, a phone already on the roster) is skipped
 * and reported by name; the rest keep working, so one typo never turns every crew text into a customer text.
 * @example readRoster({ crew: [sam, { name: 'Lou', phone: 'x', roles: ['driver'] }] }).roster.crew.length // 1
 */
export function readRoster(input: unknown): RosterReading {
  const list = (input as { crew?: unknown } | null)?.crew;
  if (!Array.isArray(list)) {
    const message = 'crew.json must be {"crew": [ ... ]}; no one is on the roster until it is fixed';
    return { roster: { crew: [] }, problems: [{ index: null, name: 'crew.json', field: null, message, entry: input }] };
  }
  const crew: CrewMember[] = [];
  const problems: RosterProblem[] = [];
  list.forEach((entry, index) => {
    const name = entryName(entry, index);
    const parsed = CrewMemberSchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ index, name, field: issue.path.map(String).join('.') || null, message: issue.message, entry });
      }
      return;
    }
    const first = crew.find((member) => member.phone === parsed.data.phone);
    if (first) {
      problems.push({ index, name, field: 'phone', message: `${parsed.data.phone} is also ${first.name}'s`, entry });
      return;
    }
    crew.push(parsed.data);
  });
  return { roster: { crew }, problems };
}

/** @example rosterProblemText({ name: 'Lou', field: 'phone', message: 'must be …' }) // 'Lou: phone must be …' */
export function rosterProblemText(problem: Pick<RosterProblem, 'name' | 'field' | 'message'>): string {
  return `${problem.name}: ${problem.field ? `${problem.field} ` : ''}${problem.message}`;
}

export type RosterResult = { ok: true; roster: CrewRoster } | { ok: false; errors: FieldErrors };

/**
 * Checks a whole roster before it is saved (PUT /api/crew): every problem as a field error the editor shows by its
 * field ("crew.1.phone"); nothing is saved while any remains.
 * @example validateRoster({ crew: [] }) // { ok: true, roster: { crew: [] } }
 */
export function validateRoster(input: unknown): RosterResult {
  const reading = readRoster(input);
  if (reading.problems.length === 0) return { ok: true, roster: reading.roster };
  const errors: FieldErrors = {};
  for (const problem of reading.problems) {
    const key = problem.index === null ? 'crew' : ['crew', problem.index, problem.field].filter((part) => part !== null).join('.');
    errors[key] ??= problem.message;
  }
  return { ok: false, errors };
}

function entryName(entry: unknown, index: number): string {
  const name = (entry as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : `entry ${index + 1}`;
}

/** @example findCrewByPhone(roster, '+15555550101')?.name // 'Sam Rivera' */
export function findCrewByPhone(roster: CrewRoster, phone: string): CrewMember | undefined {
  return roster.crew.find((member) => member.phone === phone);
}

/** The role a member fills when they claim a job: their first listed role. @example primaryRole(sam) // 'driver' */
export function primaryRole(member: CrewMember): CrewRole {
  return member.roles[0] ?? 'driver';
}

export function emptyRoster(): CrewRoster {
  return { crew: [] };
}
