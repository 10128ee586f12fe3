/**
 * The dispatcher's board (/dashboard → /dashboard.html): sign in, see every job by status, move jobs by drag or
 * by button, open a job's details, filtered to today, tomorrow or all days; on a phone, one status at a time under
 * tabs. Refreshes every 5 s with If-None-Match, so an unchanged board costs a 304. Labels and colours come from
 * domain/statuses.ts, the table the server and the track page use.
 */
import type { StatusId } from '../domain/statuses';
import { STATUSES } from '../domain/statuses';
import * as api from './dashboard/api';
import type { DashboardJob, DashboardView } from './dashboard/api';
import { renderBanners } from './dashboard/banners';
import { renderBoard, wireDragAndDrop } from './dashboard/board';
import { emptyText, jobsForDay, setUpDayFilter, showDayCounts, storedDayFilter } from './dashboard/board-filter';
import { keepTab, storedTab } from './dashboard/board-tabs';
import { wireBusinessProfile } from './dashboard/business';
import { createDrawer } from './dashboard/drawer';
import { setUpInbox } from './dashboard/inbox';
import { setUpPhoneIn } from './dashboard/phone-in';
import { setUpRoster } from './dashboard/roster';
import { createHistoryView, historyElements } from './dashboard/history';
import { byId, clockTime } from './lib/dom';

const REFRESH_MS = 5_000;
const MESSAGE_MS = 10_000;

const state = {
  view: null as DashboardView | null,
  etag: null as string | null,
  collapsed: new Set<StatusId>(['completed', 'cancelled']),
  dragging: false,
  renderWaiting: false,
  timer: 0 as number | ReturnType<typeof setInterval>,
  inFlight: false,
  /** The History view (archived jobs) is showing instead of the board. */
  history: false,
  /** Today / Tomorrow / All days (board-filter.ts), kept across refreshes and reloads. */
  day: storedDayFilter(),
  /** On a phone: the status column showing (board-tabs.ts). */
  tab: storedTab(),
};

/** A phone-sized screen: one column at a time, under tabs. Turning a tablet redraws the board. */
const phone = window.matchMedia('(max-width: 600px)');
phone.addEventListener('change', () => render());
setUpDayFilter(state.day, (day) => {
  state.day = day;
  render();
});

const board = byId('board');
const drawer = createDrawer(byId<HTMLDialogElement>('drawer'), {
  move: (job, to) => changed(api.moveJob(job.id, to)),
  patch: (job, patch) => changed(api.patchJob(job.id, patch)),
});

function show(view: 'login' | 'board' | 'loading'): void {
  byId('login-view').hidden = view !== 'login';
  byId('board-view').hidden = view !== 'board' || state.history;
  byId('history-view').hidden = view !== 'board' || !state.history;
  byId('loading-view').hidden = view !== 'loading';
  byId('signed-in-actions').hidden = view !== 'board';
}

let messageTimer: ReturnType<typeof setTimeout> | undefined;
/** A note above the board: why a move was refused (role=alert), or that it worked. */
function boardMessage(text: string, kind: 'error' | 'ok'): void {
  const el = byId('board-message');
  el.textContent = text;
  el.classList.toggle('ok', kind === 'ok');
  el.hidden = false;
  clearTimeout(messageTimer);
  messageTimer = setTimeout(() => (el.hidden = true), MESSAGE_MS);
}

function render(): void {
  const view = state.view;
  if (!view) return;
  // Re-rendering under a card being dragged would drop it; the refresh waits until the drag ends.
  if (state.dragging) {
    state.renderWaiting = true;
    return;
  }
  document.title = `Dispatch · ${view.businessName}`;
  byId('title').textContent = `${view.businessName} dispatch`;
  const tabs = phone.matches ? { selected: state.tab, onSelect: selectTab } : null;
  const options = { collapsed: state.collapsed, onToggle: toggleColumn, jobs: jobsForDay(view, state.day), emptyText: emptyText(state.day), tabs };
  renderBoard(board, view, options, { move: moveByButton, open: openJob, sendConfirmation });
  showDayCounts(view);
  renderBanners(view);
  drawer.update(view);
}

function selectTab(status: StatusId): void {
  state.tab = status;
  keepTab(status);
  render();
}

function toggleColumn(status: StatusId): void {
  if (state.collapsed.has(status)) state.collapsed.delete(status);
  else state.collapsed.add(status);
  render();
}

function openJob(job: DashboardJob): void {
  if (state.view) drawer.open(job.id, state.view);
}

/** After any change: a 401 sends the dispatcher to sign in, a success refreshes the board at once. */
async function changed(pending: Promise<api.ChangeResult>): Promise<api.ChangeResult> {
  const result = await pending;
  if (!result.ok && result.signedOut) signedOut('Your session ended. Sign in again.');
  else if (result.ok) await refresh();
  return result;
}

async function move(job: DashboardJob, to: StatusId): Promise<void> {
  const result = await changed(api.moveJob(job.id, to));
  if (result.ok) boardMessage(`${job.code} moved to ${STATUSES[to].label}.`, 'ok');
  else {
    // Snap back: draw the board from the last data the server gave, then say why.
    render();
    boardMessage(result.message, 'error');
  }
}

