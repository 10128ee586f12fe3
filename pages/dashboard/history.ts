/**
 * The dashboard's History view: archived jobs (closed more than ARCHIVE_AFTER_DAYS ago, moved out of the board by
 * the sweep), searched by code, phone, address or name and by month; one opens read-only with every status and
 * text; a month downloads as CSV. Same sign-in as the board (the API answers 401 when the session ended).
 */
import type { Job } from '../../domain/jobs-document';
import type { HistoryRow } from '../../domain/history-search';
import { STATUSES } from '../../domain/statuses';
import { byId, errorText, formatDollars, formatTime, h, jsonOf } from '../lib/dom';

interface SearchAnswer {
  readonly months: readonly { readonly month: string; readonly jobs: number }[];
  readonly searched: readonly string[];
  readonly results: readonly HistoryRow[];
  readonly truncated: boolean;
}

export interface HistoryElements {
  readonly form: HTMLFormElement;
  readonly query: HTMLInputElement;
  readonly month: HTMLSelectElement;
  readonly csv: HTMLAnchorElement;
  readonly status: HTMLElement;
  readonly results: HTMLElement;
  readonly dialog: HTMLDialogElement;
  readonly dialogTitle: HTMLElement;
  readonly dialogBody: HTMLElement;
}

/** The History view's elements in dashboard.html; its dialog's Close button is wired here. */
export function historyElements(): HistoryElements {
  const dialog = byId<HTMLDialogElement>('history-dialog');
  byId('history-dialog-close').addEventListener('click', () => dialog.close());
  return {
    form: byId<HTMLFormElement>('history-form'),
    query: byId<HTMLInputElement>('history-q'),
    month: byId<HTMLSelectElement>('history-month'),
    csv: byId<HTMLAnchorElement>('history-csv'),
    status: byId('history-status'),
    results: byId('history-results'),
    dialog,
    dialogTitle: byId('history-dialog-title'),
    dialogBody: byId('history-dialog-body'),
  };
}

