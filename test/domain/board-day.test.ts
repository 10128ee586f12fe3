import { describe, expect, it } from 'vitest';
import { boardDay, filterDays } from '../../domain/board-day';
import type { Job } from '../../domain/jobs-document';
import { bookedJob } from '../support/store-fixtures';

const TZ = 'America/Chicago';
/** Thursday 2026-06-04, 10 AM and 10:30 PM in Chicago. */
const AT_10AM = new Date('2026-06-04T15:00:00.000Z');
const AT_1030PM = new Date('2026-06-05T03:30:00.000Z');

const window = (start: string, end: string) => ({ start, end });
const job = (changes: Partial<Job>): Job => ({ ...bookedJob(1), ...changes });

describe("the board's day of a job", () => {
  it.each([
    ['as soon as possible, open: today', job({ window: null }), AT_10AM, '2026-06-04'],
    ['as soon as possible at 10:30 PM: still today', job({ window: null }), AT_1030PM, '2026-06-04'],
    ['tomorrow morning', job({ window: window('2026-06-05T08:00:00-05:00', '2026-06-05T12:00:00-05:00') }), AT_10AM, '2026-06-05'],
    ['this evening', job({ window: window('2026-06-04T17:00:00-05:00', '2026-06-04T20:00:00-05:00') }), AT_10AM, '2026-06-04'],
    ['open and overdue since Tuesday: today', job({ window: window('2026-06-02T08:00:00-05:00', '2026-06-02T12:00:00-05:00') }), AT_10AM, '2026-06-04'],
    [
      'done on Tuesday: Tuesday',
      job({ status: 'completed', window: window('2026-06-02T08:00:00-05:00', '2026-06-02T12:00:00-05:00'), closedAt: '2026-06-02T16:00:00.000Z' }),
      AT_10AM,
      '2026-06-02',
    ],
    ['done with no window: the day it closed', job({ status: 'completed', window: null, closedAt: '2026-06-03T16:00:00.000Z' }), AT_10AM, '2026-06-03'],
  ])('%s', (_, theJob, now, day) => {
    expect(boardDay(theJob, now, TZ)).toBe(day);
  });
});

describe('the filter days', () => {
  it('are the business zone\'s today and tomorrow, also late in the evening', () => {
    expect(filterDays(AT_10AM, TZ)).toEqual({ today: '2026-06-04', tomorrow: '2026-06-05' });
    expect(filterDays(AT_1030PM, TZ)).toEqual({ today: '2026-06-04', tomorrow: '2026-06-05' });
  });
});
