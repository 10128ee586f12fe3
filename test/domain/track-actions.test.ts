/**
 * Cancel and Reschedule from the tracking page: the same steps a customer's text runs, answered by a text instead of
 * a reply, and recorded as done on the web. The pickup is booked by text first; the tests read the result, the jobs
 * document and the outbox items.
 */
import { describe, expect, it } from 'vitest';
import { cancelFromTrackPage, MAX_WHEN_TEXT, rescheduleFromTrackPage, type TrackActionResult } from '../../domain/track-actions';
import { booked, CUSTOMER, SAM } from './support';

/** Tomorrow-morning pickup at 12 Oak St, claimed by Sam (so changes reach his inbox). */
function claimed() {
  const day = booked();
  day.text(SAM, `claim ${day.jobOf(CUSTOMER).code}`);
  return { day, job: day.jobOf(CUSTOMER) };
}

function done(result: TrackActionResult) {
  if (result.outcome !== 'done') throw new Error(`expected done, got ${result.outcome}`);
  return result;
}

describe('cancel from the tracking page', () => {
  it('cancels the pickup, tells the crew, texts the customer what a text would have answered, and marks it done on the web', () => {
    const { day, job } = claimed();

    const result = done(cancelFromTrackPage(day.doc, job.token, day.ctx));

    const message = 'Your pickup at 12 Oak St is cancelled. Text us anytime to book again.';
    expect(result.message).toBe(message);
    expect(result.job.status).toBe('cancelled');
    expect(result.job.history.map((entry) => [entry.status, entry.by, entry.via])).toEqual([
      ['booking_confirmed', CUSTOMER, 'sms'],
      ['cancelled', CUSTOMER, 'web'],
    ]);
    expect(result.doc.jobs[job.id]).toEqual(result.job);
    expect(result.notify.map((item) => [item.channel, item.to, item.body])).toEqual([
      ['email', 'sam@example.com', `The customer cancelled pickup ${job.code} at 12 Oak St.`],
      ['sms', CUSTOMER, message],
    ]);
    expect(result.notify[1]).toMatchObject({ key: `${job.id}:web-cancel:web_job_2:sms`, jobId: job.id, notBefore: day.ctx.now });
  });

  it('at 10:30 PM the text to the customer waits for 08:00', () => {
    const { day, job } = claimed();
    day.text(SAM, 'jobs', { afterMs: 13 * 3600_000 });

    const result = done(cancelFromTrackPage(day.doc, job.token, day.ctx));

    expect(result.notify.at(-1)?.notBefore).toEqual(new Date('2026-06-05T13:00:00Z'));
  });

  it('an unknown link finds nothing', () => {
    const { day } = claimed();
    expect(cancelFromTrackPage(day.doc, 'trk_nobody', day.ctx)).toEqual({ outcome: 'not_found' });
  });

  it('a pickup already cancelled is refused with the reason, and nothing changes or is sent', () => {
    const { day, job } = claimed();
    const first = done(cancelFromTrackPage(day.doc, job.token, day.ctx));

    const again = cancelFromTrackPage(first.doc, job.token, day.ctx);

    expect(again).toMatchObject({ outcome: 'refused', doc: first.doc, notify: [] });
    expect(again.outcome === 'refused' && again.message).toMatch(/cancelled/i);
  });
});

