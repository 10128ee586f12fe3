/**
 * The public tracking page: /track/<token> (rewritten at the edge to /track.html?token=<token>).
 * Everything from the server is set with textContent, never as HTML. Language: the job's, else the browser's.
 */
import { STATUSES, STATUS_ORDER, type StatusId } from '../domain/statuses';
import type { TrackView } from '../domain/track-view';
import { byId, errorText, formatDollars, jsonOf } from './lib/dom';
import { applyStrings, browserLanguage, fill, showContact, type Language } from './lib/i18n';
import { SPANISH_STATUS, TRACK_STRINGS, type TrackStrings } from './lib/track-strings';

const REFRESH_MS = 30_000;
/** The happy path shown as the timeline; a cancelled job shows its own history instead. */
const PATH: readonly StatusId[] = STATUS_ORDER.filter((s) => s.id !== 'cancelled').map((s) => s.id);

let language: Language = browserLanguage();
let t: TrackStrings = TRACK_STRINGS[language];
/** While the customer is in the middle of a change, a refresh must not redraw the form under their thumb. */
let busy = false;

/** The token from ?token=…, or from the path when the page is served at /track/<token> directly. */
export function tokenFromLocation(location: Pick<Location, 'search' | 'pathname'>): string | null {
  const fromQuery = new URLSearchParams(location.search).get('token');
  if (fromQuery) return fromQuery;
  const match = /^\/track\/([A-Za-z0-9_-]+)\/?$/.exec(location.pathname);
  return match?.[1] ?? null;
}

function setLanguage(next: Language): void {
  if (next === language && document.documentElement.lang === next) return;
  language = next;
  t = TRACK_STRINGS[next];
  applyStrings(document, t, next);
}

function statusLabel(status: StatusId): string {
  return language === 'es' ? SPANISH_STATUS[status] : STATUSES[status].label;
}

