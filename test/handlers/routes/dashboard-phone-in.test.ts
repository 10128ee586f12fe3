/**
 * POST /api/jobs with the phone-in form's day and part of the day: the job's window in jobs.json is what is
 * checked, by day and at night (after 21:00 business time, when only tomorrow's parts are left).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jsonRequest, LATE_EVENING, MORNING, passwordHash, SITE, signIn, startDispatchApp, type DispatchApp } from '../../support/dispatch-app';

const BOOKING = { phone: '(555) 555-0123', name: 'Dana', location: '12 Oak St' };

let hash: string;
beforeAll(async () => {
  hash = await passwordHash();
});

let t: DispatchApp;
afterEach(() => t.close());

/** A signed-in app whose clock reads `now` (Chicago, Thursday 2026-06-04). */
async function appAt(now: Date): Promise<(body: unknown) => Promise<Response>> {
  t = await startDispatchApp({ hash, now });
  const cookie = await signIn(t);
  return async (body) => t.app.request(`${SITE}/api/jobs`, jsonRequest('POST', body, { cookie }));
}

async function onlyWindow(): Promise<unknown> {
  const jobs = Object.values((await t.jobs()).jobs);
  expect(jobs).toHaveLength(1);
  return jobs[0]!.window;
}

describe('a phone-in job at 10 AM', () => {
  it.each([
    ['tomorrow morning', { day: '2026-06-05', part: 'morning' }, { start: '2026-06-05T13:00:00.000Z', end: '2026-06-05T17:00:00.000Z' }],
    ['this afternoon (no day: today)', { part: 'afternoon' }, { start: '2026-06-04T17:00:00.000Z', end: '2026-06-04T22:00:00.000Z' }],
    ['this morning: from now until noon', { part: 'morning' }, { start: '2026-06-04T15:00:00.000Z', end: '2026-06-04T17:00:00.000Z' }],
    ['today, any time: as soon as possible', { part: 'any' }, null],
    ['no day or part: as soon as possible, as before', {}, null],
  ])('%s', async (_, when, window) => {
    const post = await appAt(MORNING);
    const response = await post({ ...BOOKING, ...when });
    expect(response.status).toBe(201);
    const stored = await onlyWindow();
    expect(stored === null ? null : { start: new Date((stored as { start: string }).start).toISOString(), end: new Date((stored as { end: string }).end).toISOString() }).toEqual(window);
  });

  it('a window and a day at once → 400 on window; nothing stored', async () => {
    const post = await appAt(MORNING);
    const response = await post({ ...BOOKING, day: '2026-06-05', window: { start: '2026-06-05T13:00:00Z', end: '2026-06-05T17:00:00Z' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: { window: 'Send either a window or a day and part of the day, not both.' } });
    expect((await t.jobs()).jobs).toEqual({});
  });

  it('a bad day and a bad address are both reported, field by field', async () => {
    const post = await appAt(MORNING);
    const response = await post({ ...BOOKING, location: '', day: '2026-06-03', part: 'morning' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: { location: 'Enter the pickup address (at least 3 characters).', day: 'That day has passed: pick today or later.' },
    });
    expect((await t.jobs()).jobs).toEqual({});
  });

  it('an unknown part → 400 on part', async () => {
    const post = await appAt(MORNING);
    const response = await post({ ...BOOKING, day: '2026-06-05', part: 'noonish' });
    expect(await response.json()).toEqual({ errors: { part: 'Choose morning, afternoon, evening or any time.' } });
  });
});

describe('a phone-in job at 10:30 PM (after 21:00 business time)', () => {
  it('this evening → 400 on part saying it is over; nothing stored, nobody texted', async () => {
    const post = await appAt(LATE_EVENING);
    const response = await post({ ...BOOKING, part: 'evening' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: { part: 'This evening is over (it ended at 8 PM): pick a later part of today, or another day.' },
    });
    expect((await t.jobs()).jobs).toEqual({});
    expect(t.texts).toEqual([]);
  });

  it("today named, any time → 400 on day: today's working day is over", async () => {
    const post = await appAt(LATE_EVENING);
    const response = await post({ ...BOOKING, day: '2026-06-04', part: 'any' });
    expect(await response.json()).toEqual({ errors: { day: "Today's working day is over (it ended at 5 PM): pick tomorrow or another day." } });
  });

  it("tomorrow morning → tomorrow's 8 AM to noon; the confirmation waits for 08:00 (quiet hours)", async () => {
    const post = await appAt(LATE_EVENING);
    const response = await post({ ...BOOKING, day: '2026-06-05', part: 'morning' });
    expect(response.status).toBe(201);
    expect(await onlyWindow()).toEqual({ start: '2026-06-05T08:00:00-05:00', end: '2026-06-05T12:00:00-05:00' });
    expect(t.texts).toEqual([]);
  });

  it("the board files tomorrow's job under Tomorrow and an as-soon-as-possible one under Today", async () => {
    const post = await appAt(LATE_EVENING);
    expect((await post({ ...BOOKING, day: '2026-06-05', part: 'morning' })).status).toBe(201);
    expect((await post({ ...BOOKING, phone: '(555) 555-0124' })).status).toBe(201);
    const cookie = await signIn(t);
    const board = (await (await t.app.request(`${SITE}/api/jobs`, jsonRequest('GET', undefined, { cookie }))).json()) as {
      today: string;
      tomorrow: string;
      jobs: { customer: { phone: string }; boardDay: string }[];
    };
    expect([board.today, board.tomorrow]).toEqual(['2026-06-04', '2026-06-05']);
    expect(board.jobs.map((job) => [job.customer.phone, job.boardDay])).toEqual([
      ['+15555550124', '2026-06-04'],
      ['+15555550123', '2026-06-05'],
    ]);
  });
});
