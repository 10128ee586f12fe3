/**
 * The crew roster (crew.json beside jobs.json). A text from a roster phone is a crew message; anything else is a
 * customer message.
 */
import * as z from 'zod';
import { CREW_ROLES, type CrewRole } from './jobs-document';

export const CrewMemberSchema = z.object({
  name: z.string().trim().min(1, 'a name is required'),
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number such as +15555550101'),
  email: z.email('must be an email address').nullable().default(null),
  roles: z
    .array(z.enum(CREW_ROLES, { error: `must be one of ${CREW_ROLES.join(', ')}` }))
    .min(1, 'at least one role'),
});
export type CrewMember = z.infer<typeof CrewMemberSchema>;

export const CrewRosterSchema = z
  .object({ crew: z.array(CrewMemberSchema) })
  .superRefine((roster, ctx) => {
    const seen = new Map<string, number>();
    roster.crew.forEach((member, i) => {
      const first = seen.get(member.phone);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['crew', i, 'phone'],
          message: `duplicate phone ${member.phone} (also crew[${first}])`,
        });
      } else seen.set(member.phone, i);
    });
  });
export type CrewRoster = z.infer<typeof CrewRosterSchema>;

export type RosterResult = { ok: true; roster: CrewRoster } | { ok: false; errors: string[] };

/**
 * Validates a roster, returning every problem in words ("crew[1].phone: must be an E.164 phone number ...").
 * @example validateRoster({ crew: [] }) // { ok: true, roster: { crew: [] } }
 */
export function validateRoster(input: unknown): RosterResult {
  const result = CrewRosterSchema.safeParse(input);
  if (result.success) return { ok: true, roster: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
  };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
    '',
  ) || '(roster)';
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
