/**
 * The clock's steps one rule at a time (the week in clock-tick.test.ts shows them together): switches, quiet hours,
 * opt-outs, once-only, Spanish, and what a night of held texts becomes.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLOCK_SETTINGS, type ClockSettings } from '../../domain/clock-settings';
import { clockWording, crewDigest, MAX_DIGEST_CHARS } from '../../domain/clock-wording';
import { dashboardJob } from '../../domain/dashboard-view';
import { parseJobPatch } from '../../domain/dispatch-input';
import { ClockWorld, SAM } from '../support/clock-world';

const at = (day: string, time: string) => `2026-06-${day}T${time}:00-05:00`;
const CUSTOMER = '+15555550123';
const GSM7 = new Set('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€');
const isGsm7 = (text: string) => [...text].every((ch) => GSM7.has(ch));

/** A customer who booked Monday morning for Tuesday afternoon. */
function bookedForTuesday(settings: ClockSettings = { ...DEFAULT_CLOCK_SETTINGS, reviewUrl: 'https://g.page/r/x' }): ClockWorld {
  const w = new ClockWorld(at('01', '09:00'), settings);
  w.text(CUSTOMER, 'tomorrow afternoon, 14 Soderblom Ave');
  return w;
}

describe('day-before reminders', () => {
  it('go at REMINDER_AT and not before', () => {
    const w = bookedForTuesday();
    w.runUntil(at('01', '17:59'), 1);
    expect(w.sent(':reminder:')).toEqual([]);
    w.runUntil(at('01', '18:00'), 1);
    expect(w.sent(':reminder:')).toHaveLength(1);
  });

  it('are never sent in quiet hours, even when REMINDER_AT falls in them', () => {
    const w = bookedForTuesday({ ...DEFAULT_CLOCK_SETTINGS, reminderAt: 21 * 60 + 30 });
    w.runUntil(at('02', '07:59'));
    expect(w.sent(':reminder:')).toEqual([]);
  });

  it('are not sent to a number that texted STOP, nor when REMINDER_AT is off', () => {
    const stopped = bookedForTuesday();
    stopped.text(CUSTOMER, 'STOP');
    stopped.runUntil(at('01', '20:00'));
    expect(stopped.doc.outbox.filter((item) => item.key.includes(':reminder:'))).toEqual([]);
    const off = bookedForTuesday({ ...DEFAULT_CLOCK_SETTINGS, reminderAt: null });
    off.runUntil(at('01', '20:00'));
    expect(off.sent(':reminder:')).toEqual([]);
  });

  it('are in Spanish for a customer who writes Spanish', () => {
    const w = bookedForTuesday();
    const job = w.jobOf(CUSTOMER);
    w.doc = { ...w.doc, jobs: { ...w.doc.jobs, [job.id]: { ...job, language: 'es' } } };
    w.runUntil(at('01', '18:00'));
    const [reminder] = w.sent(':reminder:');
    expect(reminder!.body).toBe('Recordatorio: QuickDumpNow pasa mañana 12-5 PM a 14 Soderblom Ave. Responda SI para confirmar o envie otra hora.');
    expect(isGsm7(reminder!.body)).toBe(true);
  });

  it('YES with no reminder and no quote changes nothing', () => {
    const w = bookedForTuesday();
    w.text(CUSTOMER, 'yes');
    expect(w.jobOf(CUSTOMER).confirmedAt).toBeNull();
  });
});

describe('late alerts and apologies', () => {
  it('mark the card late even with no dispatcher email, and clear when someone is on the way', () => {
    const w = bookedForTuesday();
    w.runUntil(at('02', '12:30'));
    expect(w.jobOf(CUSTOMER).lateAlertAt).toBe(new Date(at('02', '12:30')).toISOString());
    expect(dashboardJob(w.doc, w.jobOf(CUSTOMER).id, w.ctx())?.late).toBe(true);
    w.text(SAM.phone, `omw ${w.jobOf(CUSTOMER).code}`);
    expect(dashboardJob(w.doc, w.jobOf(CUSTOMER).id, w.ctx())?.late).toBe(false);
    w.runUntil(at('02', '18:00'));
    expect(w.sent(':apology:')).toEqual([]);
  });

  it('say nothing about a window that ended long before the clock first saw it', () => {
    const w = bookedForTuesday();
    w.at(at('03', '09:00')).runUntil(at('03', '12:00'));
    expect(w.sent(':late:')).toEqual([]);
    expect(w.sent(':apology:')).toEqual([]);
  });

  it('are off with LATE_AFTER_MIN off', () => {
    const w = bookedForTuesday({ ...DEFAULT_CLOCK_SETTINGS, lateAfterMin: null });
    w.runUntil(at('02', '18:00'));
    expect(w.jobOf(CUSTOMER).lateAlertAt).toBeNull();
    expect(w.sent(':apology:')).toEqual([]);
  });
});

