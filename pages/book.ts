/**
 * The booking form (/book/<slug> → /book.html?location=<slug>). Posts JSON to /api/book and shows the server's
 * per-field messages next to the fields; on success, a link to the tracking page.
 */
import { byId, errorText, jsonOf } from './lib/dom';
import { addressFromSlug, slugFromLocation, trackingHref } from './lib/links';

const FIELDS = ['name', 'phone', 'address', 'day', 'part', 'items'] as const;

const form = byId<HTMLFormElement>('book-form');
const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement;
const checked = (name: string) => (form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '');

/** 'YYYY-MM-DD' of the phone's own calendar, `days` from today. */
function localDate(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
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
    target.textContent = message;
    const control =
      key === 'day' && checked('when') !== 'pick'
        ? form.querySelector<HTMLInputElement>('input[name="when"]:checked')
        : key === 'part'
          ? form.querySelector<HTMLInputElement>('input[name="part"]:checked')
          : (form.querySelector<HTMLElement>(`[name="${key}"]`) as HTMLElement | null);
    control?.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  byId('form-error').textContent = unplaced.length > 0 ? unplaced.join(' ') : 'Please check the fields marked above.';
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
  };
  // "Today" is left to the server: it knows the business's calendar, which the phone's may not match at midnight.
  const when = checked('when');
  if (when === 'tomorrow') body.day = localDate(1);
  if (when === 'pick') body.day = input('day').value;
  return body;
}

function showBooked(result: { trackingUrl?: unknown; code?: unknown }): void {
  form.hidden = true;
  byId('done').hidden = false;
  byId('done-code').textContent = typeof result.code === 'string' ? result.code : '';
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
    showErrors({ day: 'Pick a day in the calendar, or choose today or tomorrow.' });
    return;
  }
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (button) {
    button.disabled = true;
    button.textContent = 'Booking…';
  }
  try {
    const response = await fetch('/api/book', {
      method: 'POST',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(booking()),
    });
    const body = (await jsonOf(response)) as { errors?: Record<string, unknown>; trackingUrl?: unknown; code?: unknown } | null;
    if (response.ok) showBooked(body ?? {});
    else if (response.status === 400 && body?.errors) showErrors(body.errors);
    else byId('form-error').textContent = errorText(body, `Something went wrong (${response.status}). Please try again, or text us.`);
  } catch {
    byId('form-error').textContent = "Can't reach us right now. Check your connection and try again.";
  } finally {
    if (button) {
      button.disabled = false;
      button.textContent = 'Book my pickup';
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
  if (event.target instanceof HTMLInputElement && event.target.name === 'when') {
    const pick = event.target.value === 'pick';
    byId('date-field').hidden = !pick;
    if (pick) input('day').focus();
    offerOnlyOpenParts();
  }
});
offerOnlyOpenParts();

input('address').value = addressFromSlug(slugFromLocation(window.location));
const dayInput = input('day') as HTMLInputElement;
dayInput.min = localDate(0);
dayInput.max = localDate(60);
