/**
 * The read-only parts of the details drawer, rebuilt on every refresh: who and where, every text in and out (the
 * customer's and crew's texts, our replies, and the notification texts from the outbox), photos, the status
 * history and the emails. All of it is text nodes; photo and tracking links pass `safeHttpUrl` first.
 */
import type { CrewMember } from '../../domain/crew';
import type { OutboxItem } from '../../domain/jobs-document';
import { STATUSES } from '../../domain/statuses';
import { formatDollars, formatTime, h, safeHttpUrl } from '../lib/dom';
import type { DashboardJob } from './api';
import { capitalized, crewName, warnings } from './card';

/** Who a phone number is, for message headers: the customer, a crew member by name, or the number. */
function who(job: DashboardJob, roster: readonly CrewMember[], phone: string): string {
  if (phone === job.customer.phone) return job.customer.name ? `${job.customer.name} (customer)` : `Customer ${phone}`;
  const member = roster.find((m) => m.phone === phone);
  return member ? member.name : phone;
}

export function summarySection(job: DashboardJob, roster: readonly CrewMember[]): HTMLElement[] {
  const pill = h('span', { className: 'pill', text: STATUSES[job.status].label });
  pill.style.backgroundColor = STATUSES[job.status].color;
  const tracking = safeHttpUrl(job.trackingUrl);
  const quote = job.quote
    ? `${formatDollars(job.quote.amountCents)} — ${job.quote.state === 'accepted' ? 'accepted' : "waiting for the customer's YES"}`
    : null;
  const rows: [string, Node | string][] = [
    ['Customer', job.customer.name ?? '(no name)'],
    ['Phone', h('a', { text: job.customer.phone, attrs: { href: `tel:${job.customer.phone.replace(/[^+\d]/g, '')}` } })],
    ['Where', job.location ?? 'No address yet'],
    ['When', capitalized(job.windowText)],
    ['Items', job.items ?? '—'],
    ['Price', job.priceCents !== null ? formatDollars(job.priceCents) : 'Not set'],
  ];
  if (quote) rows.push(['Quote', quote]);
  if (job.notes) rows.push(['Notes', job.notes]);
  const crew = (['driver', 'first_mate', 'supervisor'] as const).filter((role) => job.crew[role]);
  rows.push(['Crew', crew.length ? crew.map((role) => crewName(roster, job.crew[role] ?? '')).join(', ') : 'No crew yet']);
  const parts: (HTMLElement | null)[] = [
    h('p', {}, [pill, ' ', h('span', { className: 'muted', text: `Job ${job.code}` })]),
    ...warnings(job).map((text) => h('p', { className: 'warn' }, [h('span', { text: '⚠ ', attrs: { 'aria-hidden': 'true' } }), text])),
    h('dl', {}, rows.flatMap(([term, value]) => [h('dt', { text: term }), h('dd', {}, [value])])),
    tracking ? h('p', {}, [h('a', { text: 'Open the customer\u2019s tracking page', attrs: { href: tracking, target: '_blank', rel: 'noopener noreferrer' } })]) : null,
  ];
  return parts.filter((node): node is HTMLElement => node !== null);
}

interface TimelineEntry {
  readonly at: string;
  readonly direction: 'in' | 'out';
  readonly header: string;
  readonly body: string;
  readonly note: string | null;
}

const OUTBOX_NOTES: Record<OutboxItem['status'], string | null> = {
  pending: 'waiting to send',
  sending: 'sending',
  sent: null,
  failed: 'FAILED',
  skipped: 'not sent: opted out',
};

