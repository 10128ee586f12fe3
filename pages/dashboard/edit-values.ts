/**
 * What the dispatcher types in the drawer, read into what the API takes. The pickup window is a date and two
 * wall-clock times in the BUSINESS time zone (the dispatcher's laptop may be set to another zone), to and from the
 * API's {start, end} instants; a price is typed in dollars.
 */
import type { PickupWindow } from '../../domain/jobs-document';
import { businessDay, instantAt, isoInZone, wallClock } from '../../domain/zoned-date';

export interface WindowFields {
  /** 'YYYY-MM-DD', or '' for no window. */
  readonly date: string;
  /** 'HH:MM' */
  readonly from: string;
  readonly to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** @example windowToFields({ start: '2026-06-04T17:00:00Z', end: '2026-06-04T22:00:00Z' }, 'America/Chicago') // { date: '2026-06-04', from: '12:00', to: '17:00' } */
export function windowToFields(window: PickupWindow | null, tz: string): WindowFields {
  if (!window) return { date: '', from: '', to: '' };
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  const day = businessDay(new Date(start), tz);
  const a = wallClock(start, tz);
  const b = wallClock(end, tz);
  return {
    date: `${day.year}-${pad(day.month)}-${pad(day.day)}`,
    from: `${pad(a.hour)}:${pad(a.minute)}`,
    to: `${pad(b.hour)}:${pad(b.minute)}`,
  };
}

export type WindowParse = { readonly ok: true; readonly window: PickupWindow | null } | { readonly ok: false; readonly error: string };

/**
 * Fields back to a window; all empty means "no time set" (as soon as possible). An end at or before the start is
 * read as running past midnight only when it is "00:00" (until midnight); otherwise it is an error.
 */
export function fieldsToWindow(fields: WindowFields, tz: string): WindowParse {
  if (!fields.date && !fields.from && !fields.to) return { ok: true, window: null };
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(fields.date);
  if (!date) return { ok: false, error: 'Pick a date, or clear all three to leave the time open.' };
  const from = minutes(fields.from);
  const to = minutes(fields.to);
  if (from === null || to === null) return { ok: false, error: 'Give both times, e.g. 12:00 to 17:00.' };
  const day = { year: Number(date[1]), month: Number(date[2]), day: Number(date[3]) };
  const end = to === 0 ? 1440 : to;
  if (end <= from) return { ok: false, error: 'The window must end after it starts.' };
  return {
    ok: true,
    window: { start: isoInZone(instantAt(day, from, tz), tz), end: isoInZone(instantAt(day, end, tz), tz) },
  };
}

function minutes(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const total = Number(match[1]) * 60 + Number(match[2]);
  return total < 1440 ? total : null;
}

/** "$600", "600", "1,250.50" → cents; null for anything else. @example parseDollars("1,250.50") // 125050 */
export function parseDollars(text: string): number | null {
  const match = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]!.replace(/,/g, '')) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}
