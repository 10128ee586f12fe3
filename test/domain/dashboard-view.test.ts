/**
 * The dispatcher's board: the jobs in the order they are worked, filtered by status or archive age, with the texts
 * that matched no job; and the version tag that tells the page when to reload. Jobs are booked by text first.
 */
import { describe, expect, it } from 'vitest';
import { dashboardEtag, dashboardView, UNMATCHED_SHOWN } from '../../domain/dashboard-view';
import { CUSTOMER, NEIGHBOUR, textingDay } from './support';

const DAY = 24 * 3600_000;

/** Three pickups: Saturday's booked first, an ASAP one, and tomorrow's booked last. */
function threeBookings() {
  const day = textingDay();
  day.text(CUSTOMER, 'saturday morning, 12 Oak St');
  day.text(NEIGHBOUR, 'junk pickup asap, 5 Elm St');
  day.text('+15555550125', 'tomorrow afternoon, 9 Pine Rd');
  return day;
}

describe('the board', () => {
  it('lists the jobs as they are worked: no time first, then by window start', () => {
    const day = threeBookings();

    const view = dashboardView(day.doc, day.ctx);

    expect(view.jobs.map((job) => [job.location, job.windowText])).toEqual([
      ['5 Elm St', expect.any(String)],
      ['9 Pine Rd', 'Tomorrow, 12–5 PM'],
      ['12 Oak St', 'Sat, Jun 6, 8 AM–12 PM'],
    ]);
    expect(view).toMatchObject({ version: day.doc.version, businessName: 'QuickDumpNow', timeZone: 'America/Chicago', today: '2026-06-04', tomorrow: '2026-06-05' });
    expect(view.crew).toEqual(day.ctx.crew.crew);
  });

  it('puts jobs at the same time in booking order, then code order', () => {
    const day = textingDay();
    day.text(CUSTOMER, 'tomorrow morning, 12 Oak St');
    day.text(NEIGHBOUR, 'tomorrow morning, 5 Elm St');
    const [oak, elm] = Object.values(day.doc.jobs);

    expect(dashboardView(day.doc, day.ctx).jobs.map((job) => job.location)).toEqual(['12 Oak St', '5 Elm St']);
    day.put({ ...elm!, createdAt: oak!.createdAt, code: 'AAAA' });
    day.put({ ...oak!, code: 'ZZZZ' });
    expect(dashboardView(day.doc, day.ctx).jobs.map((job) => job.location)).toEqual(['5 Elm St', '12 Oak St']);
  });

  it('shows only the statuses asked for', () => {
    const day = threeBookings();
    const oak = Object.values(day.doc.jobs).find((job) => job.location === '12 Oak St')!;
    day.put({ ...oak, status: 'en_route' });

    expect(dashboardView(day.doc, day.ctx, { statuses: ['en_route'] }).jobs.map((job) => job.location)).toEqual(['12 Oak St']);
    expect(dashboardView(day.doc, day.ctx, { statuses: [] }).jobs).toEqual([]);
  });

  it('with an archive age, leaves out jobs closed longer ago, keeping open and recently closed ones', () => {
    const day = threeBookings();
    const [oak, elm] = Object.values(day.doc.jobs);
    const now = day.ctx.now.getTime();
    day.put({ ...oak!, status: 'completed', closedAt: new Date(now - 15 * DAY).toISOString() });
    day.put({ ...elm!, status: 'cancelled', closedAt: new Date(now - 13 * DAY).toISOString() });

    expect(dashboardView(day.doc, day.ctx, { archiveAfterDays: 14 }).jobs.map((job) => job.location)).toEqual(['5 Elm St', '9 Pine Rd']);
    expect(dashboardView(day.doc, day.ctx).jobs).toHaveLength(3);
  });

  it("gives each job its notifications, failures, the customer's opt-out and a photo count", () => {
    const day = threeBookings();
    day.text(CUSTOMER, '', { photos: 2 });
    day.text(CUSTOMER, 'STOP');
    const oak = Object.values(day.doc.jobs).find((job) => job.location === '12 Oak St')!;
    const doc = {
      ...day.doc,
      outbox: [...day.doc.outbox, { ...day.doc.outbox[0]!, key: 'x:failed', jobId: oak.id, status: 'failed' as const }],
    };

    const card = dashboardView(doc, day.ctx).jobs.find((job) => job.id === oak.id)!;

    expect(card).toMatchObject({ customerOptedOut: true, photoCount: 2, failedNotifications: 1, label: 'Booked', trackingUrl: `https://dispatch.example.com/track/${oak.token}` });
    expect(card.outbox.map((item) => item.jobId)).toEqual(card.outbox.map(() => oak.id));
    expect(dashboardView(doc, day.ctx).jobs.find((job) => job.location === '5 Elm St')).toMatchObject({ customerOptedOut: false, failedNotifications: 0 });
  });

  it(`lists the latest ${UNMATCHED_SHOWN} texts that matched no job, and what was set aside when jobs.json was read`, () => {
    const day = textingDay();
    for (let i = 0; i < UNMATCHED_SHOWN + 2; i++) day.text(`+1555555${String(1000 + i)}`, `hello ${i}`);
    const doc = { ...day.doc, quarantine: [{ key: 'jobs.job_9', reason: 'bad status', raw: {} }] };

    const view = dashboardView(doc, day.ctx);

    const ins = view.unmatched.filter((m) => m.direction === 'in');
    expect(view.unmatched).toHaveLength(UNMATCHED_SHOWN);
    expect(ins.at(-1)?.body).toBe(`hello ${UNMATCHED_SHOWN + 1}`);
    expect(view.quarantine).toEqual([{ key: 'jobs.job_9', reason: 'bad status' }]);
  });
});

describe("the board's version tag", () => {
  const now = new Date('2026-06-04T14:30:00Z');

  it('changes with the document, the roster and the business day', () => {
    expect(dashboardEtag(12, '"3f2a-9b"', now, 'America/Chicago')).toBe('"v12-3f2a9b-2026-06-04"');
    expect(dashboardEtag(12, null, now, 'America/Chicago')).toBe('"v12-none-2026-06-04"');
    expect(dashboardEtag(12, '""', now, 'America/Chicago')).toBe('"v12-none-2026-06-04"');
    expect(dashboardEtag(12, `"${'a'.repeat(40)}"`, now, 'America/Chicago')).toBe(`"v12-${'a'.repeat(32)}-2026-06-04"`);
    expect(dashboardEtag(12, null, new Date('2026-06-05T04:59:00Z'), 'America/Chicago')).toBe('"v12-none-2026-06-04"');
    expect(dashboardEtag(12, null, new Date('2026-06-05T05:00:00Z'), 'America/Chicago')).toBe('"v12-none-2026-06-05"');
  });
});
