import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clockStep, deliverStep, runSweep, SWEEP_STEPS, type SweepStep } from '../../handlers/sweep';
import { createHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: '2026-06-01T09:00:00-05:00' });
});
afterEach(() => h.close());

describe('one sweep pass', () => {
  it('queues what the clock says is due and delivers it in the same pass, with one summary of every step', async () => {
    await h.text('+15555550123', 'tomorrow afternoon, 14 Soderblom Ave');
    h.clock.now = new Date('2026-06-01T18:00:00-05:00');
    expect(await runSweep(h.deps)).toEqual({
      at: '2026-06-01T23:00:00.000Z',
      merged: 0,
      reminders: 1,
      digests: 0,
      late: 0,
      reviews: 0,
      attempted: 1,
      sent: 1,
      failed: 0,
      parkedApplied: 0,
      parkedKept: 0,
      archived: { jobs: 0, unmatched: 0, months: [] },
    });
    expect(h.sent.sms.map((sms) => sms.key)).toEqual(['job_1:reminder:2026-06-02:sms']);
    expect(await runSweep(h.deps)).toMatchObject({ reminders: 0, attempted: 0 });
    expect(SWEEP_STEPS.map((step) => step.name)).toEqual(['parked', 'clock', 'deliver', 'archive']);
  });

  it('a failing step is reported by name and the steps after it still run', async () => {
    const broken: SweepStep = { name: 'archive', run: async () => { throw new Error('disk full'); } };
    await h.text('+15555550123', 'tomorrow afternoon, 14 Soderblom Ave');
    h.clock.now = new Date('2026-06-01T18:00:00-05:00');
    const summary = await runSweep(h.deps, [clockStep, broken, deliverStep]);
    expect(summary).toMatchObject({ reminders: 1, sent: 1, errors: ['archive: Error: disk full'] });
  });

  it('a broken crew.json stops the digest only, not the customers\' reminders', async () => {
    await h.deps.store.put('crew.json', '{"crew": [{"name": "', { ifNoneMatch: '*' });
    await h.text('+15555550123', 'tomorrow afternoon, 14 Soderblom Ave');
    h.clock.now = new Date('2026-06-01T18:00:00-05:00');
    expect(await runSweep(h.deps)).toMatchObject({ reminders: 1, sent: 1 });
  });
});
