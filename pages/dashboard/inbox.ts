/**
 * The inbox dialog: threads newest first (unread / needs a reply), one thread's messages both ways with delivery
 * state, a reply box with canned replies, mark handled. Opened by the Inbox button or a `#thread=+1555…` link
 * (the "needs a reply" email). Everything people typed is set as text, never HTML.
 */
import { byId, errorText, h, jsonOf } from '../lib/dom';

interface Summary {
  phone: string;
  name: string | null;
  kind: 'customer' | 'crew';
  lastAt: string;
  lastBody: string;
  unread: boolean;
  needsReply: boolean;
  optedOut: boolean;
  jobs: { code: string; label: string }[];
}
interface Message {
  at: string;
  direction: 'in' | 'out';
  body: string;
  by: string;
  jobCode: string | null;
  delivery: string | null;
  problem: string | null;
}

const dialog = () => byId<HTMLDialogElement>('inbox');
const send = (path: string, body?: unknown) =>
  fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

function when(iso: string): string {
  return new Date(iso).toLocaleString([], { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}

/** Opens the inbox on the list, or straight on one phone's thread. */
export async function openInbox(phone: string | null = null): Promise<void> {
  if (!dialog().open) dialog().showModal();
  if (phone) await showThread(phone);
  else await showList();
}

async function showList(): Promise<void> {
  const body = byId('inbox-body');
  byId('inbox-title').textContent = 'Inbox';
  const response = await fetch('/api/threads', { credentials: 'same-origin' });
  const json = (await jsonOf(response)) as { threads?: Summary[] } | null;
  const threads = json?.threads ?? [];
  const list = h('ul', { className: 'threads' });
  for (const thread of threads) {
    const flags = [thread.needsReply ? 'Needs a reply' : '', thread.unread ? 'Unread' : ''].filter(Boolean).join(' · ');
    const button = h('button', { className: 'thread-row secondary', attrs: { type: 'button', 'data-phone': thread.phone } }, [
      h('strong', { text: thread.name ? `${thread.name} (${thread.phone})` : thread.phone }),
      h('span', { className: 'muted', text: ` ${thread.kind === 'crew' ? 'crew' : thread.jobs.map((job) => job.code).join(', ')} · ${when(thread.lastAt)}` }),
      flags ? h('span', { className: 'badge', text: flags }) : null,
      h('span', { className: 'thread-last', text: thread.lastBody }),
    ]);
    button.addEventListener('click', () => void showThread(thread.phone));
    list.append(h('li', {}, [button]));
  }
  body.replaceChildren(threads.length === 0 ? h('p', { className: 'muted', text: 'No texts yet.' }) : list);
}

async function showThread(phone: string): Promise<void> {
  const body = byId('inbox-body');
  const response = await fetch(`/api/threads/${encodeURIComponent(phone)}`, { credentials: 'same-origin' });
  const json = (await jsonOf(response)) as { thread?: Summary & { messages: Message[] }; canned?: string[] } | null;
  const thread = json?.thread;
  if (!thread) {
    body.replaceChildren(h('p', { className: 'error', text: errorText(json, 'Could not open that thread.') }));
    return;
  }
  void send(`/api/threads/${encodeURIComponent(phone)}/read`);
  byId('inbox-title').textContent = thread.name ? `${thread.name} · ${phone}` : phone;
  const back = h('button', { className: 'secondary', text: '← All threads', attrs: { type: 'button' } });
  back.addEventListener('click', () => void showList());
  // Scrollable on a phone: focusable so a keyboard can scroll it too.
  const messages = h('ol', { className: 'messages thread', attrs: { tabindex: '0', 'aria-label': 'Messages' } });
  for (const m of thread.messages) {
    const meta = [m.by, when(m.at), m.jobCode ?? '', m.delivery ?? ''].filter(Boolean).join(' · ');
    messages.append(
      h('li', { className: `message ${m.direction}` }, [
        h('p', { className: 'message-body', text: m.body }),
        h('p', { className: 'muted message-meta', text: meta }),
        m.problem ? h('p', { className: 'error', text: m.problem }) : null,
      ]),
    );
  }
  const reply = h('textarea', { attrs: { id: 'reply-body', rows: '3', 'aria-describedby': 'reply-error' } });
  const error = h('p', { className: 'error', attrs: { id: 'reply-error', role: 'alert' } });
  const canned = h('div', { className: 'canned' });
  for (const text of json?.canned ?? []) {
    const button = h('button', { className: 'secondary', text, attrs: { type: 'button' } });
    button.addEventListener('click', () => {
      reply.value = text;
      reply.focus();
    });
    canned.append(button);
  }
  const form = h('form', { className: 'reply-form', attrs: { novalidate: '' } }, [
    h('label', { text: 'Reply from the business number', attrs: { for: 'reply-body' } }),
    reply,
    error,
    canned,
    h('button', { text: 'Send', attrs: { type: 'submit' } }),
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const sent = await send(`/api/threads/${encodeURIComponent(phone)}/messages`, { body: reply.value });
    const result = (await jsonOf(sent)) as { errors?: { body?: string } } | null;
    if (sent.status === 201) {
      await showThread(phone);
      return;
    }
    error.textContent = result?.errors?.body ?? errorText(result, 'Not sent. Try again.');
  });
  const handled = h('button', { className: 'secondary', text: 'Mark handled', attrs: { type: 'button' } });
  handled.addEventListener('click', async () => {
    await send(`/api/threads/${encodeURIComponent(phone)}/handled`);
    await showThread(phone);
  });
  const status = thread.optedOut
    ? h('p', { className: 'notice', text: 'This number texted STOP: it cannot be texted until it texts START.' })
    : null;
  const nodes: Node[] = [h('div', { className: 'thread-actions' }, [back, thread.needsReply ? handled : null])];
  if (status) nodes.push(status);
  body.replaceChildren(...nodes, messages, form);
}

/** Wires the Inbox button, the close button and `#thread=` links. */
export function setUpInbox(): void {
  byId('open-inbox').addEventListener('click', () => void openInbox());
  byId('inbox-close').addEventListener('click', () => dialog().close());
  const fromHash = () => {
    const match = /^#thread=(.+)$/.exec(location.hash);
    if (match?.[1]) void openInbox(decodeURIComponent(match[1]));
  };
  window.addEventListener('hashchange', fromHash);
  fromHash();
}
