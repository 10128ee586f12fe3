/**
 * The public tracking page: /track/<token> (rewritten at the edge to /track.html?token=<token>).
 * Everything the customer typed is set with textContent, never as HTML.
 */
import { STATUSES, STATUS_ORDER, type StatusId } from '../domain/statuses';
import type { TrackView } from '../domain/track-view';

const REFRESH_MS = 30_000;
/** The happy path shown as the timeline; a cancelled job shows its own history instead. */
const PATH: readonly StatusId[] = STATUS_ORDER.filter((s) => s.id !== 'cancelled').map((s) => s.id);

function $(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing #${id}`);
  return element;
}

/** The token from ?token=…, or from the path when the page is served at /track/<token> directly. */
export function tokenFromLocation(location: Pick<Location, 'search' | 'pathname'>): string | null {
  const fromQuery = new URLSearchParams(location.search).get('token');
  if (fromQuery) return fromQuery;
  const match = /^\/track\/([A-Za-z0-9_-]+)\/?$/.exec(location.pathname);
  return match?.[1] ?? null;
}

function formatTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

function render(view: TrackView): void {
  document.title = `${view.label} · ${view.businessName}`;
  $('business').textContent = `${view.businessName} pickup`;
  const pill = $('status');
  pill.textContent = view.label;
  pill.style.backgroundColor = STATUSES[view.status].color;
  $('code').textContent = `Job ${view.code}`;
  $('window').textContent = view.windowText;
  $('location').textContent = view.location ?? 'Address to come — just text it to us';
  const hasPrice = view.priceCents !== null;
  $('price-label').hidden = !hasPrice;
  $('price').hidden = !hasPrice;
  if (hasPrice) $('price').textContent = `$${((view.priceCents ?? 0) / 100).toFixed(2).replace(/\.00$/, '')}`;

  const reached = new Map(view.history.map((entry) => [entry.status, entry.at]));
  const steps: StatusId[] = view.status === 'cancelled' ? view.history.map((entry) => entry.status) : [...PATH];
  const list = $('timeline');
  list.replaceChildren(
    ...steps.map((status) => {
      const item = document.createElement('li');
      const at = reached.get(status);
      item.className = at ? 'done' : 'todo';
      const label = document.createElement('span');
      label.textContent = STATUSES[status].label;
      item.append(label);
      if (at) {
        const time = document.createElement('time');
        time.dateTime = at;
        time.textContent = formatTime(at, view.timeZone);
        item.append(time);
      }
      return item;
    }),
  );
  $('job').hidden = false;
  $('progress').hidden = false;
}

async function refresh(token: string): Promise<void> {
  try {
    const response = await fetch(`/api/track/${encodeURIComponent(token)}`, { cache: 'no-store' });
    $('loading').hidden = true;
    $('offline').hidden = true;
    if (response.status === 404) {
      $('not-found').hidden = false;
      $('job').hidden = true;
      $('progress').hidden = true;
      return;
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    render((await response.json()) as TrackView);
    $('updated').textContent = `Updated ${new Date().toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' })}`;
  } catch {
    $('loading').hidden = true;
    $('offline').hidden = false;
  }
}

function start(): void {
  const token = tokenFromLocation(window.location);
  if (!token) {
    $('loading').hidden = true;
    $('not-found').hidden = false;
    return;
  }
  void refresh(token);
  setInterval(() => void refresh(token), REFRESH_MS);
}

start();
