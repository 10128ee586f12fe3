/**
 * What the customer's tracking page shows of their pickup as it goes from booked to done: no crew name before the
 * crew set out, the actions still open to them, and a receipt at the end. The pickup is booked and worked by text.
 */
import { describe, expect, it } from 'vitest';
import { isTrackingToken, trackView } from '../../domain/track-view';
import { booked, CUSTOMER, SAM } from './support';

function booking() {
  const day = booked();
  const job = day.jobOf(CUSTOMER);
  return { day, job, view: () => trackView(day.jobOf(CUSTOMER), day.ctx) };
}

describe('the tracking page', () => {
  it('of a booked pickup: the window in words, the business to call, no crew name, cancel and reschedule open', () => {
    const { view, job } = booking();

    expect(view()).toEqual({
      businessName: 'QuickDumpNow',
      businessPhone: '+15555550100',
      businessPhoneText: '(555) 555-0100',
      language: 'en',
      timeZone: 'America/Chicago',
      code: job.code,
      status: 'booking_confirmed',
      label: 'Booked',
      window: job.window,
      windowText: 'Tomorrow, 8 AM–12 PM',
      location: '12 Oak St',
      priceCents: null,
      crewFirstName: null,
      etaText: null,
      confirmedAt: null,
      canCancel: true,
      canReschedule: true,
      receipt: null,
      history: [{ at: job.createdAt, status: 'booking_confirmed', label: 'Booked' }],
      updatedAt: job.updatedAt,
      confirmed: false,
    });
  });

  it('a claimed pickup still shows no crew name until the crew set out; ready for pickup may still be moved', () => {
    const { day, job, view } = booking();
    day.text(SAM, `claim ${job.code}`);
    day.text(CUSTOMER, 'my stuff is ready');

    expect(view()).toMatchObject({ crewFirstName: null, status: 'ready_for_pickup', canReschedule: true, canCancel: true });
  });

  it('on the way: the crew member by first name and the arrival time; no more moving it online', () => {
    const { day, job, view } = booking();
    day.text(SAM, `claim ${job.code}`);
    day.text(SAM, `omw ${job.code} now 20`);

    expect(view()).toMatchObject({ label: 'Crew on the way', crewFirstName: 'Sam', etaText: '9:53 AM', canReschedule: false, canCancel: true });
    day.text(SAM, `here ${job.code}`);
    expect(view()).toMatchObject({ label: 'Loading', crewFirstName: 'Sam', etaText: null, canReschedule: false });
  });

  it('done: a receipt with the price, when it was booked and done, and who did it; nothing left to change', () => {
    const { day, job, view } = booking();
    for (const text of [`claim ${job.code}`, `omw ${job.code} now`, `here ${job.code}`, `price ${job.code} 250`]) day.text(SAM, text);
    day.text(CUSTOMER, 'yes');
    day.text(SAM, `done ${job.code}`);

    const done = view();

    expect(done).toMatchObject({ label: 'All done', priceCents: 25_000, canCancel: false, canReschedule: false });
    expect(done.receipt).toEqual({
      code: job.code,
      items: null,
      location: '12 Oak St',
      priceCents: 25_000,
      bookedText: 'Thu, Jun 4, 2026, 9:31 AM',
      doneText: 'Thu, Jun 4, 2026, 9:37 AM',
      crewFirstName: 'Sam',
    });
    expect(done.history.map((entry) => entry.label)).toEqual(['Booked', 'Crew on the way', 'Loading', 'All done']);
  });

  it('names the first crew member on the roster, the driver first: a driver who left the roster is skipped', () => {
    const { day, job } = booking();
    day.put({ ...job, status: 'en_route', crew: { driver: '+15555550199', first_mate: SAM, supervisor: null } });

    expect(trackView(day.jobOf(CUSTOMER), day.ctx).crewFirstName).toBe('Sam');
    day.put({ ...job, status: 'en_route', crew: { driver: '+15555550199', first_mate: null, supervisor: null } });
    expect(trackView(day.jobOf(CUSTOMER), day.ctx).crewFirstName).toBeNull();
  });

  it('a job marked done without its step in the history (a dashboard fix) dates the receipt by its last update', () => {
    const { day, job } = booking();
    day.put({ ...job, status: 'completed', updatedAt: '2026-06-05T16:20:00.000Z' });

    expect(trackView(day.jobOf(CUSTOMER), day.ctx).receipt?.doneText).toBe('Fri, Jun 5, 2026, 11:20 AM');
  });

  it('in Spanish for a Spanish-speaking customer, and without a phone when the business has none', () => {
    const { day, job } = booking();

    const view = trackView({ ...job, language: 'es' }, { ...day.ctx, businessPhone: null });

    expect(view).toMatchObject({ language: 'es', businessPhone: null, businessPhoneText: null });
    expect(view.windowText).toMatch(/^Mañana, de 8 a\.\sm\. a 12 p\.\sm\.$/);
  });

  it('a cancelled pickup can be neither cancelled nor moved', () => {
    const { day, view } = booking();
    day.text(CUSTOMER, 'cancel my pickup');

    expect(view()).toMatchObject({ label: 'Cancelled', canCancel: false, canReschedule: false, crewFirstName: null, receipt: null });
  });
});

describe('tracking links', () => {
  it.each([
    ['trk_000000000000000000001', true],
    ['V1StGXR8_Z5jdHi6B-myT', true],
    ['a'.repeat(64), true],
    ['a'.repeat(65), false],
    ['short', false],
    ['trk_00000000000000000000!', false],
    ['../../etc/passwd/aaaaaaaaaaaaaa', false],
  ])('%j is a tracking token: %s', (token, expected) => {
    expect(isTrackingToken(token)).toBe(expected);
  });
});
