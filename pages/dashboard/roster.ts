/**
 * The roster editor: one row per crew member (name, mobile, email, roles), add and remove, saved with PUT /api/crew
 * and the ETag it was loaded with; errors come back per field ("crew.1.phone") and are shown next to that field.
 * Entries crew.json had to skip come back as rows to fix, so nothing is lost on save.
 */
import { byId, errorText, h, jsonOf } from '../lib/dom';

const ROLES = [
  ['driver', 'Driver'],
  ['first_mate', 'First mate'],
  ['supervisor', 'Supervisor'],
] as const;

interface Entry {
  name?: unknown;
  phone?: unknown;
  email?: unknown;
  roles?: unknown;
}

const dialog = () => byId<HTMLDialogElement>('roster');
let etag: string | null = null;

function row(entry: Entry, index: number): HTMLElement {
  const id = (field: string) => `crew-${index}-${field}`;
  const input = (field: string, label: string, value: unknown, type = 'text') => {
    const control = h('input', { attrs: { id: id(field), name: field, type, autocomplete: 'off', 'aria-describedby': `${id(field)}-error` } });
    control.value = typeof value === 'string' ? value : '';
    return h('div', { className: 'field' }, [
      h('label', { text: label, attrs: { for: id(field) } }),
      control,
      h('p', { className: 'error field-error', attrs: { id: `${id(field)}-error` } }),
    ]);
  };
  const roles = Array.isArray(entry.roles) ? entry.roles : [];
  const fieldset = h('fieldset', { className: 'roles', attrs: { 'aria-describedby': `${id('roles')}-error` } }, [
    h('legend', { text: 'Roles' }),
    ...ROLES.map(([value, label]) => {
      const box = h('input', { attrs: { type: 'checkbox', id: id(value), value } });
      box.checked = roles.includes(value);
      return h('label', { className: 'check', attrs: { for: id(value) } }, [box, ` ${label}`]);
    }),
    h('p', { className: 'error field-error', attrs: { id: `${id('roles')}-error` } }),
  ]);
  const remove = h('button', { className: 'secondary', text: 'Remove', attrs: { type: 'button' } });
  const li = h('li', { className: 'crew-row card' }, [input('name', 'Name', entry.name), input('phone', 'Mobile', entry.phone, 'tel'), input('email', 'Email (optional)', entry.email, 'email'), fieldset, remove]);
  remove.addEventListener('click', () => {
    li.remove();
  });
  return li;
}

function collect(): Entry[] {
  return [...byId('roster-rows').children].map((li) => {
    const value = (name: string) => (li.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value ?? '').trim();
    const roles = [...li.querySelectorAll<HTMLInputElement>('.roles input:checked')].map((box) => box.value);
    return { name: value('name'), phone: value('phone'), email: value('email') || null, roles };
  });
}

function renumber(): void {
  // Field errors name rows by position ("crew.1.phone"): rebuild the ids so they match what is sent.
  const entries = collect();
  byId('roster-rows').replaceChildren(...entries.map((entry, i) => row(entry, i)));
}

export async function openRoster(): Promise<void> {
  const response = await fetch('/api/crew', { credentials: 'same-origin' });
  etag = response.headers.get('etag');
  const json = (await jsonOf(response)) as { crew?: Entry[]; problems?: { index: number | null; entry: Entry; text: string }[] } | null;
  const skipped = (json?.problems ?? []).filter((p, i, all) => p.index !== null && all.findIndex((q) => q.index === p.index) === i);
  const entries = [...(json?.crew ?? []), ...skipped.map((p) => p.entry)];
  byId('roster-rows').replaceChildren(...entries.map((entry, i) => row(entry, i)));
  byId('roster-message').textContent = skipped.length > 0 ? `Fix the entries at the end of the list: ${json!.problems!.map((p) => p.text).join('; ')}` : '';
  if (!dialog().open) dialog().showModal();
}

export function setUpRoster(onSaved: () => void): void {
  byId('open-roster').addEventListener('click', () => void openRoster());
  byId('roster-close').addEventListener('click', () => dialog().close());
  byId('roster-add').addEventListener('click', () => {
    const rows = byId('roster-rows');
    rows.append(row({ roles: ['driver'] }, rows.children.length));
    rows.querySelector<HTMLInputElement>('li:last-child input[name="name"]')?.focus();
  });
  byId('roster-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    renumber();
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (etag) headers['if-match'] = etag;
    const response = await fetch('/api/crew', { method: 'PUT', credentials: 'same-origin', headers, body: JSON.stringify({ crew: collect() }) });
    const json = (await jsonOf(response)) as { errors?: Record<string, string> } | null;
    for (const line of document.querySelectorAll('#roster-rows .field-error')) line.textContent = '';
    if (response.ok) {
      etag = response.headers.get('etag');
      byId('roster-message').textContent = 'Saved.';
      onSaved();
      return;
    }
    const unplaced: string[] = [];
    for (const [key, message] of Object.entries(json?.errors ?? {})) {
      const [, index, field] = /^crew\.(\d+)\.([a-z_]+)/.exec(key) ?? [];
      const line = index !== undefined ? document.getElementById(`crew-${index}-${field}-error`) : null;
      if (line) line.textContent = message;
      else unplaced.push(message);
    }
    byId('roster-message').textContent = unplaced.length > 0 || !json?.errors ? errorText(json, unplaced.join(' ') || 'Not saved.') : 'Not saved: see the marked fields.';
  });
}
