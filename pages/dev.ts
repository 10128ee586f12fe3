/**
 * The /dev phone simulator (local mode only): phones side by side, each texting the bot through POST
 * /dev/api/text and showing its thread from GET /dev/api/outbox (polled every 2 s). Every text is shown as text.
 */
import type { DevOutbox, ThreadEntry } from '../handlers/routes/dev';
import { byId, clockTime, errorText, h, jsonOf } from './lib/dom';

const POLL_MS = 2_000;
const STORAGE_KEY = 'sms-dispatcher.dev.phones';

interface Phone {
  readonly id: number;
  label: string;
  number: string;
  /** The owner typed this number; a roster update does not replace it. */
  edited: boolean;
  readonly thread: HTMLOListElement;
  shown: string;
}

const phones: Phone[] = [];
let latest: DevOutbox | null = null;
let nextId = 1;

interface SavedPhone {
  readonly label: string;
  readonly number: string;
  readonly edited: boolean;
}

/** The phones from the last visit (numbers the owner typed survive a reload). */
function saved(): SavedPhone[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.filter((p): p is SavedPhone => typeof p?.number === 'string' && typeof p?.label === 'string');
  } catch {
    return [];
  }
}

function save(): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(phones.map(({ label, number, edited }) => ({ label, number, edited }))));
}

function timeOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' });
}

function addPhone(label: string, number: string, edited: boolean): void {
  const id = nextId++;
  const thread = h('ol', { className: 'thread', attrs: { 'aria-live': 'polite', 'aria-label': `${label} thread`, tabindex: '0' } });
  const phone: Phone = { id, label, number, edited, thread, shown: '' };
  phones.push(phone);

  const numberInput = h('input', { attrs: { id: `phone-${id}-number`, type: 'tel', value: number, autocomplete: 'off' } });
  numberInput.addEventListener('change', () => {
    phone.number = numberInput.value.trim();
    phone.edited = true;
    phone.shown = '';
    save();
    renderThread(phone);
  });
  const message = h('textarea', { attrs: { id: `phone-${id}-message`, rows: '2', placeholder: label === 'Crew' ? 'omw' : 'ready this afternoon, Soderblom Ave' } });
  const media = h('input', { attrs: { id: `phone-${id}-media`, type: 'url', placeholder: 'https://… (optional photo URL)' } });
  const error = h('p', { className: 'error', attrs: { role: 'alert' } });
  const send = h('button', { text: 'Send', attrs: { type: 'submit' } });
  const form = h('form', { className: 'compose' }, [
    h('label', { text: 'Message', attrs: { for: message.id } }),
    message,
    h('label', { className: 'hint', text: 'Photo URL (MMS)', attrs: { for: media.id } }),
    media,
    error,
    send,
  ]);
  // Enter sends, Shift+Enter makes a new line — as on a phone keyboard's send button.
  message.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    send.disabled = true;
    try {
      const response = await fetch('/dev/api/text', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ from: phone.number, body: message.value, media: media.value.trim() ? [media.value.trim()] : [] }),
      });
      const body = await jsonOf(response);
      if (!response.ok) error.textContent = errorText(body, `Not sent (${response.status}).`);
      else {
        message.value = '';
        media.value = '';
        await poll();
      }
    } catch {
      error.textContent = "Can't reach the local server.";
    } finally {
      send.disabled = false;
      message.focus();
    }
  });

  const pane = h('section', { className: 'phone card', attrs: { 'aria-labelledby': `phone-${id}-title` } }, [
    h('div', { className: 'phone-head' }, [
      h('h2', { text: label, attrs: { id: `phone-${id}-title` } }),
      h('label', { className: 'visually-hidden', text: `${label} phone number`, attrs: { for: numberInput.id } }),
      numberInput,
    ]),
    h('p', { className: 'phone-who muted', attrs: { id: `phone-${id}-who` } }),
    thread,
    form,
  ]);
  byId('phones').append(pane);
  renderThread(phone);
}

