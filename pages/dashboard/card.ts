/**
 * One job on the board. Every field a customer or crew member typed is set as text. The move buttons are the
 * keyboard and phone users' way to do what dragging does; cancelling lives in the details drawer, behind a
 * confirmation, because it texts the customer and one stray tap on a card must not do that.
 */
import type { CrewMember } from '../../domain/crew';
import { CREW_ROLES, type CrewRole } from '../../domain/jobs-document';
import { STATUSES, type StatusId } from '../../domain/statuses';
import { formatDollars, h } from '../lib/dom';
import type { DashboardJob } from './api';

export const ROLE_LABELS: Readonly<Record<CrewRole, string>> = { driver: 'Driver', first_mate: 'First mate', supervisor: 'Supervisor' };

export interface CardActions {
  readonly move: (job: DashboardJob, to: StatusId) => void;
  readonly open: (job: DashboardJob) => void;
  /** Sends a confirmation text held by the hourly booking-text cap. */
  readonly sendConfirmation?: (job: DashboardJob) => void;
}

/** The crew member's name from the roster, or the phone number when they are no longer on it. */
export function crewName(roster: readonly CrewMember[], phone: string): string {
  return roster.find((member) => member.phone === phone)?.name ?? phone;
}

/** Warnings a dispatcher must act on, in words (the mark is never colour alone). */
export function warnings(job: DashboardJob): string[] {
  const out: string[] = [];
  if (job.needsAttention) out.push('Customer text needs an answer');
  if (job.late) out.push('Late: nobody on the way');
  if (job.failedNotifications > 0) {
    out.push(`${job.failedNotifications} notification${job.failedNotifications === 1 ? '' : 's'} failed to send`);
  }
  if (job.customerOptedOut) out.push('Customer opted out of texts');
  if (job.confirmationHeld) out.push('Confirmation text held (hourly booking-text limit): check the booking, then send it');
  // A booking confirmation that could not reach a mobile phone (Twilio status callback): call them instead.
  const problem = (job as DashboardJob & { confirmationProblem?: string | null }).confirmationProblem;
  if (problem) out.push(problem);
  return out;
}

/** "as soon as possible" → "As soon as possible" (window texts are written to sit mid-sentence in a text). */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function jobCard(job: DashboardJob, roster: readonly CrewMember[], actions: CardActions): HTMLElement {
  const titleId = `card-${job.id}-title`;
  const crew = CREW_ROLES.filter((role) => job.crew[role]).map(
    (role) => `${ROLE_LABELS[role]}: ${crewName(roster, job.crew[role] ?? '')}`,
  );
  const warningList = warnings(job);
  const nextMoves = STATUSES[job.status].next.filter((status) => status !== 'cancelled');

  const details = h('button', { className: 'link-button', attrs: { type: 'button', 'data-focus': `open-${job.id}` } }, [
    'Details',
    h('span', { className: 'visually-hidden', text: ` for ${job.code}` }),
  ]);
  details.addEventListener('click', () => actions.open(job));

  const card = h(
    'article',
    {
      className: `job-card${warningList.length > 0 ? ' has-warning' : ''}`,
      attrs: { draggable: 'true', 'data-id': job.id, 'data-code': job.code, 'aria-labelledby': titleId },
    },
    [
      h('div', { className: 'card-top' }, [
        h('h3', { className: 'card-code', text: job.code, attrs: { id: titleId } }),
        job.priceCents !== null
          ? h('span', { className: 'card-price', text: formatDollars(job.priceCents) })
          : job.quote?.state === 'pending'
            ? h('span', { className: 'card-price muted', text: `${formatDollars(job.quote.amountCents)} quoted` })
            : null,
      ]),
      h('p', { className: 'card-who', text: job.customer.name ?? job.customer.phone }),
      h('p', { className: 'card-where', text: job.location ?? 'No address yet' }),
      h('p', { className: 'card-when muted', text: capitalized(job.windowText) }),
      h('p', { className: 'card-crew muted', text: crew.length > 0 ? crew.join(' · ') : 'No crew yet' }),
      // What to haul and how to get in (from the customer's texts or the drawer's notes).
      job.items ? h('p', { className: 'card-items', text: job.items }) : null,
      job.notes ? h('p', { className: 'card-notes muted', text: job.notes }) : null,
      job.etaText ? h('p', { className: 'card-eta', text: capitalized(job.etaText) }) : null,
      job.confirmedAt ? h('p', { className: 'card-confirmed muted', text: 'Customer confirmed' }) : null,
      job.complaint ? h('p', { className: 'card-complaint muted', text: 'Complaint noted' }) : null,
      job.photoCount > 0 ? h('p', { className: 'card-photos muted', text: `${job.photoCount} photo${job.photoCount === 1 ? '' : 's'}` }) : null,
      ...warningList.map((text) => h('p', { className: 'warn' }, [h('span', { text: '⚠ ', attrs: { 'aria-hidden': 'true' } }), text])),
      h('div', { className: 'card-actions' }, [
        job.confirmationHeld && actions.sendConfirmation ? sendButton(job, actions.sendConfirmation) : null,
        ...nextMoves.map((status) => {
          const button = h(
            'button',
            { className: 'move', attrs: { type: 'button', 'data-move': status, 'data-focus': `move-${job.id}-${status}` } },
            [
              h('span', { className: 'visually-hidden', text: `Move ${job.code} to ` }),
              h('span', { text: '→ ', attrs: { 'aria-hidden': 'true' } }),
              STATUSES[status].label,
            ],
          );
          button.addEventListener('click', () => actions.move(job, status));
          return button;
        }),
        details,
      ]),
    ],
  );
  card.style.borderLeftColor = STATUSES[job.status].color;
  return card;
}

function sendButton(job: DashboardJob, send: (job: DashboardJob) => void): HTMLElement {
  const button = h('button', { className: 'move', attrs: { type: 'button', 'data-focus': `send-${job.id}` } }, [
    'Send confirmation text',
    h('span', { className: 'visually-hidden', text: ` for ${job.code}` }),
  ]);
  button.addEventListener('click', () => send(job));
  return button;
}