/** Wires the view; `timeZone()` is the business zone (from the board), `signedOut` runs on a 401. */
export function createHistoryView(el: HistoryElements, options: { timeZone: () => string; signedOut: () => void }) {
  let monthsShown = '';

  async function search(): Promise<void> {
    const params = new URLSearchParams();
    if (el.query.value.trim()) params.set('q', el.query.value.trim());
    if (el.month.value) params.set('month', el.month.value);
    el.status.textContent = 'Searching…';
    let response: Response;
    try {
      response = await fetch(`/api/history?${params}`, { cache: 'no-store' });
    } catch {
      el.status.textContent = "Can't reach the server. Try again.";
      return;
    }
    if (response.status === 401) return options.signedOut();
    const body = (await jsonOf(response)) as SearchAnswer | null;
    if (!response.ok || !body || !Array.isArray(body.results)) {
      el.status.textContent = errorText(body, `The server answered ${response.status}.`);
      return;
    }
    renderMonths(body.months);
    renderResults(body);
  }

  function renderMonths(months: SearchAnswer['months']): void {
    const key = months.map((m) => `${m.month}:${m.jobs}`).join(',');
    if (key === monthsShown) return;
    monthsShown = key;
    const chosen = el.month.value;
    el.month.replaceChildren(
      h('option', { text: 'Recent months', attrs: { value: '' } }),
      ...months.map((m) => h('option', { text: `${m.month} (${m.jobs} jobs)`, attrs: { value: m.month } })),
    );
    el.month.value = months.some((m) => m.month === chosen) ? chosen : '';
    updateCsvLink();
  }

  function updateCsvLink(): void {
    const month = el.month.value;
    el.csv.hidden = month === '';
    el.csv.href = month ? `/api/history/${month}.csv` : '#';
    el.csv.textContent = `Download ${month} as CSV`;
  }

  function renderResults(answer: SearchAnswer): void {
    const tz = options.timeZone();
    const where = answer.searched.length === 1 ? answer.searched[0] : `${answer.searched.length} months`;
    el.status.textContent =
      answer.months.length === 0
        ? 'Nothing is archived yet: jobs move here once they have been closed for a while.'
        : `${answer.results.length} archived job${answer.results.length === 1 ? '' : 's'} found in ${where}` +
          (answer.truncated ? ' (pick a month or type more to see others).' : '.');
    el.results.replaceChildren(
      ...answer.results.map((row) => {
        const open = h('button', { className: 'secondary', text: `Open ${row.code}`, attrs: { type: 'button' } });
        open.addEventListener('click', () => void openJob(row));
        return h('li', { className: 'history-row' }, [
          h('strong', { text: row.code }),
          ' ',
          h('span', { text: `${row.label} · ${row.location ?? 'no address'} · ${row.customerName ?? row.customerPhone}` }),
          ' ',
          h('span', { className: 'muted', text: row.closedAt ? `closed ${formatTime(row.closedAt, tz)}` : '' }),
          ' ',
          open,
        ]);
      }),
    );
  }

  async function openJob(row: HistoryRow): Promise<void> {
    let response: Response;
    try {
      response = await fetch(`/api/history/${row.month}/${encodeURIComponent(row.id)}`, { cache: 'no-store' });
    } catch {
      el.status.textContent = "Can't reach the server. Try again.";
      return;
    }
    if (response.status === 401) return options.signedOut();
    const body = (await jsonOf(response)) as { job?: Job } | null;
    if (!response.ok || !body?.job) {
      el.status.textContent = errorText(body, `The server answered ${response.status}.`);
      return;
    }
    el.dialogTitle.textContent = `Job ${body.job.code} (archived, read-only)`;
    el.dialogBody.replaceChildren(...jobDetails(body.job, options.timeZone()));
    el.dialog.showModal();
  }

  el.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search();
  });
  el.month.addEventListener('change', () => {
    updateCsvLink();
    void search();
  });
  return { show: () => void search() };
}

/** Everything about an archived job, as text nodes. */
function jobDetails(job: Job, tz: string): HTMLElement[] {
  const rows: [string, string][] = [
    ['Status', STATUSES[job.status].label],
    ['Customer', `${job.customer.name ?? '(no name)'} · ${job.customer.phone}`],
    ['Where', job.location ?? 'No address'],
    ['Window', job.window ? `${formatTime(job.window.start, tz)} – ${formatTime(job.window.end, tz)}` : 'None'],
    ['Items', job.items ?? '—'],
    ['Price', job.priceCents !== null ? formatDollars(job.priceCents) : 'Not set'],
    ['Notes', job.notes || '—'],
    ['Crew', [job.crew.driver, job.crew.first_mate, job.crew.supervisor].filter(Boolean).join(', ') || 'None'],
    ['Photos', String(job.photos.length)],
  ];
  return [
    h('dl', {}, rows.flatMap(([term, value]) => [h('dt', { text: term }), h('dd', { text: value })])),
    h('h3', { text: 'Statuses' }),
    h(
      'ol',
      { className: 'timeline' },
      job.history.map((entry) => h('li', { text: `${formatTime(entry.at, tz)} · ${STATUSES[entry.status].label} · by ${entry.by} (${entry.via})` })),
    ),
    h('h3', { text: `Texts (${job.messages.length})` }),
    h(
      'ol',
      { className: 'messages' },
      job.messages.map((m) =>
        h('li', { className: `message ${m.direction}` }, [
          h('p', { className: 'message-head' }, [
            h('span', { text: m.direction === 'in' ? `From ${m.from}` : `To ${m.to}` }),
            h('time', { text: formatTime(m.at, tz), attrs: { datetime: m.at } }),
          ]),
          h('p', { className: 'message-body', text: m.body || '(no text)' }),
        ]),
      ),
    ),
  ];
}
