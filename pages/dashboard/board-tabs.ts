/**
 * On a phone (≤ 600 px) the board shows one status column at a time, chosen by tabs with their counts — the WAI-ARIA
 * tabs pattern: role=tablist/tab/tabpanel, aria-selected, one tab in the Tab order (roving tabindex), arrow keys,
 * Home and End move between tabs and show the column at once.
 */
import { STATUS_ORDER, STATUSES, type StatusId } from '../../domain/statuses';
import { h } from '../lib/dom';
import { keep, stored } from './board-filter';

const STORAGE_KEY = 'dispatch.board.tab';

/** The tab last chosen on this browser; Booked when none. */
export function storedTab(): StatusId {
  const value = stored(STORAGE_KEY);
  return value !== null && value in STATUSES ? (value as StatusId) : 'booking_confirmed';
}

/** Remembers the tab, so the refresh and a reload keep it. */
export function keepTab(status: StatusId): void {
  keep(STORAGE_KEY, status);
}

export interface TabChoice {
  readonly selected: StatusId;
  readonly onSelect: (status: StatusId) => void;
}

/** The tab's id, which its column (the tabpanel) is labelled by. */
export const tabId = (status: StatusId) => `tab-${status}`;
/** The column's id, which its tab controls. */
export const panelId = (status: StatusId) => `column-${status}`;

/** The tab strip for `counts` (jobs per status under the day filter). */
export function statusTabs(counts: ReadonlyMap<StatusId, number>, choice: TabChoice): HTMLElement {
  const tabs = STATUS_ORDER.map((status) => {
    const selected = status.id === choice.selected;
    const count = counts.get(status.id) ?? 0;
    const tab = h(
      'button',
      {
        className: 'board-tab',
        attrs: {
          type: 'button',
          role: 'tab',
          id: tabId(status.id),
          'aria-selected': String(selected),
          'aria-controls': panelId(status.id),
          tabindex: selected ? '0' : '-1',
          'data-status': status.id,
          'data-focus': tabId(status.id),
        },
      },
      [h('span', { className: 'board-tab-label', text: status.label }), ' ', h('span', { className: 'board-tab-count', text: String(count) })],
    );
    tab.style.borderBottomColor = selected ? status.color : 'transparent';
    tab.addEventListener('click', () => choice.onSelect(status.id));
    return tab;
  });
  const list = h('div', { className: 'board-tabs', attrs: { role: 'tablist', 'aria-label': 'Jobs by status' } }, tabs);
  list.addEventListener('keydown', (event) => {
    const at = STATUS_ORDER.findIndex((status) => status.id === choice.selected);
    const last = STATUS_ORDER.length - 1;
    const next =
      event.key === 'ArrowRight' ? (at + 1) % STATUS_ORDER.length
      : event.key === 'ArrowLeft' ? (at + last) % STATUS_ORDER.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    const status = STATUS_ORDER[next]!.id;
    choice.onSelect(status);
    // The board has been drawn again: focus the new tab in it.
    document.getElementById(tabId(status))?.focus();
  });
  return list;
}