/** One formatter per language and zone: building an Intl formatter is the costliest thing this page does. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function timeOf(iso: string, timeZone: string): string {
  const key = `${language} ${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'es' ? 'es-US' : 'en-US', { timeZone, weekday: 'short', hour: 'numeric', minute: '2-digit' });
    formatters.set(key, format);
  }
  return format.format(new Date(iso));
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function crewLine(view: TrackView): string | null {
  if (view.status === 'en_route') return view.crewFirstName ? fill(t.onTheWay, { name: view.crewFirstName }) : t.crewOnTheWay;
  if (view.status === 'in_progress' && view.crewFirstName) return fill(t.loadingUp, { name: view.crewFirstName });
  if (view.status === 'completed' && view.crewFirstName) return fill(t.doneBy, { name: view.crewFirstName });
  return null;
}

function showText(id: string, text: string | null): void {
  const element = byId(id);
  element.textContent = text ?? '';
  element.hidden = text === null;
}

function render(view: TrackView): void {
  setLanguage(view.language === 'es' ? 'es' : 'en');
  showContact(view);
  const label = statusLabel(view.status);
  document.title = `${label} · ${view.businessName}`;
  const pill = byId('status');
  pill.textContent = label;
  pill.style.backgroundColor = STATUSES[view.status].color;
  byId('code').textContent = fill(t.job, { code: view.code });
  showText('crew-line', crewLine(view));
  showText('eta', view.etaText ? fill(t.eta, { time: view.etaText }) : null);
  byId('confirmed').hidden = !view.confirmedAt || view.status === 'cancelled';
  byId('window').textContent = capitalized(view.windowText);
  byId('location').textContent = view.location ?? t.noAddress;
  const hasPrice = view.priceCents !== null;
  byId('price-label').hidden = !hasPrice;
  byId('price').hidden = !hasPrice;
  if (hasPrice) byId('price').textContent = formatDollars(view.priceCents ?? 0);
  if (!busy) renderActions(view);
  renderReceipt(view);
  renderTimeline(view);
  byId('job').hidden = false;
  byId('progress').hidden = false;
}

function renderActions(view: TrackView): void {
  byId('actions').hidden = !view.canCancel && !view.canReschedule;
  byId('cancel-open').hidden = !view.canCancel;
  byId('reschedule-open').hidden = !view.canReschedule;
  if (!view.canReschedule) byId('reschedule-form').hidden = true;
  if (!view.canCancel) byId('cancel-confirm').hidden = true;
  byId('cancel-ask').textContent = fill(t.cancelAsk, { code: view.code });
}

function renderReceipt(view: TrackView): void {
  const receipt = view.receipt;
  byId('receipt').hidden = receipt === null;
  if (!receipt) return;
  byId('r-code').textContent = receipt.code;
  byId('r-items').textContent = receipt.items ?? t.notListed;
  byId('r-address').textContent = receipt.location ?? '—';
  byId('r-booked').textContent = receipt.bookedText;
  byId('r-done').textContent = receipt.doneText;
  byId('r-crew').textContent = receipt.crewFirstName ?? '—';
  byId('r-total').textContent = receipt.priceCents === null ? t.notPriced : formatDollars(receipt.priceCents);
  byId('r-thanks').textContent = fill(t.thanks, { name: view.businessName });
}

function renderTimeline(view: TrackView): void {
  const reached = new Map(view.history.map((entry) => [entry.status, entry.at]));
  const steps: StatusId[] = view.status === 'cancelled' ? view.history.map((entry) => entry.status) : [...PATH];
  byId('timeline').replaceChildren(
    ...steps.map((status) => {
      const item = document.createElement('li');
      const at = reached.get(status);
      item.className = at ? 'done' : 'todo';
      const name = document.createElement('span');
      name.textContent = statusLabel(status);
      item.append(name);
      if (at) {
        const time = document.createElement('time');
        time.dateTime = at;
        time.textContent = timeOf(at, view.timeZone);
        item.append(time);
      }
      return item;
    }),
  );
}

function showNotFound(contact: object | null): void {
  byId('loading').hidden = true;
  byId('not-found').hidden = false;
  for (const id of ['job', 'actions', 'receipt', 'progress']) byId(id).hidden = true;
  if (contact) showContact(contact);
}

async function refresh(token: string): Promise<void> {
  try {
    const response = await fetch(`/api/track/${encodeURIComponent(token)}`, { cache: 'no-store' });
    byId('loading').hidden = true;
    byId('offline').hidden = true;
    if (response.status === 404) {
      showNotFound((await jsonOf(response)) as object | null);
      return;
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    render((await response.json()) as TrackView);
    byId('updated').textContent = fill(t.updated, {
      time: new Date().toLocaleTimeString(language === 'es' ? 'es-US' : 'en-US', { hour: 'numeric', minute: '2-digit' }),
    });
  } catch {
    byId('loading').hidden = true;
    byId('offline').hidden = false;
  }
}

/** Posts an action; shows the server's answer (the same words the text would have said) and the updated job. */
async function act(token: string, path: 'cancel' | 'reschedule', body: object, button: HTMLButtonElement): Promise<void> {
  const status = byId('action-status');
  const label = button.textContent;
  button.disabled = true;
  button.textContent = path === 'reschedule' ? t.saving : t.busy;
  for (const id of ['day-error', 'text-error']) byId(id).textContent = '';
  try {
    const response = await fetch(`/api/track/${encodeURIComponent(token)}/${path}`, {
      method: 'POST',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await jsonOf(response)) as { message?: unknown; error?: unknown; errors?: Record<string, unknown>; view?: TrackView } | null;
    if (response.status === 400 && answer?.errors) {
      for (const [key, message] of Object.entries(answer.errors)) {
        const target = document.getElementById(`${key}-error`);
        if (target && typeof message === 'string') target.textContent = message;
      }
      return;
    }
    busy = false;
    if (answer?.view) {
      byId('reschedule-form').hidden = true;
      byId('cancel-confirm').hidden = true;
      byId('reschedule-open').setAttribute('aria-expanded', 'false');
      render(answer.view);
    }
    status.textContent = response.ok && typeof answer?.message === 'string'
      ? answer.message
      : errorText(answer, fill(t.failed, { status: String(response.status) }));
    status.classList.toggle('error', !response.ok);
  } catch {
    status.textContent = t.cannotReach;
    status.classList.add('error');
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}

function wireActions(token: string): void {
  const form = byId<HTMLFormElement>('reschedule-form');
  byId('reschedule-open').addEventListener('click', (event) => {
    const open = form.hidden;
    form.hidden = !open;
    byId('cancel-confirm').hidden = true;
    (event.currentTarget as HTMLElement).setAttribute('aria-expanded', String(open));
    busy = open;
    if (open) byId<HTMLInputElement>('new-day').focus();
  });
  byId('cancel-open').addEventListener('click', () => {
    byId('cancel-confirm').hidden = false;
    form.hidden = true;
    busy = true;
    byId('cancel-no').focus();
  });
  byId('cancel-no').addEventListener('click', () => {
    byId('cancel-confirm').hidden = true;
    busy = false;
    byId('cancel-open').focus();
  });
  byId('cancel-yes').addEventListener('click', (event) => void act(token, 'cancel', {}, event.currentTarget as HTMLButtonElement));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const words = byId<HTMLInputElement>('new-text').value.trim();
    const day = byId<HTMLInputElement>('new-day').value;
    const part = form.querySelector<HTMLInputElement>('input[name="part"]:checked')?.value ?? 'any';
    if (!words && !day) {
      byId('day-error').textContent = t.pickDay;
      byId<HTMLInputElement>('new-day').focus();
      return;
    }
    void act(token, 'reschedule', words ? { text: words } : { day, part }, byId<HTMLButtonElement>('reschedule-save'));
  });
  byId('print').addEventListener('click', () => window.print());
}

function start(): void {
  applyStrings(document, t, language);
  const token = tokenFromLocation(window.location);
  if (!token) {
    // No job to ask about: the business's contact still tells the customer who to call.
    void fetch('/api/business/public').then(jsonOf).then((contact) => showNotFound(contact as object | null), () => showNotFound(null));
    return;
  }
  wireActions(token);
  void refresh(token);
  setInterval(() => void refresh(token), REFRESH_MS);
}

start();