/** Every text about the job, oldest first: inbound texts, our replies, and notification texts from the outbox. */
export function messageTimeline(job: DashboardJob, roster: readonly CrewMember[], tz: string): HTMLElement {
  const entries: TimelineEntry[] = [
    ...job.messages.map((m) => ({
      at: m.at,
      direction: m.direction,
      header: m.direction === 'in' ? `From ${who(job, roster, m.from)}` : `Reply to ${who(job, roster, m.to)}`,
      body: m.body || (m.media > 0 ? `(${m.media} photo${m.media === 1 ? '' : 's'}, no text)` : '(empty text)'),
      note: m.direction === 'in' && m.media > 0 && m.body ? `${m.media} photo${m.media === 1 ? '' : 's'}` : null,
    })),
    ...job.outbox
      .filter((item) => item.channel === 'sms')
      .map((item) => ({
        at: item.sentAt ?? item.createdAt,
        direction: 'out' as const,
        header: `Text to ${who(job, roster, item.to)}`,
        body: item.body,
        note: outboxNote(item),
      })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (entries.length === 0) return h('p', { className: 'muted', text: 'No texts yet.' });
  // Focusable: the list scrolls on its own, and keyboard users must be able to scroll it too.
  return h(
    'ol',
    { className: 'messages', attrs: { tabindex: '0', 'aria-label': 'Texts, oldest first' } },
    entries.map((entry) =>
      h('li', { className: `message ${entry.direction}` }, [
        h('p', { className: 'message-head' }, [
          h('span', { text: entry.header }),
          h('time', { text: formatTime(entry.at, tz), attrs: { datetime: entry.at } }),
        ]),
        h('p', { className: 'message-body', text: entry.body }),
        entry.note ? h('p', { className: entry.note.startsWith('FAILED') ? 'warn' : 'muted', text: entry.note }) : null,
      ]),
    ),
  );
}

function outboxNote(item: OutboxItem): string | null {
  const base = OUTBOX_NOTES[item.status];
  if (item.status === 'failed') return `FAILED after ${item.attempts} tries${item.lastError ? `: ${item.lastError}` : ''}`;
  if (item.status === 'pending' && item.attempts > 0 && item.lastError) return `retrying (${item.lastError})`;
  return base;
}

export function photoSection(job: DashboardJob, roster: readonly CrewMember[], tz: string): HTMLElement {
  if (job.photos.length === 0) return h('p', { className: 'muted', text: 'No photos yet.' });
  return h(
    'ul',
    { className: 'photos' },
    job.photos.map((photo, i) => {
      const url = safeHttpUrl(photo.url);
      const caption = `${photo.kind === 'proof' ? 'Proof of work' : 'Items'} from ${who(job, roster, photo.from)}, ${formatTime(photo.at, tz)}`;
      if (!url) return h('li', { className: 'muted', text: `${caption} (link not shown: not a web address)` });
      const isImage = photo.contentType.startsWith('image/');
      return h('li', {}, [
        h('a', { attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } }, [
          isImage
            ? h('img', { attrs: { src: url, alt: `Photo ${i + 1}: ${caption}`, loading: 'lazy', referrerpolicy: 'no-referrer' } })
            : h('span', { text: `File ${i + 1} (${photo.contentType})` }),
        ]),
        h('p', { className: 'muted', text: caption }),
      ]);
    }),
  );
}

export function historySection(job: DashboardJob, tz: string): HTMLElement {
  return h(
    'ol',
    { className: 'timeline' },
    job.history.map((entry) =>
      h('li', { className: 'done' }, [
        h('span', { text: `${STATUSES[entry.status].label} — ${entry.by} (${entry.via})` }),
        h('time', { text: formatTime(entry.at, tz), attrs: { datetime: entry.at } }),
      ]),
    ),
  );
}

export function emailSection(job: DashboardJob, tz: string): HTMLElement {
  const emails = job.outbox.filter((item) => item.channel === 'email');
  if (emails.length === 0) return h('p', { className: 'muted', text: 'No emails about this job.' });
  return h(
    'ul',
    { className: 'messages' },
    emails.map((item) =>
      h('li', { className: 'message out' }, [
        h('p', { className: 'message-head' }, [
          h('span', { text: `To ${item.to}: ${item.subject ?? ''}` }),
          h('time', { text: formatTime(item.sentAt ?? item.createdAt, tz), attrs: { datetime: item.sentAt ?? item.createdAt } }),
        ]),
        outboxNote(item) ? h('p', { className: item.status === 'failed' ? 'warn' : 'muted', text: outboxNote(item) ?? '' }) : null,
      ]),
    ),
  );
}
