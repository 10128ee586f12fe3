import { describe, expect, it } from 'vitest';
import { canTransition, isOpenStatus, isStatusId, STATUS_IDS, STATUS_ORDER, STATUSES, transitionRefusal } from '../../domain/statuses';

describe('the status table', () => {
  it('lists the job lifecycle in board order', () => {
    expect(STATUS_ORDER.map((s) => s.id)).toEqual([
      'booking_confirmed',
      'ready_for_pickup',
      'en_route',
      'in_progress',
      'completed',
      'cancelled',
    ]);
  });

  it.each([
    ['booking_confirmed', 'ready_for_pickup', true],
    ['booking_confirmed', 'en_route', true],
    ['ready_for_pickup', 'en_route', true],
    ['en_route', 'in_progress', true],
    ['in_progress', 'completed', true],
    ['booking_confirmed', 'completed', false],
    ['ready_for_pickup', 'in_progress', false],
    ['en_route', 'ready_for_pickup', false],
    ['completed', 'en_route', false],
    ['cancelled', 'booking_confirmed', false],
    ['completed', 'cancelled', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('lets every open status be cancelled and no closed one', () => {
    for (const id of STATUS_IDS) expect(canTransition(id, 'cancelled')).toBe(isOpenStatus(id));
  });

  it('explains a refused move in words a crew member understands', () => {
    expect(transitionRefusal('completed', 'en_route', 'K7Q2')).toBe('K7Q2 is already completed.');
    expect(transitionRefusal('cancelled', 'en_route', 'K7Q2')).toBe('K7Q2 was cancelled.');
    expect(transitionRefusal('en_route', 'en_route', 'K7Q2')).toBe('K7Q2 is already marked crew on the way.');
    expect(transitionRefusal('en_route', 'in_progress', 'K7Q2')).toBeNull();
  });

  it('gives every status a label and a dark enough colour for white text (WCAG AA, 4.5:1)', () => {
    for (const status of STATUS_ORDER) {
      expect(status.label.length).toBeGreaterThan(2);
      expect(contrastWithWhite(status.color)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('is frozen so no caller can change a label at run time', () => {
    expect(Object.isFrozen(STATUSES)).toBe(true);
  });
});

function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

describe('status names from outside (the board\'s filter)', () => {
  it.each([
    ['en_route', true],
    ['completed', true],
    ['En_route', false],
    ['flying', false],
    [7, false],
    [null, false],
  ])('%j is a status: %s', (value, expected) => {
    expect(isStatusId(value)).toBe(expected);
  });
});

