/**
 * The board's Today / Tomorrow / All days filter. Which day a job is on comes from the server (DashboardJob.boardDay
 * in the business zone: as-soon-as-possible and overdue open work are today's); the choice is kept in localStorage,
 * so the 5 s refresh and a reload keep it.
 */
import { byId } from '../lib/dom';
import type { DashboardJob, DashboardView } from './api';

export const DAY_FILTERS = ['today', 'tomorrow', 'all'] as const;
export type DayFilter = (typeof DAY_FILTERS)[number];

const STORAGE_KEY = 'dispatch.board.day';

/** The jobs the filter shows. @example jobsForDay(view, 'today').every((job) => job.boardDay === view.today) // true */
export function jobsForDay(view: DashboardView, filter: DayFilter): readonly DashboardJob[] {
  if (filter === 'all') return view.jobs;
  const day = filter === 'today' ? view.today : view.tomorrow;
  return view.jobs.filter((job) => job.boardDay === day);
}

/** What an empty column says under the filter. */
export function emptyText(filter: DayFilter): string {
  return filter === 'today' ? 'Nothing today' : filter === 'tomorrow' ? 'Nothing tomorrow' : 'Nothing here';
}

/** The stored choice; All days when none (or storage is off), so a new booking for next week is never out of sight. */
export function storedDayFilter(): DayFilter {
  const value = stored(STORAGE_KEY);
  return (DAY_FILTERS as readonly string[]).includes(value ?? '') ? (value as DayFilter) : 'all';
}

/** Wires the radio group (#day-filter) to `onChange`, starting from the stored choice. */
export function setUpDayFilter(initial: DayFilter, onChange: (filter: DayFilter) => void): void {
  const group = byId('day-filter');
  byId<HTMLInputElement>(`day-filter-${initial}`).checked = true;
  group.addEventListener('change', (event) => {
    const value = event.target instanceof HTMLInputElement ? event.target.value : '';
    if (!(DAY_FILTERS as readonly string[]).includes(value)) return;
    keep(STORAGE_KEY, value);
    onChange(value as DayFilter);
  });
}

/** Each choice's count, beside its label. */
export function showDayCounts(view: DashboardView): void {
  for (const filter of DAY_FILTERS) byId(`day-filter-${filter}-count`).textContent = String(jobsForDay(view, filter).length);
}

/** localStorage can be off (a locked-down browser, some private modes): the filter then lasts until reload. */
export function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function keep(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* kept in memory only */
  }
}
