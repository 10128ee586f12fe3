/**
 * A jobs.json written by the previous version (schema 1, every job ever, no closedAt) keeps working with today's
 * code: it reads, the next write stores it as schema 2 with nothing lost, and the sweep archives its old closed jobs.
 */
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveClosedJobs, readArchiveMonth } from '../../handlers/archive';
import { BASE_URL, createHarness, type Harness } from '../support/harness';

const FIXTURE = path.join(import.meta.dirname, '../fixtures/jobs-schema-1.json');
const DONE_TOKEN = 'tok001_abcdefghijklmnopqr';
const OPEN_TOKEN = 'tok002_abcdefghijklmnopqr';

let h: Harness;
beforeEach(async () => {
  // The day after the fixture was written, at 22:00 in Chicago (quiet hours: replies still go out).
  h = await createHarness({ now: '2026-05-05T22:00:00-05:00' });
  await copyFile(FIXTURE, path.join(h.dir, 'jobs.json'));
});
afterEach(() => h.close());

describe('a schema-1 jobs.json from the previous version', () => {
  it('is read as it is: both tracking links answer', async () => {
    const done = await (await h.app.request(`${BASE_URL}/api/track/${DONE_TOKEN}`)).json();
    const open = await (await h.app.request(`${BASE_URL}/api/track/${OPEN_TOKEN}`)).json();
    expect([done.code, done.label, open.code, open.label]).toEqual(['8JXQ', 'All done', 'QJ63', 'Booked']);
  });

  it('is stored as schema 2 on the next write, with every job, message, log entry and closing time kept', async () => {
    const before = JSON.parse(await readFile(FIXTURE, 'utf8'));
    expect(before.schema).toBe(1);
    expect((await h.text('+15555550124', 'where r u', { MessageSid: 'SM' + 'f'.repeat(32) })).status).toBe(200);
    const after = JSON.parse(await readFile(path.join(h.dir, 'jobs.json'), 'utf8'));
    expect(after.schema).toBe(2);
    expect(after.version).toBe(before.version + 1);
    expect(Object.keys(after.jobs)).toEqual(Object.keys(before.jobs));
    expect(after.jobs.job_1.closedAt).toBe('2026-05-04T18:00:00.000Z');
    expect(after.jobs.job_2.closedAt).toBeNull();
    expect(after.jobs.job_1.messages).toEqual(before.jobs.job_1.messages);
    expect(after.jobs.job_2.messages.slice(0, before.jobs.job_2.messages.length)).toEqual(before.jobs.job_2.messages);
    expect(after.jobs.job_2.messages.length).toBe(before.jobs.job_2.messages.length + 2);
    expect(after.unmatched).toEqual(before.unmatched);
    expect(Object.keys(after.inbound)).toEqual(expect.arrayContaining(Object.keys(before.inbound)));
  });

  it('has its old closed job archived by the sweep once it is past ARCHIVE_AFTER_DAYS, and its link keeps working', async () => {
    h.clock.now = new Date('2026-05-20T12:00:00-05:00');
    expect(await archiveClosedJobs(h.deps)).toMatchObject({ jobs: 1, months: ['2026-05'] });
    const { doc } = await h.doc();
    expect([doc.schema, Object.keys(doc.jobs)]).toEqual([2, ['job_2']]);
    expect(Object.keys((await readArchiveMonth(h.deps.store, '2026-05')).jobs)).toEqual(['job_1']);
    expect((await (await h.app.request(`${BASE_URL}/api/track/${DONE_TOKEN}`)).json()).label).toBe('All done');
  });
});
