/**
 * business.json (beside jobs.json): what the bot may answer customers' questions from: opening hours per weekday,
 * what is taken and refused, a price guide, the service area (ZIPs and cities) and free notes. Edited in the
 * dashboard (GET/PUT /api/business). A missing file is the empty profile: every question then goes to the
 * dispatcher, and the customer is told a person will answer.
 */
import * as z from 'zod';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const short = (max: number) => z.string().trim().min(1).max(max);

/** "8 AM-5 PM" as the owner writes it; null = closed that day; absent = not said (no answer for that day). */
const hoursOfDay = short(30).nullable();

export const BusinessProfileSchema = z
  .object({
    hours: z.partialRecord(z.enum(WEEKDAYS), hoursOfDay).default({}),
    itemsTaken: z.array(short(40)).max(100).default([]),
    itemsRefused: z.array(short(40)).max(100).default([]),
    /** e.g. { item: 'couch', price: 'from $75' }; the item '*' is the general line ("min load $99"). */
    prices: z.array(z.object({ item: short(40), price: short(60) }).strict()).max(100).default([]),
    serviceArea: z
      .object({
        zips: z.array(z.string().trim().regex(/^\d{5}$/, 'a 5-digit ZIP such as 60201')).max(500).default([]),
        cities: z.array(short(40)).max(100).default([]),
      })
      .strict()
      .default({ zips: [], cities: [] }),
    notes: z.string().max(1000).default(''),
  })
  .strict();
export type BusinessProfile = z.infer<typeof BusinessProfileSchema>;

/** The profile a missing business.json reads as: nothing to answer from. @example emptyBusinessProfile().itemsTaken // [] */
export function emptyBusinessProfile(): BusinessProfile {
  return { hours: {}, itemsTaken: [], itemsRefused: [], prices: [], serviceArea: { zips: [], cities: [] }, notes: '' };
}

export type ProfileResult = { ok: true; profile: BusinessProfile } | { ok: false; errors: string[] };

/**
 * Checks a profile, naming every bad field ("hours.sat: …").
 * @example validateBusinessProfile({ itemsTaken: ['couch'] }) // { ok: true, profile: { itemsTaken: ['couch'], … } }
 */
export function validateBusinessProfile(input: unknown): ProfileResult {
  const parsed = BusinessProfileSchema.safeParse(input);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'business.json'}: ${issue.message}`) };
}

/**
 * The profile stored as text; a missing, unreadable or invalid file reads as the empty profile (questions then go
 * to the dispatcher: one bad file never stops booking).
 * @example readBusinessProfile(null).prices // []
 */
export function readBusinessProfile(text: string | null): BusinessProfile {
  if (text === null) return emptyBusinessProfile();
  try {
    const result = validateBusinessProfile(JSON.parse(text));
    return result.ok ? result.profile : emptyBusinessProfile();
  } catch {
    return emptyBusinessProfile();
  }
}
