/**
 * A booking in the making (jobs.json `pendingBookings`, by phone): no job is created without an address, so what a
 * customer tells us before the address arrives (time, items, notes, photos, name, language) is kept here for 48
 * hours, and the job is created, with all of it, when the address comes. The same record holds a question we are
 * waiting on ("Reply NEW or CHANGE", "Which pickup?").
 */
import type { JobsDocument, PendingBooking, Photo } from './jobs-document';
import type { HaulItem, ParsedText } from './parse/parse-text';

/** How long a half-told booking is remembered. */
export const PENDING_MS = 48 * 3600_000;

/** The phone's pending booking, if younger than 48 hours. @example pendingFor(doc, '+15555550123', now)?.window */
export function pendingFor(doc: JobsDocument, phone: string, now: Date): PendingBooking | null {
  const pending = doc.pendingBookings[phone];
  if (!pending || now.getTime() - Date.parse(pending.at) > PENDING_MS) return null;
  return pending;
}

/**
 * The document with the phone's pending booking set (or removed with null); expired ones are dropped on the way.
 * @example withPending(doc, phone, null, now) // the booking was made: forget what was pending
 */
export function withPending(doc: JobsDocument, phone: string, pending: PendingBooking | null, now: Date): JobsDocument {
  const kept = Object.entries(doc.pendingBookings).filter(
    ([key, value]) => key !== phone && now.getTime() - Date.parse(value.at) <= PENDING_MS,
  );
  if (pending === null && kept.length === Object.keys(doc.pendingBookings).length) return doc;
  return { ...doc, pendingBookings: Object.fromEntries(pending ? [...kept, [phone, pending]] : kept) };
}

/**
 * What we know after this text: the earlier pending details, overridden or added to by the new ones.
 * @example mergePending(null, parsed, [], 'en', now).window
 */
export function mergePending(
  previous: PendingBooking | null,
  parsed: Pick<ParsedText, 'window' | 'items' | 'notes' | 'itemsReady'>,
  photos: readonly Photo[],
  language: 'en' | 'es',
  now: Date,
): PendingBooking {
  return {
    at: now.toISOString(),
    window: parsed.window ?? previous?.window ?? null,
    items: joinItems(previous?.items ?? null, itemsText(parsed.items)),
    notes: [...new Set([...(previous?.notes ?? []), ...parsed.notes])],
    photos: [...(previous?.photos ?? []), ...photos],
    name: previous?.name ?? null,
    language,
    itemsReady: parsed.itemsReady || (previous?.itemsReady ?? false),
    location: previous?.location ?? null,
    question: null,
  };
}

/** Parsed items as the job shows them. @example itemsText([{ name: 'piano', count: 1 }, { name: 'mattress', count: 2 }]) // 'piano, 2 mattresses' */
export function itemsText(items: readonly HaulItem[]): string | null {
  if (items.length === 0) return null;
  return items.map((item) => (item.count > 1 ? `${item.count} ${plural(item.name)}` : item.name)).join(', ');
}

/** Two item lists as one, without repeating a piece already listed. @example joinItems('piano', 'fridge') // 'piano, fridge' */
export function joinItems(existing: string | null, added: string | null): string | null {
  if (!added) return existing;
  if (!existing) return added;
  const have = new Set(existing.split(',').map((part) => part.trim().toLowerCase()));
  const fresh = added.split(',').map((part) => part.trim()).filter((part) => !have.has(part.toLowerCase()));
  return fresh.length ? `${existing}, ${fresh.join(', ')}` : existing;
}

/** Access notes appended to a job's notes, once each. @example appendNotes('', ['back alley']) // 'back alley' */
export function appendNotes(existing: string, notes: readonly string[]): string {
  const parts = existing.split(/;\s*/).map((part) => part.trim()).filter(Boolean);
  const fresh = notes.filter((note) => !parts.some((part) => part.toLowerCase() === note.toLowerCase()));
  return [...parts, ...fresh].join('; ');
}

/** @example plural('mattress') // 'mattresses' */
export function plural(name: string): string {
  if (/(s|x|z|ch|sh)$/.test(name)) return `${name}es`;
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(waste|furniture|junk|debris|trash|stuff)$/.test(name)) return name;
  return `${name}s`;
}
