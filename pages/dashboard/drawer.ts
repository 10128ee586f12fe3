/**
 * The details drawer (a modal <dialog>: focus stays inside, Escape closes). Read-only sections follow every
 * refresh; the edit form keeps what the dispatcher is typing (it is only refilled while untouched).
 */
import type { CrewMember } from '../../domain/crew';
import { CREW_ROLES } from '../../domain/jobs-document';
import { isOpenStatus, STATUSES, type StatusId } from '../../domain/statuses';
import { byId, field, h } from '../lib/dom';
import type { ChangeResult, DashboardJob, DashboardView } from './api';
import { crewName, ROLE_LABELS } from './card';
import { emailSection, historySection, messageTimeline, photoSection, summarySection } from './drawer-sections';
import { fieldsToWindow, parseDollars, windowToFields } from './edit-values';

export interface DrawerActions {
  readonly move: (job: DashboardJob, to: StatusId) => Promise<ChangeResult>;
  readonly patch: (job: DashboardJob, patch: Record<string, unknown>) => Promise<ChangeResult>;
}

export interface Drawer {
  open(jobId: string, view: DashboardView): void;
  update(view: DashboardView): void;
}

export function createDrawer(dialog: HTMLDialogElement, actions: DrawerActions): Drawer {
  const body = byId('drawer-body');
  const title = byId('drawer-title');
  byId('drawer-close').addEventListener('click', () => dialog.close());
  let jobId: string | null = null;
  let dirty = false;
  let busy = false;
  let lastView: DashboardView | null = null;

  const sections = {
    summary: h('section', { className: 'drawer-section', attrs: { 'aria-label': 'Summary' } }),
    actions: h('div', { className: 'drawer-actions' }),
    messages: h('div'),
    photos: h('div'),
    history: h('div'),
    emails: h('div'),
  };
  const status = h('p', { className: 'drawer-status', attrs: { role: 'status', 'aria-live': 'polite' } });

  // The edit form: built once, refilled per job.
  const inputs = {
    name: h('input', { attrs: { autocomplete: 'off' } }),
    location: h('input', { attrs: { autocomplete: 'off' } }),
    date: h('input', { attrs: { type: 'date' } }),
    from: h('input', { attrs: { type: 'time' } }),
    to: h('input', { attrs: { type: 'time' } }),
    notes: h('textarea', { attrs: { rows: '3' } }),
    driver: h('select'),
    first_mate: h('select'),
    supervisor: h('select'),
    price: h('input', { attrs: { inputmode: 'decimal', autocomplete: 'off', placeholder: '600' } }),
  };
  const closedNote = h('p', { className: 'muted', text: 'This job is finished: its time, place, crew and price stay as they were.' });
  const editForm = h('form', { className: 'drawer-form', attrs: { novalidate: '' } }, [
    h('h3', { text: 'Edit the job' }),
    closedNote,
    field('edit-name', 'Customer name', inputs.name),
    field('edit-location', 'Pickup address', inputs.location),
    h('fieldset', { className: 'window-fields' }, [
      h('legend', { text: 'Pickup window (business time)' }),
      field('edit-date', 'Day', inputs.date),
      field('edit-from', 'From', inputs.from),
      field('edit-to', 'To', inputs.to),
      h('p', { className: 'error field-error', attrs: { id: 'edit-window-error' } }),
    ]),
    h('fieldset', { className: 'crew-fields' }, [
      h('legend', { text: 'Crew' }),
      ...CREW_ROLES.map((role) => field(`edit-crew-${role}`, ROLE_LABELS[role], inputs[role])),
    ]),
    field('edit-notes', 'Notes (only the dispatcher sees these)', inputs.notes),
    h('button', { text: 'Save changes', attrs: { type: 'submit' } }),
  ]);
  const priceForm = h('form', { className: 'drawer-form', attrs: { novalidate: '' } }, [
    h('h3', { text: 'Quote' }),
    field('edit-price', 'Price in dollars', inputs.price),
    h('p', { className: 'hint', text: 'The customer gets it by text and confirms with YES.' }),
    h('button', { text: 'Text the quote', attrs: { type: 'submit' } }),
  ]);
  editForm.addEventListener('input', () => (dirty = true));
  editForm.addEventListener('change', () => (dirty = true));

  // What the dispatcher reads first (the job, what to do next, the conversation), then what they change.
  body.replaceChildren(
    sections.summary,
    sections.actions,
    status,
    h('section', { className: 'drawer-section' }, [h('h3', { text: 'Texts' }), sections.messages]),
    h('section', { className: 'drawer-section' }, [h('h3', { text: 'Photos' }), sections.photos]),
    priceForm,
    editForm,
    h('section', { className: 'drawer-section' }, [h('h3', { text: 'History' }), sections.history]),
    h('section', { className: 'drawer-section' }, [h('h3', { text: 'Emails' }), sections.emails]),
  );

  const current = (): DashboardJob | undefined => lastView?.jobs.find((job) => job.id === jobId);

  const clearErrors = () => body.querySelectorAll('.field-error').forEach((el) => (el.textContent = ''));
  const showErrors = (errors: Readonly<Record<string, string>>): string[] => {
    const unplaced: string[] = [];
    for (const [key, message] of Object.entries(errors)) {
      const id =
        key === 'priceCents' ? 'edit-price' : key.startsWith('window') ? 'edit-window' : key.startsWith('crew.') ? `edit-crew-${key.slice(5)}` : `edit-${key}`;
      const target = document.getElementById(`${id}-error`);
      if (target) target.textContent = message;
      else unplaced.push(`${key}: ${message}`);
    }
    return unplaced;
  };

  async function run(work: () => Promise<ChangeResult>, done: string): Promise<boolean> {
    if (busy) return false;
    busy = true;
    status.textContent = 'Saving…';
    status.classList.remove('error');
    clearErrors();
    const result = await work();
    busy = false;
    if (result.ok) {
      status.textContent = done;
      if (!dirty) syncForm();
      return true;
    }
    const unplaced = showErrors(result.errors);
    status.textContent = [result.message, ...unplaced].join(' ');
    status.classList.add('error');
    return false;
  }

  function fillForm(job: DashboardJob, roster: readonly CrewMember[], tz: string): void {
    const window = windowToFields(job.window, tz);
    inputs.name.value = job.customer.name ?? '';
    inputs.location.value = job.location ?? '';
    inputs.date.value = window.date;
    inputs.from.value = window.from;
    inputs.to.value = window.to;
    inputs.notes.value = job.notes;
    inputs.price.value = job.priceCents !== null ? String(job.priceCents / 100) : job.quote ? String(job.quote.amountCents / 100) : '';
    for (const role of CREW_ROLES) {
      const select = inputs[role];
      const holder = job.crew[role];
      const options = [h('option', { text: '— nobody —', attrs: { value: '' } })];
      // Anyone on the roster can fill any slot; members listed for the role come first.
      const ordered = [...roster].sort((a, b) => Number(b.roles.includes(role)) - Number(a.roles.includes(role)));
      for (const member of ordered) options.push(h('option', { text: `${member.name} (${member.roles.map((r) => ROLE_LABELS[r]).join(', ')})`, attrs: { value: member.phone } }));
      if (holder && !roster.some((m) => m.phone === holder)) options.push(h('option', { text: crewName(roster, holder), attrs: { value: holder } }));
      select.replaceChildren(...options);
      select.value = holder ?? '';
    }
    dirty = false;
    applyOpenState(job);
  }

  /** A finished job keeps its time, place, crew and price: those fields lock, whatever is being typed elsewhere. */
  function applyOpenState(job: DashboardJob): void {
    const open = isOpenStatus(job.status);
    closedNote.hidden = open;
    for (const control of [inputs.location, inputs.date, inputs.from, inputs.to, inputs.driver, inputs.first_mate, inputs.supervisor, inputs.price]) {
      control.disabled = !open;
    }
    priceForm.hidden = !open;
  }

  /** Refills the edit form from the latest data unless the dispatcher is in the middle of typing into it. */
  function syncForm(): void {
    const job = current();
    if (!job || !lastView) return;
    applyOpenState(job);
    if (!dirty && !busy && !editForm.contains(document.activeElement) && !priceForm.contains(document.activeElement)) {
      fillForm(job, lastView.crew, lastView.timeZone);
    }
  }

  let actionsKey = '';
  function renderActions(job: DashboardJob): void {
    // Rebuilt only when what they offer changes, so a refresh never closes an open "Cancel job?" question.
    const key = `${job.id}:${job.status}:${job.needsAttention}:${job.complaint}`;
    if (key === actionsKey) return;
    actionsKey = key;
    const moves = STATUSES[job.status].next.filter((s) => s !== 'cancelled');
    const buttons: HTMLElement[] = moves.map((to) => {
      const button = h('button', { attrs: { type: 'button' } }, [
        h('span', { text: '→ ', attrs: { 'aria-hidden': 'true' } }),
        `Move to ${STATUSES[to].label}`,
      ]);
      button.addEventListener('click', () => void run(() => actions.move(job, to), `Moved to ${STATUSES[to].label}.`));
      return button;
    });
    if (job.needsAttention) {
      const handled = h('button', { className: 'secondary', text: 'Mark handled', attrs: { type: 'button' } });
      handled.addEventListener('click', () => void run(() => actions.patch(job, { needsAttention: false }), 'Marked handled.'));
      buttons.push(handled);
    }
    // A complaint stops the review request the day after completion.
    const complaint = h('button', {
      className: 'secondary',
      text: job.complaint ? 'Clear complaint' : 'Mark complaint (no review request)',
      attrs: { type: 'button', 'aria-pressed': String(job.complaint) },
    });
    complaint.addEventListener('click', () =>
      void run(() => actions.patch(job, { complaint: !job.complaint }), job.complaint ? 'Complaint cleared.' : 'Complaint noted: no review request.'),
    );
    buttons.push(complaint);
    if (STATUSES[job.status].next.includes('cancelled')) {
      const cancel = h('button', { className: 'danger', text: 'Cancel job…', attrs: { type: 'button' } });
      const confirmRow = h('div', { className: 'confirm-row' }, [
        h('p', { text: `Cancel ${job.code}? The customer is texted and the crew on it are emailed.` }),
      ]);
      const yes = h('button', { className: 'danger', text: `Yes, cancel ${job.code}`, attrs: { type: 'button' } });
      const no = h('button', { className: 'secondary', text: 'Keep it', attrs: { type: 'button' } });
      confirmRow.append(yes, no);
      confirmRow.hidden = true;
      cancel.addEventListener('click', () => {
        confirmRow.hidden = false;
        yes.focus();
      });
      no.addEventListener('click', () => {
        confirmRow.hidden = true;
        cancel.focus();
      });
      yes.addEventListener('click', () => void run(() => actions.move(job, 'cancelled'), `${job.code} cancelled.`));
      buttons.push(cancel, confirmRow);
    }
    sections.actions.replaceChildren(...buttons);
  }

  function renderReadOnly(job: DashboardJob, view: DashboardView): void {
    title.textContent = `${job.code} · ${job.customer.name ?? job.customer.phone}`;
    sections.summary.replaceChildren(...summarySection(job, view.crew));
    renderActions(job);
    sections.messages.replaceChildren(messageTimeline(job, view.crew, view.timeZone));
    const list = sections.messages.firstElementChild;
    if (list) list.scrollTop = list.scrollHeight;
    sections.photos.replaceChildren(photoSection(job, view.crew, view.timeZone));
    sections.history.replaceChildren(historySection(job, view.timeZone));
    sections.emails.replaceChildren(emailSection(job, view.timeZone));
  }

  editForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const job = current();
    if (!job || !lastView) return;
    const patch: Record<string, unknown> = {};
    const name = inputs.name.value.trim();
    if (name !== (job.customer.name ?? '')) patch.name = name || null;
    if (inputs.notes.value !== job.notes) patch.notes = inputs.notes.value;
    if (isOpenStatus(job.status)) {
      if (inputs.location.value.trim() !== (job.location ?? '')) patch.location = inputs.location.value.trim();
      const window = fieldsToWindow({ date: inputs.date.value, from: inputs.from.value, to: inputs.to.value }, lastView.timeZone);
      if (!window.ok) {
        clearErrors();
        byId('edit-window-error').textContent = window.error;
        return;
      }
      const before = windowToFields(job.window, lastView.timeZone);
      const after = windowToFields(window.window, lastView.timeZone);
      if (JSON.stringify(before) !== JSON.stringify(after)) patch.window = window.window;
      const crew: Record<string, string | null> = {};
      for (const role of CREW_ROLES) if ((inputs[role].value || null) !== job.crew[role]) crew[role] = inputs[role].value || null;
      if (Object.keys(crew).length > 0) patch.crew = crew;
    }
    if (Object.keys(patch).length === 0) {
      status.textContent = 'Nothing changed.';
      return;
    }
    void run(() => actions.patch(job, patch), 'Saved.').then((ok) => {
      if (!ok) return;
      dirty = false;
      syncForm();
    });
  });

  priceForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const job = current();
    if (!job) return;
    const cents = parseDollars(inputs.price.value);
    if (cents === null) {
      clearErrors();
      byId('edit-price-error').textContent = 'Enter an amount in dollars, e.g. 600 or 450.50.';
      return;
    }
    void run(() => actions.patch(job, { priceCents: cents }), 'Quote texted to the customer.');
  });

  return {
    open(id, view) {
      const job = view.jobs.find((candidate) => candidate.id === id);
      if (!job) return;
      jobId = id;
      lastView = view;
      actionsKey = '';
      status.textContent = '';
      status.classList.remove('error');
      clearErrors();
      renderReadOnly(job, view);
      fillForm(job, view.crew, view.timeZone);
      if (!dialog.open) dialog.showModal();
      byId('drawer-close').focus();
    },
    update(view) {
      lastView = view;
      if (!dialog.open || jobId === null) return;
      const job = current();
      if (!job) {
        status.textContent = 'This job is no longer on the board.';
        return;
      }
      renderReadOnly(job, view);
      syncForm();
    },
  };
}
