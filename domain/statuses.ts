/**
 * The one status table: labels, colours and allowed transitions. The server, the track page and the dashboard all
 * import it (the pages through the esbuild build), so a label or colour changes in exactly one place.
 */

export const STATUS_IDS = [
  'booking_confirmed',
  'ready_for_pickup',
  'en_route',
  'in_progress',
  'completed',
  'cancelled',
] as const;

export type StatusId = (typeof STATUS_IDS)[number];

export interface StatusInfo {
  readonly id: StatusId;
  /** What the customer and dispatcher read. */
  readonly label: string;
  /** Pill/column colour; white text on it meets WCAG AA contrast. */
  readonly color: string;
  /** Still needs work (not completed, not cancelled). */
  readonly open: boolean;
  /** Statuses this one may move to. */
  readonly next: readonly StatusId[];
}

export const STATUSES: Readonly<Record<StatusId, StatusInfo>> = Object.freeze({
  booking_confirmed: {
    id: 'booking_confirmed',
    label: 'Booked',
    color: '#1d4ed8',
    open: true,
    // Crew may head out to a booked job before the customer says the items are ready.
    next: ['ready_for_pickup', 'en_route', 'cancelled'],
  },
  ready_for_pickup: {
    id: 'ready_for_pickup',
    label: 'Ready for pickup',
    color: '#b45309',
    open: true,
    next: ['en_route', 'cancelled'],
  },
  en_route: { id: 'en_route', label: 'Crew on the way', color: '#6d28d9', open: true, next: ['in_progress', 'cancelled'] },
  in_progress: { id: 'in_progress', label: 'Loading', color: '#c2410c', open: true, next: ['completed', 'cancelled'] },
  completed: { id: 'completed', label: 'All done', color: '#15803d', open: false, next: [] },
  cancelled: { id: 'cancelled', label: 'Cancelled', color: '#4b5563', open: false, next: [] },
});

/** Statuses in board order. @example STATUS_ORDER[0] // 'booking_confirmed' */
export const STATUS_ORDER: readonly StatusInfo[] = STATUS_IDS.map((id) => STATUSES[id]);

/** @example isStatusId('en_route') // true */
export function isStatusId(value: unknown): value is StatusId {
  return typeof value === 'string' && (STATUS_IDS as readonly string[]).includes(value);
}

/** @example isOpenStatus('completed') // false */
export function isOpenStatus(status: StatusId): boolean {
  return STATUSES[status].open;
}

/** @example canTransition('en_route', 'in_progress') // true */
export function canTransition(from: StatusId, to: StatusId): boolean {
  return STATUSES[from].next.includes(to);
}

/**
 * Why a move is not allowed, in words a dispatcher or crew member understands; null when it is allowed.
 * @example transitionRefusal('completed', 'en_route', 'K7Q2') // 'K7Q2 is already all done.'
 */
export function transitionRefusal(from: StatusId, to: StatusId, code: string): string | null {
  if (canTransition(from, to)) return null;
  if (from === to) return `${code} is already marked ${STATUSES[to].label.toLowerCase()}.`;
  if (from === 'completed') return `${code} is already completed.`;
  if (from === 'cancelled') return `${code} was cancelled.`;
  return `${code} can't go from "${STATUSES[from].label}" to "${STATUSES[to].label}".`;
}
