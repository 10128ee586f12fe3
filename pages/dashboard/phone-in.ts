/**
 * The "New phone-in job" dialog: who, where, and when — a day (today, tomorrow or another date) and a part of the
 * day. What it offers comes from the server (GET /api/business/public: domain/booking-slots.ts, read in the
 * business zone), as on the booking page: a part of today with under an hour left cannot be picked, and once the
 * working day is over neither can "Today" (the dialog then starts on tomorrow morning). The server refuses a passed
 * part of today in any case (domain/phone-in-window.ts). Posts to POST /api/jobs; errors go next to the fields.
 */
import type { BookingSlots } from '../../domain/booking-slots';
import { byId, jsonOf } from '../lib/dom';
import * as api from './api';
import type { ChangeResult, DashboardJob } from './api';

const PARTS = ['morning', 'afternoon', 'evening', 'any'] as const;
const FIELDS = ['phone', 'name', 'location', 'day', 'part', 'notes', 'body'] as const;

export interface PhoneInHooks {
  /** Runs a change as the board does (a 401 signs out, a success refreshes the board). */
  readonly changed: (pending: Promise<ChangeResult>) => Promise<ChangeResult>;
  /** The job was booked: the board's note and the new job's drawer. */
  readonly booked: (job: DashboardJob) => void;
}

/** Wires the dialog: the "New phone-in job" button opens it with the next day and part still possible. */
export function setUpPhoneIn(hooks: PhoneInHooks): void {
  const dialog = byId<HTMLDialogElement>('new-job-dialog');
  const form = byId<HTMLFormElement>('new-job-form');
  const radio = (id: string) => byId<HTMLInputElement>(id);
  const checked = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';
  const dateInput = byId<HTMLInputElement>('nj-day');
  let slots: BookingSlots | null = null;

  /** Only what can still be done: no passed part of today, no "Today" once it is over. */
  function offerOpenParts(): void {
    const left = slots?.partsToday ?? null;
    const today = radio('nj-when-today');
    today.disabled = left !== null && left.length === 0;
    if (today.disabled && today.checked) radio('nj-when-tomorrow').checked = true;
    const isToday = checked('when') === 'today';
    for (const part of PARTS) radio(`nj-part-${part}`).disabled = isToday && left !== null && !left.includes(part);
    if (form.querySelector('input[name="part"]:checked:disabled')) {
      const open = PARTS.find((part) => !radio(`nj-part-${part}`).disabled);
      if (open) radio(`nj-part-${open}`).checked = true;
    }
    byId('nj-date-field').hidden = checked('when') !== 'pick';
  }

  async function open(): Promise<void> {
    form.reset();
    clearErrors();
    dialog.showModal();
    offerOpenParts();
    const info = (await fetch('/api/business/public', { cache: 'no-store' }).then(jsonOf).catch(() => null)) as { slots?: BookingSlots } | null;
    if (!info?.slots || !dialog.open) return;
    slots = info.slots;
    dateInput.min = slots.today;
    dateInput.max = slots.lastDay;
    radio(slots.first.day === slots.today ? 'nj-when-today' : 'nj-when-tomorrow').checked = true;
    radio(`nj-part-${slots.first.part}`).checked = true;
    offerOpenParts();
  }

  function clearErrors(): void {
    for (const id of FIELDS) byId(`nj-${id}-error`).textContent = '';
  }

  /** The body of POST /api/jobs. "Today" sends no day: the server's calendar decides, at the moment it books. */
  function booking(): Record<string, unknown> {
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const body: Record<string, unknown> = { phone: value('phone'), location: value('location'), part: checked('part') || 'any' };
    if (value('name')) body.name = value('name');
    if (value('notes')) body.notes = value('notes');
    if (checked('when') === 'tomorrow') body.day = slots?.tomorrow ?? localDate(1);
    if (checked('when') === 'pick') body.day = dateInput.value;
    return body;
  }

  byId('new-job').addEventListener('click', () => void open());
  byId('new-job-close').addEventListener('click', () => dialog.close());
  form.addEventListener('change', (event) => {
    if (!(event.target instanceof HTMLInputElement) || event.target.name !== 'when') return;
    offerOpenParts();
    if (event.target.value === 'pick') dateInput.focus();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    if (checked('when') === 'pick' && !dateInput.value) {
      byId('nj-day-error').textContent = 'Pick a date.';
      dateInput.focus();
      return;
    }
    const result = await hooks.changed(api.createJob(booking()));
    if (!result.ok) {
      const unplaced: string[] = [];
      for (const [key, message] of Object.entries(result.errors)) {
        const target = (FIELDS as readonly string[]).includes(key) ? document.getElementById(`nj-${key}-error`) : null;
        if (target) target.textContent = message;
        else unplaced.push(message);
      }
      byId('nj-body-error').textContent = [result.message, ...unplaced].join(' ');
      return;
    }
    form.reset();
    dialog.close();
    if (result.job) hooks.booked(result.job);
  });
}

/** 'YYYY-MM-DD' `days` from today on the browser's calendar: only until the server's days have arrived. */
function localDate(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
