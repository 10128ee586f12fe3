/**
 * The booking form (/book/<slug> → /book.html?location=<slug>). Posts JSON to /api/book and shows the server's
 * per-field messages next to the fields; on success, when in words and a link to the tracking page.
 * The days come from the server (GET /api/business/public), read in the business zone: the form starts on the next
 * day and part of the day still possible, and a part of today that has passed cannot be chosen.
 */
import type { BookingSlots } from '../domain/booking-slots';
import { byId, errorText, jsonOf } from './lib/dom';
import { BOOK_STRINGS, SPANISH_FIELD_ERRORS } from './lib/book-strings';
import { applyStrings, browserLanguage, fill, showContact } from './lib/i18n';
import { addressFromSlug, slugFromLocation, trackingHref } from './lib/links';

const FIELDS = ['name', 'phone', 'address', 'day', 'part', 'items'] as const;
const language = browserLanguage();
const t = BOOK_STRINGS[language];

const form = byId<HTMLFormElement>('book-form');
const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement;
const checked = (name: string) => (form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '');
const radio = (id: string) => byId<HTMLInputElement>(id);
let slots: BookingSlots | null = null;
/** Once the customer has picked a day or time, the server's first slot (arriving late) must not undo it. */
let picked = false;

/** 'YYYY-MM-DD' of the phone's own calendar, `days` from today: only until the server's days have arrived. */
function localDate(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** With "Today" chosen, the parts of today that have passed are disabled (and never left chosen). */
function limitPartsToToday(): void {
  const today = checked('when') === 'today';
  for (const part of ['morning', 'afternoon', 'evening', 'any']) {
    const control = radio(`part-${part}`);
    control.disabled = today && slots !== null && !slots.partsToday.includes(part as BookingSlots['partsToday'][number]);
    if (control.disabled && control.checked) {
      control.checked = false;
      const first = slots?.partsToday[0];
      if (first) radio(`part-${first}`).checked = true;
    }
  }
}

function applySlots(next: BookingSlots): void {
  slots = next;
  const dayInput = input('day') as HTMLInputElement;
  dayInput.min = next.today;
  dayInput.max = next.lastDay;
  // Nothing left today: "Today" cannot be chosen at all.
  radio('day-today').disabled = next.partsToday.length === 0;
  if (!picked || (next.partsToday.length === 0 && checked('when') === 'today')) {
    radio(next.first.day === next.today ? 'day-today' : 'day-tomorrow').checked = true;
    radio(`part-${next.first.part}`).checked = true;
  }
  limitPartsToToday();
}

function clearErrors(): void {
  for (const name of FIELDS) {
    byId(`${name}-error`).textContent = '';
    form.querySelectorAll(`[name="${name}"]`).forEach((el) => el.removeAttribute('aria-invalid'));
  }
  byId('form-error').textContent = '';
}

function showErrors(errors: Record<string, unknown>): void {
  let first: HTMLElement | null = null;
  const unplaced: string[] = [];
  for (const [key, message] of Object.entries(errors)) {
    if (typeof message !== 'string') continue;
    const target = (FIELDS as readonly string[]).includes(key) ? document.getElementById(`${key}-error`) : null;
    if (!target) {
      unplaced.push(message);
      continue;
    }
    target.textContent = language === 'es' ? (SPANISH_FIELD_ERRORS[key] ?? message) : message;
    const control =
      key === 'day' && checked('when') !== 'pick'
        ? form.querySelector<HTMLInputElement>('input[name="when"]:checked')
        : key === 'part'
          ? form.querySelector<HTMLInputElement>('input[name="part"]:checked')
          : (form.querySelector<HTMLElement>(`[name="${key}"]`) as HTMLElement | null);
    control?.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  byId('form-error').textContent = unplaced.length > 0 ? unplaced.join(' ') : t.checkFields;
  first?.focus();
}

function booking(): Record<string, string> {
  const body: Record<string, string> = {
    name: input('name').value,
    phone: input('phone').value,
    address: input('address').value,
    part: checked('part') || 'any',
    items: input('items').value,
    website: input('website').value,
    language,
  };
  // "Today" is left to the server (its calendar, at the moment it books); other days are the server's own dates
  // when we have them, since the phone's calendar may differ from the business's.
  const when = checked('when');
  if (when === 'tomorrow') body.day = slots?.tomorrow ?? localDate(1);
  if (when === 'pick') body.day = input('day').value;
  return body;
}

function showBooked(result: { trackingUrl?: unknown; code?: unknown; when?: unknown }): void {
  form.hidden = true;
  byId('done').hidden = false;
  const when = typeof result.when === 'string' ? result.when : '';
  byId('done-when').textContent = when ? fill(t.bookedWhen, { when: when.charAt(0).toLowerCase() + when.slice(1) }) : '';
  const code = document.createElement('strong');
  code.id = 'done-code';
  code.textContent = typeof result.code === 'string' ? result.code : '';
  const [before = '', after = ''] = t.bookedCode.split('{code}');
  byId('done-code-line').replaceChildren(before, code, after);
  const href = trackingHref(result.trackingUrl, window.location.origin);
  const link = byId<HTMLAnchorElement>('track-link');
  if (href) link.href = href;
  byId('done-link-row').hidden = href === null;
  byId('done-title').focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors();
  if (checked('when') === 'pick' && !input('day').value) {
    showErrors({ day: t.pickDayFirst });
    return;
  }
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (button) {
    button.disabled = true;
    button.textContent = t.booking;
  }
  try {
    const response = await fetch('/api/book', {
      method: 'POST',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(booking()),
    });
    const body = (await jsonOf(response)) as { errors?: Record<string, unknown>; trackingUrl?: unknown; code?: unknown; when?: unknown } | null;
    if (response.ok) showBooked(body ?? {});
    else if (response.status === 400 && body?.errors) showErrors(body.errors);
    else byId('form-error').textContent = errorText(body, fill(t.failed, { status: String(response.status) }));
  } catch {
    byId('form-error').textContent = t.cannotReach;
  } finally {
    if (button) {
      button.disabled = false;
      button.textContent = t.submit;
    }
  }
});

/** Hour each part of the day ends (the texts' parts: domain/parse/pickup-window.ts); "any" is the working day. */
const PART_ENDS: Readonly<Record<string, number>> = { morning: 12, afternoon: 17, evening: 20, any: 17 };

/**
 * The form never offers a part of today that has passed: with "Today" chosen, passed parts are disabled (a checked
 * one moves to the next open part, or "Any time"); once the whole day has passed, "Today" is disabled and
 * "Tomorrow" chosen. Read on the phone's clock; the server applies the same rule in the business's zone and rolls a
 * passed part to tomorrow, so a phone in another zone still gets a sensible booking.
 */
function offerOnlyOpenParts(): void {
  const hour = new Date().getHours();
  const today = byId<HTMLInputElement>('day-today');
  if (hour >= PART_ENDS.evening!) {
    today.disabled = true;
    if (today.checked) byId<HTMLInputElement>('day-tomorrow').checked = true;
  }
  const isToday = checked('when') === 'today';
  const parts = [...form.querySelectorAll<HTMLInputElement>('input[name="part"]')];
  for (const part of parts) part.disabled = isToday && hour >= (PART_ENDS[part.value] ?? 24);
  const current = parts.find((part) => part.checked);
  if (current?.disabled) {
    const next = parts.find((part) => !part.disabled);
    if (next) next.checked = true;
  }
}

form.addEventListener('change', (event) => {
  if (event.target instanceof HTMLInputElement && (event.target.name === 'when' || event.target.name === 'part')) picked = true;
  if (event.target instanceof HTMLInputElement && event.target.name === 'when') {
    const pick = event.target.value === 'pick';
    byId('date-field').hidden = !pick;
    limitPartsToToday();
    if (pick) input('day').focus();
    offerOnlyOpenParts();
  }
});
offerOnlyOpenParts();

applyStrings(document, t, language);
document.title = t.docTitle;
input('address').value = addressFromSlug(slugFromLocation(window.location));
const dayInput = input('day') as HTMLInputElement;
dayInput.min = localDate(0);
dayInput.max = localDate(60);
void fetch('/api/business/public')
  .then(jsonOf)
  .then((info) => {
    const business = info as ({ slots?: BookingSlots } & Parameters<typeof showContact>[0]) | null;
    if (!business) return;
    showContact(business);
    if (business.slots) applySlots(business.slots);
  })
  .catch(() => undefined);