describe('reschedule from the tracking page', () => {
  it('by day and part of the day: moves the pickup, emails the crew, and texts the customer the update', () => {
    const { day, job } = claimed();

    const result = done(rescheduleFromTrackPage(day.doc, job.token, { day: '2026-06-06', part: 'afternoon' }, day.ctx));

    const message = `Updated: your pickup is Sat, Jun 6, 12-5 PM at 12 Oak St. Track it: https://dispatch.example.com/track/${job.token}`;
    expect(result.message).toBe(message);
    expect(result.job.window).toEqual({ start: '2026-06-06T12:00:00-05:00', end: '2026-06-06T17:00:00-05:00' });
    expect(result.job).toMatchObject({ location: '12 Oak St', items: null, notes: '', status: 'booking_confirmed', needsAttention: false });
    expect(result.notify.map((item) => [item.channel, item.to, item.key])).toEqual([
      ['email', 'sam@example.com', `${job.id}:reschedule:web_job_2:email:${SAM}`],
      ['sms', CUSTOMER, `${job.id}:web-reschedule:web_job_2:sms`],
    ]);
    expect(result.notify[1]?.body).toBe(message);
    expect(result.doc.jobs[job.id]).toEqual(result.job);
  });

  it('by words as in a text ("saturday afternoon at 20 Cedar Ave"): the time and the place move', () => {
    const { day, job } = claimed();

    const result = done(rescheduleFromTrackPage(day.doc, job.token, { text: '  saturday afternoon at 20 Cedar Ave ' }, day.ctx));

    expect(result.job).toMatchObject({ location: '20 Cedar Ave', window: { start: '2026-06-06T12:00:00-05:00' } });
    expect(result.doc.jobs[job.id]!.messages).toEqual(job.messages);
  });

  it('a pickup waiting for a dispatcher stays flagged when the customer moves it on the web', () => {
    const { day, job } = claimed();
    day.put({ ...job, needsAttention: true });

    const result = done(rescheduleFromTrackPage(day.doc, job.token, { day: '2026-06-06', part: 'morning' }, day.ctx));

    expect(result.job.needsAttention).toBe(true);
  });

  it('a blank text falls back to the day and part of the day', () => {
    const { day, job } = claimed();

    const result = done(rescheduleFromTrackPage(day.doc, job.token, { text: '   ', day: '2026-06-06', part: 'morning' }, day.ctx));

    expect(result.job.window?.start).toBe('2026-06-06T08:00:00-05:00');
  });

  it.each([
    ['words past 160 characters', { text: `saturday ${'x'.repeat(MAX_WHEN_TEXT)}` }, { text: 'Keep it to 160 characters or fewer.' }],
    ['words with no day or time', { text: 'whenever is fine' }, { text: 'We could not read a day or time in that. Try e.g. "tomorrow morning".' }],
    ['nothing at all', {}, { day: 'Pick a day.' }],
    ['any time of no day', { part: 'any' }, { day: 'Pick a day.' }],
    ['a day that has passed', { day: '2026-06-01', part: 'morning' }, { day: 'That day has passed: pick today or later.' }],
  ])('%s is refused with the field to fix, and nothing changes', (_, request, errors) => {
    const { day, job } = claimed();
    expect(rescheduleFromTrackPage(day.doc, job.token, request, day.ctx)).toEqual({ outcome: 'invalid', errors });
  });

  it(`words of exactly ${MAX_WHEN_TEXT} characters are read, spaces around them aside`, () => {
    const { day, job } = claimed();
    const text = `saturday afternoon${' '.repeat(MAX_WHEN_TEXT - 27)}thank you`;
    expect(text).toHaveLength(MAX_WHEN_TEXT);
    expect(rescheduleFromTrackPage(day.doc, job.token, { text: `  ${text}  ` }, day.ctx).outcome).toBe('done');
  });

  it.each([
    ['cancelled', 'cancelled'],
    ['completed', 'completed'],
  ] as const)('a %s pickup cannot be moved', (status, word) => {
    const { day, job } = claimed();
    day.put({ ...job, status });

    expect(rescheduleFromTrackPage(day.doc, job.token, { day: '2026-06-06', part: 'morning' }, day.ctx)).toEqual({
      outcome: 'refused',
      doc: day.doc,
      message: `${job.code} is already ${word}.`,
      notify: [],
    });
  });

  it('an unknown link finds nothing', () => {
    const { day } = claimed();
    expect(rescheduleFromTrackPage(day.doc, 'trk_nobody', { day: '2026-06-06' }, day.ctx)).toEqual({ outcome: 'not_found' });
  });

  it('while the crew is loading, nothing moves: the page says so, the pickup is flagged and the dispatcher emailed', () => {
    const { day, job } = claimed();
    day.put({ ...job, status: 'in_progress' });

    const result = rescheduleFromTrackPage(day.doc, job.token, { day: '2026-06-06', part: 'morning' }, day.ctx);

    expect(result).toMatchObject({
      outcome: 'refused',
      message: "Your QuickDumpNow crew is already at work on your pickup, so we can't change it by text now. A dispatcher will reach out.",
    });
    if (result.outcome !== 'refused') return;
    expect(result.doc.jobs[job.id]).toEqual({ ...day.doc.jobs[job.id], needsAttention: true });
    expect(result.notify.find((item) => item.to === 'dispatch@example.com')?.body).toContain('\nText: reschedule (track page)\n');
  });

  it('while the crew is on the way, the words the customer typed reach the dispatcher', () => {
    const { day, job } = claimed();
    day.put({ ...job, status: 'en_route' });

    const result = rescheduleFromTrackPage(day.doc, job.token, { text: 'saturday afternoon' }, day.ctx);

    expect(result.outcome).toBe('refused');
    if (result.outcome !== 'refused') return;
    expect(result.notify.find((item) => item.to === 'dispatch@example.com')?.body).toContain('\nText: saturday afternoon\n');
  });
});