function moveByButton(job: DashboardJob, to: StatusId): void {
  void move(job, to);
}

function sendConfirmation(job: DashboardJob): void {
  void changed(api.sendConfirmation(job.id)).then((result) => {
    boardMessage(result.ok ? `Confirmation text for ${job.code} is on its way.` : result.message, result.ok ? 'ok' : 'error');
  });
}

wireDragAndDrop(board, {
  dragging(active) {
    state.dragging = active;
    if (!active && state.renderWaiting) {
      state.renderWaiting = false;
      render();
    }
  },
  drop(jobId, to, card, column) {
    const job = state.view?.jobs.find((candidate) => candidate.id === jobId);
    if (!job) return;
    // Show it where it was dropped while the server decides; a refusal redraws it where it was.
    column.querySelector('.column-jobs')?.prepend(card);
    column.querySelector('.column-empty')?.remove();
    card.classList.add('pending');
    state.dragging = false;
    void move(job, to);
  },
});

async function refresh(): Promise<void> {
  if (state.inFlight) return;
  state.inFlight = true;
  try {
    const result = await api.fetchJobs(state.etag);
    const offline = byId('offline');
    const storeBanner = byId('store-banner');
    if (result.kind !== 'store-unreadable' && result.kind !== 'offline') storeBanner.hidden = true;
    switch (result.kind) {
      case 'changed':
        state.view = result.view;
        state.etag = result.etag;
        offline.hidden = true;
        render();
        break;
      case 'unchanged':
        offline.hidden = true;
        break;
      case 'store-unreadable':
        // Signed in, but there is no board to show: say so plainly, keep polling, and show it once restored.
        offline.hidden = true;
        storeBanner.textContent = `${result.message} The board shows again by itself once jobs.json is restored.`;
        storeBanner.hidden = false;
        show('board');
        return;
      case 'signed-out':
        signedOut('Sign in to see the board.');
        return;
      case 'offline':
        offline.hidden = false;
        return;
      case 'failed':
        offline.hidden = true;
        boardMessage(result.message, 'error');
        return;
    }
    byId('sync').textContent = `Last updated ${clockTime(new Date())}`;
  } finally {
    state.inFlight = false;
  }
}

function startBoard(): void {
  show(state.view ? 'board' : 'loading');
  clearInterval(state.timer);
  state.timer = setInterval(() => void refresh(), REFRESH_MS);
  void refresh().then(() => {
    if (state.view) show('board');
  });
}

function signedOut(message: string): void {
  clearInterval(state.timer);
  state.view = null;
  state.etag = null;
  const dialog = byId<HTMLDialogElement>('drawer');
  if (dialog.open) dialog.close();
  byId('sync').textContent = '';
  byId('login-error').textContent = message;
  byId('login-error').classList.add('muted');
  show('login');
  byId('password').focus();
}

byId('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = byId<HTMLInputElement>('password');
  const error = byId('login-error');
  error.classList.remove('muted');
  if (!input.value) {
    error.textContent = 'Enter the dispatcher password.';
    input.focus();
    return;
  }
  const button = byId('login-form').querySelector('button');
  if (button) button.disabled = true;
  const result = await api.login(input.value);
  if (button) button.disabled = false;
  if (result.ok) {
    input.value = '';
    error.textContent = '';
    startBoard();
  } else {
    error.textContent = result.message;
    input.setAttribute('aria-invalid', 'true');
    input.select();
  }
});

byId('logout').addEventListener('click', async () => {
  await api.logout();
  signedOut('Signed out.');
});

byId('logout-everywhere').addEventListener('click', async () => {
  const ok = await api.logoutEverywhere();
  if (ok) signedOut('Signed out on every device.');
  else boardMessage('Could not sign out everywhere. Try again.', 'error');
});

/* Phone-in booking (pages/dashboard/phone-in.ts): then the new job's drawer opens. */
setUpPhoneIn({
  changed,
  booked(job) {
    boardMessage(`Booked ${job.code}; the customer was texted the tracking link.`, 'ok');
    if (state.view?.jobs.some((candidate) => candidate.id === job.id)) drawer.open(job.id, state.view);
  },
});

/* History: archived jobs, read-only (pages/dashboard/history.ts). */
const history = createHistoryView(historyElements(), {
  timeZone: () => state.view?.timeZone ?? 'America/Chicago',
  signedOut: () => signedOut('Your session ended. Sign in again.'),
});
byId('history-toggle').addEventListener('click', () => {
  state.history = !state.history;
  const toggle = byId('history-toggle');
  toggle.textContent = state.history ? 'Back to the board' : 'History';
  toggle.setAttribute('aria-pressed', String(state.history));
  show('board');
  if (state.history) history.show();
});

async function start(): Promise<void> {
  const session = await api.hasSession();
  if (session === true) startBoard();
  else if (session === false) {
    show('login');
    byId('password').focus();
  } else {
    show('loading');
    byId('loading-view').textContent = "Can't reach the server. Retrying…";
    setTimeout(() => void start(), REFRESH_MS);
  }
}

setUpInbox();
setUpRoster(() => {
  state.etag = null;
  void refresh();
});

void start();

wireBusinessProfile();