describe('review requests', () => {
  function completedTuesday(settings?: ClockSettings): ClockWorld {
    const w = bookedForTuesday(settings);
    w.runUntil(at('02', '12:00'));
    w.text(SAM.phone, `omw ${w.jobOf(CUSTOMER).code}`);
    w.text(SAM.phone, 'here');
    w.text(SAM.phone, 'done');
    expect(w.jobOf(CUSTOMER).status).toBe('completed');
    return w;
  }

  it('go once, at 10:00 the day after, and never again', () => {
    const w = completedTuesday();
    w.runUntil(at('03', '09:59'), 1);
    expect(w.sent(':review:')).toEqual([]);
    w.runUntil(at('05', '12:00'));
    expect(w.sent(':review:').map((item) => item.deliveredAt)).toEqual([new Date(at('03', '10:00')).toISOString()]);
  });

  it('are off without REVIEW_URL', () => {
    const w = completedTuesday({ ...DEFAULT_CLOCK_SETTINGS, reviewUrl: null });
    w.runUntil(at('04', '12:00'));
    expect(w.sent(':review:')).toEqual([]);
  });

  it('the dispatcher marks a complaint from the drawer with {"complaint": true}', () => {
    expect(parseJobPatch({ complaint: true })).toEqual({ ok: true, value: { complaint: true } });
    expect(parseJobPatch({ complaint: 'yes' })).toMatchObject({ ok: false, errors: { complaint: 'must be true or false' } });
  });

  it('never go for a cancelled job', () => {
    const w = bookedForTuesday();
    w.text(CUSTOMER, 'cancel my pickup');
    w.runUntil(at('04', '12:00'));
    expect(w.sent(':review:')).toEqual([]);
  });
});

describe('quiet hours merge what they held', () => {
  it('a single confirmation held overnight is rewritten so its "tomorrow" reads "today"', () => {
    const w = new ClockWorld(at('01', '22:00'));
    w.bookByPhone({ phone: CUSTOMER, name: null, location: '12 Oak St', window: { start: at('02', '13:00'), end: at('02', '15:00') }, notes: '', items: null });
    w.runUntil(at('02', '08:00'));
    const texts = w.textsTo(CUSTOMER);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toMatch(/^Thanks! QuickDumpNow has you down for today 1-3 PM at 12 Oak St\. Track it: /);
  });

  it('a job booked and then cancelled overnight by the dispatcher gets only the cancellation', () => {
    const w = new ClockWorld(at('01', '22:00'));
    const job = w.bookByPhone({ phone: CUSTOMER, name: null, location: '12 Oak St', window: null, notes: '', items: null });
    w.at(at('01', '23:00')).move(job.id, 'cancelled');
    w.runUntil(at('02', '08:15'));
    expect(w.textsTo(CUSTOMER).map((item) => item.key)).toEqual([`${job.id}:cancelled:sms`]);
  });

  it('a withdrawn quote is left out of the merged text', () => {
    const w = new ClockWorld(at('01', '22:00'));
    const job = w.bookByPhone({ phone: CUSTOMER, name: null, location: '12 Oak St', window: null, notes: '', items: null });
    w.at(at('01', '22:30')).patch(job.id, { priceCents: 40000 });
    w.at(at('01', '23:30')).patch(job.id, { priceCents: null });
    w.runUntil(at('02', '08:00'));
    const texts = w.textsTo(CUSTOMER);
    expect(texts.map((item) => item.body)).toEqual([
      `Thanks! QuickDumpNow has you down for as soon as possible at 12 Oak St. Track it: https://dispatch.example.com/track/${job.token}`,
    ]);
  });
});

describe('the crew digest', () => {
  it('is off with CREW_DIGEST_AT off, and is not sent hours late', () => {
    const off = bookedForTuesday({ ...DEFAULT_CLOCK_SETTINGS, crewDigestAt: null });
    off.runUntil(at('02', '09:00'));
    expect(off.sent('crew-digest:')).toEqual([]);
    const late = bookedForTuesday();
    late.at(at('02', '11:30')).runUntil(at('02', '12:00'));
    expect(late.sent('crew-digest:')).toEqual([]);
  });

  it('stays within three segments however many jobs there are', () => {
    const w = new ClockWorld(at('01', '09:00'));
    for (let i = 0; i < 30; i++) w.text(`+1555555${String(1000 + i)}`, `today afternoon, ${100 + i} Long Street Name Ave`);
    const jobs = Object.values(w.doc.jobs);
    const text = crewDigest('Sam Rivera', [], jobs, w.ctx());
    expect(text.length).toBeLessThanOrEqual(MAX_DIGEST_CHARS);
    expect(text).toMatch(/\+\d+ more\nText 'claim [A-Z0-9]{4}' to take one, 'jobs' for the list\.$/);
  });
});

describe('Spanish clock texts', () => {
  it.each([
    ['apology', (w: ClockWorld) => clockWording.apology(w.jobOf(CUSTOMER), w.ctx())],
    ['review', (w: ClockWorld) => clockWording.reviewRequest(w.jobOf(CUSTOMER), 'https://g.page/r/x', w.ctx())],
    ['en route with ETA', (w: ClockWorld) => clockWording.enRouteWithEta(w.jobOf(CUSTOMER), 'Sam Rivera', 20, w.ctx())],
    ['held update', (w: ClockWorld) => clockWording.heldUpdate(w.jobOf(CUSTOMER), { greet: true, quoteCents: 60000 }, w.ctx())],
  ])('%s is GSM-7 and within two segments', (_name, text) => {
    const w = bookedForTuesday();
    const job = w.jobOf(CUSTOMER);
    w.doc = { ...w.doc, jobs: { ...w.doc.jobs, [job.id]: { ...job, language: 'es' } } };
    const body = text(w);
    expect(isGsm7(body), body).toBe(true);
    expect(body.length).toBeLessThanOrEqual(306);
  });

  it('the ETA line on the track page follows the language', () => {
    expect(clockWording.etaLine('2026-06-04T19:40:00Z', 'America/Chicago', 'en')).toBe('arriving around 2:40 PM');
    expect(clockWording.etaLine('2026-06-04T19:40:00Z', 'America/Chicago', 'es')).toBe('llega alrededor de las 2:40 PM');
  });
});