/** Who this number is to the bot: a crew member (by roster name) or a customer. */
function renderWho(phone: Phone): void {
  const member = latest?.crew.find((m) => m.phone === phone.number);
  const who = document.getElementById(`phone-${phone.id}-who`);
  if (who) who.textContent = member ? `Crew: ${member.name} (${member.roles.join(', ').replace(/_/g, ' ')})` : 'Customer (not on the crew roster)';
}

function renderThread(phone: Phone): void {
  renderWho(phone);
  const entries: readonly ThreadEntry[] = latest?.conversations[phone.number] ?? [];
  const key = `${phone.number}:${entries.length}:${entries.at(-1)?.at ?? ''}`;
  if (key === phone.shown) return;
  phone.shown = key;
  if (entries.length === 0) {
    phone.thread.replaceChildren(h('li', { className: 'muted empty', text: 'No texts yet. Say hello to the bot below.' }));
    return;
  }
  phone.thread.replaceChildren(
    ...entries.map((entry) =>
      h('li', { className: `bubble ${entry.direction === 'in' ? 'sent' : 'received'}` }, [
        h('p', { className: 'bubble-body', text: entry.body || (entry.media > 0 ? '(photo)' : '(empty)') }),
        h('p', { className: 'bubble-meta' }, [
          h('time', { text: timeOf(entry.at), attrs: { datetime: entry.at } }),
          entry.via === 'outbox' ? ' · notification' : entry.via === 'reply' ? ' · reply' : '',
          entry.media > 0 ? ` · ${entry.media} photo${entry.media === 1 ? '' : 's'}` : '',
        ]),
      ]),
    ),
  );
  phone.thread.scrollTop = phone.thread.scrollHeight;
}

function renderEmails(outbox: DevOutbox): void {
  byId('email-count').textContent = `(${outbox.email.length})`;
  const list = byId('emails');
  if (list.dataset.count === String(outbox.email.length)) return;
  list.dataset.count = String(outbox.email.length);
  list.replaceChildren(
    ...(outbox.email.length === 0
      ? [h('li', { className: 'muted', text: 'No emails yet.' })]
      : [...outbox.email].reverse().map((mail) =>
          h('li', { className: 'email' }, [
            h('p', { className: 'message-head' }, [
              h('span', {}, [h('strong', { text: mail.subject }), ` → ${mail.to}`]),
              h('time', { text: timeOf(mail.at), attrs: { datetime: mail.at } }),
            ]),
            h('p', { className: 'message-body', text: mail.body }),
          ]),
        )),
  );
}

async function poll(): Promise<void> {
  try {
    const response = await fetch('/dev/api/outbox', { cache: 'no-store' });
    if (!response.ok) throw new Error(String(response.status));
    latest = (await response.json()) as DevOutbox;
  } catch {
    byId('offline').hidden = false;
    return;
  }
  byId('offline').hidden = true;
  const crewPhone = phones.find((p) => p.label === 'Crew');
  const firstCrew = latest.crew[0];
  if (crewPhone && !crewPhone.edited && firstCrew && crewPhone.number !== firstCrew.phone) {
    crewPhone.number = firstCrew.phone;
    const input = document.getElementById(`phone-${crewPhone.id}-number`) as HTMLInputElement | null;
    if (input) input.value = firstCrew.phone;
  }
  phones.forEach(renderThread);
  renderEmails(latest);
  byId('sync').textContent = `Updated ${clockTime(new Date())}`;
}

function start(): void {
  const remembered = saved();
  const first = remembered[0]?.edited ? remembered[0] : null;
  const second = remembered[1]?.edited ? remembered[1] : null;
  addPhone('Customer', first?.number ?? '+15555550123', first !== null);
  // Until the owner types one, the crew phone follows crew.json's first member (see poll).
  addPhone('Crew', second?.number ?? '+15555550101', second !== null);
  for (const extra of remembered.slice(2)) addPhone(extra.label, extra.number, true);
  byId('add-phone').addEventListener('click', () => {
    addPhone(`Phone ${phones.length + 1}`, `+1555555${String(200 + phones.length).padStart(4, '0')}`, true);
    save();
  });
  void poll();
  setInterval(() => void poll(), POLL_MS);
}

start();
