/**
 * The kanban board: one column per status, in the shared table's order, labelled and coloured from it, sharing a
 * desktop's width. Finished columns (completed, cancelled) start collapsed. On a phone, one column at a time under
 * status tabs (board-tabs.ts). Drag-and-drop is wired once on the board element (event
 * delegation), so re-rendering the columns every refresh needs no re-wiring.
 */
import { STATUS_ORDER, STATUSES, type StatusId } from '../../domain/statuses';
import { h } from '../lib/dom';
import type { DashboardJob, DashboardView } from './api';
import { panelId, statusTabs, tabId, type TabChoice } from './board-tabs';
import { jobCard, type CardActions } from './card';

export interface BoardOptions {
  readonly collapsed: ReadonlySet<StatusId>;
  readonly onToggle: (status: StatusId) => void;
  /** The jobs to show (the day filter applied), and what an empty column says. */
  readonly jobs: readonly DashboardJob[];
  readonly emptyText: string;
  /** A phone: one column at a time, picked by tabs (board-tabs.ts); null on a wider screen, where all show. */
  readonly tabs: TabChoice | null;
}

/** Rebuilds the columns; keeps keyboard focus on the same control (by its data-focus key) when it still exists. */
export function renderBoard(root: HTMLElement, view: DashboardView, options: BoardOptions, actions: CardActions): void {
  const focusKey = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.focus : undefined;
  const counts = new Map<StatusId, number>();
  for (const job of options.jobs) counts.set(job.status, (counts.get(job.status) ?? 0) + 1);
  const tabs = options.tabs;
  const columns = STATUS_ORDER.map((status) => {
    const jobs = options.jobs.filter((job) => job.status === status.id);
    // On a phone the chosen tab's column always shows its jobs: the tab is how it is chosen.
    const collapsed = !tabs && options.collapsed.has(status.id);
    const listId = `column-${status.id}-jobs`;
    const heading = h('h2', { className: 'column-title' }, [
      h('span', { className: 'pill', text: status.label }),
      h('span', { className: 'column-count', text: String(jobs.length) }),
      h('span', { className: 'visually-hidden', text: jobs.length === 1 ? ' job' : ' jobs' }),
    ]);
    heading.querySelector<HTMLElement>('.pill')!.style.backgroundColor = status.color;
    const header = h('div', { className: 'column-head' }, [heading]);
    if (!status.open && !tabs) {
      const toggle = h('button', {
        className: 'link-button',
        text: collapsed ? 'Show' : 'Hide',
        attrs: {
          type: 'button',
          'aria-expanded': String(!collapsed),
          'aria-controls': listId,
          'data-focus': `toggle-${status.id}`,
        },
      });
      toggle.append(h('span', { className: 'visually-hidden', text: ` ${status.label.toLowerCase()} jobs` }));
      toggle.addEventListener('click', () => options.onToggle(status.id));
      header.append(toggle);
    }
    const list = h('div', { className: 'column-jobs', attrs: { id: listId } });
    list.hidden = collapsed;
    if (!collapsed) {
      list.append(...jobs.map((job) => jobCard(job, view.crew, actions)));
      if (jobs.length === 0) list.append(h('p', { className: 'column-empty muted', text: options.emptyText }));
    }
    const label = `${status.label}: ${jobs.length} ${jobs.length === 1 ? 'job' : 'jobs'}`;
    const column = h(
      'section',
      {
        className: `column${collapsed ? ' collapsed' : ''}`,
        attrs: tabs
          ? { 'data-status': status.id, id: panelId(status.id), role: 'tabpanel', 'aria-labelledby': tabId(status.id) }
          : { 'data-status': status.id, 'aria-label': label },
      },
      [header, list],
    );
    column.hidden = tabs !== null && tabs.selected !== status.id;
    column.style.borderTopColor = status.color;
    return column;
  });
  root.classList.toggle('tabbed', tabs !== null);
  root.replaceChildren(...(tabs ? [statusTabs(counts, tabs)] : []), ...columns);
  if (focusKey) root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusKey)}"]`)?.focus();
}

export interface DropHandler {
  /** A card was dropped on another status's column. */
  readonly drop: (jobId: string, to: StatusId, card: HTMLElement, column: HTMLElement) => void;
  /** Dragging started or ended: the page holds refreshes back while a card is in the air. */
  readonly dragging: (active: boolean) => void;
}

/**
 * HTML5 drag-and-drop on the board. Every column accepts the drop; the server decides what is allowed and the page
 * snaps the card back with its reason when it says no (409).
 */
export function wireDragAndDrop(root: HTMLElement, handler: DropHandler): void {
  const DRAG_TYPE = 'application/x-job-id';
  const columnOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('.column') : null);
  const clearTargets = () => root.querySelectorAll('.drop-target').forEach((el) => el.classList.remove('drop-target'));

  root.addEventListener('dragstart', (event) => {
    const card = event.target instanceof Element ? event.target.closest<HTMLElement>('.job-card') : null;
    if (!card || !event.dataTransfer) return;
    event.dataTransfer.setData(DRAG_TYPE, card.dataset.id ?? '');
    event.dataTransfer.setData('text/plain', card.dataset.code ?? '');
    event.dataTransfer.effectAllowed = 'move';
    card.classList.add('dragging');
    handler.dragging(true);
  });
  root.addEventListener('dragend', (event) => {
    if (event.target instanceof Element) event.target.closest('.job-card')?.classList.remove('dragging');
    clearTargets();
    handler.dragging(false);
  });
  root.addEventListener('dragover', (event) => {
    const column = columnOf(event.target);
    if (!column || !event.dataTransfer?.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (!column.classList.contains('drop-target')) {
      clearTargets();
      column.classList.add('drop-target');
    }
  });
  root.addEventListener('dragleave', (event) => {
    const column = columnOf(event.target);
    if (column && !column.contains(event.relatedTarget as Node | null)) column.classList.remove('drop-target');
  });
  root.addEventListener('drop', (event) => {
    const column = columnOf(event.target);
    const jobId = event.dataTransfer?.getData(DRAG_TYPE);
    clearTargets();
    if (!column || !jobId) return;
    event.preventDefault();
    const to = column.dataset.status as StatusId | undefined;
    const card = root.querySelector<HTMLElement>(`.job-card[data-id="${CSS.escape(jobId)}"]`);
    if (!to || !card || !(to in STATUSES) || card.closest('.column') === column) return;
    handler.drop(jobId, to, card, column);
  });
}
