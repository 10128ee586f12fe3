/**
 * A whole simulated week of QuickDumpNow (Mon 2026-06-01 to Sun 2026-06-07, America/Chicago) with a fixed clock
 * swept every 15 minutes: bookings, reminders and YES, the crew's digests, a late job with its apology and a
 * reschedule, a night of dispatcher changes merged into one text, ETAs, completions, a complaint, an opt-out and
 * review requests. Every sweep runs twice to show a second pass queues nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isQuietTime } from '../../domain/quiet-hours';
import { trackView } from '../../domain/track-view';
import { dashboardJob } from '../../domain/dashboard-view';
import { ANA, ClockWorld, SAM, TZ, type Delivered } from '../support/clock-world';

const ALICE = '+15555550201'; // Tuesday afternoon; says YES to the reminder
const BEN = '+15555550202'; // Wednesday morning; nobody comes, he reschedules to Friday
const CARA = '+15555550203'; // booked Monday 16:30 for Tuesday: too recent for a reminder; complains
const DEV = '+15555550204'; // booked by phone Tuesday night, changed twice overnight; opts out after
const EVE = '+15555550205'; // books and cancels

/** GSM-7 basic table and extension (3GPP TS 23.038); a local check, as domain/gsm7.ts is not on main yet. */
const GSM7 = new Set('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€');
const isGsm7 = (text: string) => [...text].every((ch) => GSM7.has(ch));

const at = (day: string, time: string) => `2026-06-${day}T${time}:00-05:00`;
const world = new ClockWorld(at('01', '06:00'));

function playTheWeek(w: ClockWorld): void {
  // Monday
  w.runUntil(at('01', '09:00'));
  w.text(ALICE, 'tomorrow afternoon, 14 Soderblom Ave');
  w.runUntil(at('01', '10:00'));
  w.text(BEN, 'wed morning 12 Oak St');
  w.runUntil(at('01', '16:30'));
  w.text(CARA, 'tomorrow morning 5 Elm St');
  w.runUntil(at('01', '18:20'));
  w.text(ALICE, 'YES');
  // Tuesday: digests at 07:00, Cara's crew is late, two ETAs, two completions.
  w.runUntil(at('02', '07:30'));
  w.text(SAM.phone, `claim ${w.jobOf(ALICE).code}`);
  w.text(ANA.phone, `claim ${w.jobOf(CARA).code}`);
  w.runUntil(at('02', '08:45'));
  w.text(ANA.phone, `omw ${w.jobOf(CARA).code} 20 min`);
  w.runUntil(at('02', '09:10'));
  w.text(ANA.phone, 'here');
  w.runUntil(at('02', '10:00'));
  w.text(ANA.phone, 'done');
  w.runUntil(at('02', '12:20'));
  w.text(SAM.phone, 'omw now 15');
  w.runUntil(at('02', '12:40'));
  w.text(SAM.phone, 'here');
  w.runUntil(at('02', '14:00'));
  w.text(SAM.phone, 'done');
  w.runUntil(at('02', '20:00'));
  w.patch(w.jobOf(CARA).id, { complaint: true });
  // Tuesday night: the dispatcher books Dev by phone, then changes the time, then prices it (all held).
  w.runUntil(at('02', '22:00'));
  const dev = w.bookByPhone({ phone: DEV, name: 'Dev', location: '3 Birch Rd', window: { start: at('04', '08:00'), end: at('04', '12:00') }, notes: '', items: 'old sofa' });
  w.runUntil(at('02', '22:30'));
  w.patch(dev.id, { window: { start: at('04', '12:00'), end: at('04', '17:00') } });
  w.runUntil(at('02', '23:00'));
  w.patch(dev.id, { priceCents: 30000 });
  // Wednesday: Ben's window passes with nobody; he answers the apology with a new day.
  w.runUntil(at('03', '12:10'));
  w.text(BEN, 'friday morning');
  w.runUntil(at('03', '18:30'));
  w.text(DEV, 'yes');
  // Thursday: Eve books and cancels; Sam does Dev's job; Dev opts out; Ben confirms Friday.
  w.runUntil(at('04', '10:00'));
  w.text(EVE, 'tomorrow afternoon 9 Pine St');
  w.runUntil(at('04', '11:00'));
  w.text(EVE, 'cancel my pickup');
  w.runUntil(at('04', '12:15'));
  w.text(SAM.phone, `omw ${w.jobOf(DEV).code}`);
  w.runUntil(at('04', '12:45'));
  w.text(SAM.phone, `here ${w.jobOf(DEV).code}`);
  w.runUntil(at('04', '13:30'));
  w.text(SAM.phone, `done ${w.jobOf(DEV).code}`);
  w.runUntil(at('04', '18:10'));
  w.text(BEN, 'yes');
  w.runUntil(at('04', '20:00'));
  w.text(DEV, 'STOP');
  // Friday: Sam does Ben's job; Saturday and Sunday are quiet.
  w.runUntil(at('05', '07:30'));
  w.text(SAM.phone, `claim ${w.jobOf(BEN).code}`);
  w.runUntil(at('05', '08:10'));
  w.text(SAM.phone, 'omw 25');
  w.runUntil(at('05', '08:40'));
  w.text(SAM.phone, 'here');
  w.runUntil(at('05', '09:30'));
  w.text(SAM.phone, 'done');
  w.runUntil(at('07', '23:45'));
}

const local = (item: Delivered) =>
  new Intl.DateTimeFormat('en-US', { timeZone: TZ, weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(item.deliveredAt));

describe('a simulated week on the clock', () => {
  beforeAll(() => playTheWeek(world));

  it('reminds each customer once the evening before, not a job booked an hour and a half before, not a cancelled one', () => {
    const reminders = world.sent(':reminder:');
    expect(reminders.map((item) => [item.to, local(item)])).toEqual([
      [ALICE, 'Mon 18:00'],
      [BEN, 'Tue 18:00'],
      [DEV, 'Wed 18:00'],
      [BEN, 'Thu 18:00'], // moved to Friday: a reminder for the new day
    ]);
    expect(reminders[0]!.body).toBe('Reminder: QuickDumpNow comes tomorrow 12-5 PM to 14 Soderblom Ave. Reply YES to confirm or text a new time.');
    expect(world.textsTo(CARA).some((item) => item.key.includes(':reminder:'))).toBe(false);
    expect(world.textsTo(EVE).some((item) => item.key.includes(':reminder:'))).toBe(false);
  });

  it('YES after a reminder marks the job confirmed on the board and the track page; with a quote open it accepts both', () => {
    const alice = world.jobOf(ALICE);
    expect(alice.confirmedAt).toBe(new Date(at('01', '18:20')).toISOString());
    expect(world.replies.find((r) => r.to === ALICE && r.at === new Date(at('01', '18:20')).toISOString())?.body).toBe(
      "Thanks, you're confirmed: QuickDumpNow comes tomorrow 12-5 PM to 14 Soderblom Ave. See you then!",
    );
    expect(trackView(alice, { businessName: 'QuickDumpNow', businessPhone: null, now: world.now, tz: TZ, crew: { crew: [] } }).confirmed).toBe(true);
    const dev = world.jobOf(DEV);
    expect(dev).toMatchObject({ priceCents: 30000, quote: { state: 'accepted' } });
    expect(dev.confirmedAt).toBe(new Date(at('03', '18:30')).toISOString());
    expect(world.jobOf(BEN).confirmedAt).toBe(new Date(at('04', '18:10')).toISOString());
  });

  it('texts each crew member a digest at 07:00 on the days with work, once a day, with their jobs and the open ones', () => {
    const digests = world.sent('crew-digest:');
    expect(digests.map((item) => [item.to, local(item)])).toEqual([
      [SAM.phone, 'Tue 07:00'],
      [ANA.phone, 'Tue 07:00'],
      [SAM.phone, 'Wed 07:00'],
      [ANA.phone, 'Wed 07:00'],
      [SAM.phone, 'Thu 07:00'],
      [ANA.phone, 'Thu 07:00'],
      [SAM.phone, 'Fri 07:00'],
      [ANA.phone, 'Fri 07:00'],
    ]);
    const alice = world.jobOf(ALICE);
    const cara = world.jobOf(CARA);
    expect(digests[0]!.body).toBe(
      [
        'Morning Sam!',
        'No jobs of yours today.',
        'Open to claim (2):',
        `${cara.code} 8 AM-12 PM 5 Elm St`,
        `${alice.code} 12-5 PM 14 Soderblom Ave`,
        `Text 'claim ${cara.code}' to take one, 'jobs' for the list.`,
      ].join('\n'),
    );
    const friday = digests.find((item) => item.to === SAM.phone && local(item) === 'Fri 07:00')!;
    expect(friday.body).toContain(`Open to claim (1):\n${world.jobOf(BEN).code} 8 AM-12 PM 12 Oak St`);
  });

  it('alerts the dispatcher 30 minutes into a window with nobody on the way, and apologises once when it ends', () => {
    const late = world.sent(':late:');
    expect(late.map((item) => [item.to, item.subject, local(item)])).toEqual([
      ['dispatch@example.com', `Late: ${world.jobOf(CARA).code} - 5 Elm St, nobody on the way`, 'Tue 08:30'],
      ['dispatch@example.com', `Late: ${world.jobOf(BEN).code} - 12 Oak St, nobody on the way`, 'Wed 08:30'],
    ]);
    const apologies = world.sent(':apology:');
    expect(apologies.map((item) => [item.to, local(item), item.body])).toEqual([
      [BEN, 'Wed 12:00', 'Sorry, QuickDumpNow didn\'t make it today 8 AM-12 PM. Text a new time to reschedule (e.g. "tomorrow morning") or call +15555550100.'],
    ]);
    expect(world.jobOf(BEN).window).toEqual({ start: at('05', '08:00'), end: at('05', '12:00') });
  });

  it('tells the customer the ETA the crew gave ("about 20 min") and the track page when they will arrive', () => {
    const enRoute = world.textsTo(CARA).find((item) => item.key.endsWith(':en_route:sms'))!;
    expect(enRoute.body).toBe('Ana from QuickDumpNow is on the way, about 20 min. Track it: https://dispatch.example.com/track/tok003_abcdefghijklmnopqr');
    const ben = world.jobOf(BEN);
    expect(ben.eta).toBe(new Date(at('05', '08:35')).toISOString());
    const onTheWay = { ...ben, status: 'en_route' as const };
    expect(trackView(onTheWay, { businessName: 'QuickDumpNow', businessPhone: null, now: world.now, tz: TZ, crew: { crew: [] } }).etaText).toBe('8:35 AM');
  });

  it('merges a night of held dispatcher texts into one current text at 08:00', () => {
    const dev = world.jobOf(DEV);
    const texts = world.textsTo(DEV);
    expect(texts[0]).toMatchObject({
      body: `Thanks! QuickDumpNow has you down for tomorrow 12-5 PM at 3 Birch Rd. Your quote: $300 all-in. Reply YES to confirm. Track it: https://dispatch.example.com/track/${dev.token}`,
    });
    expect(local(texts[0]!)).toBe('Wed 08:00');
    const superseded = world.doc.outbox.filter((item) => item.jobId === dev.id && item.lastError === 'superseded');
    expect(superseded.map((item) => item.key.split(':')[1])).toEqual(['booked', 'reschedule', 'quote']);
  });

  it('asks for a review at 10:00 the day after completion: never after a complaint, never to an opted-out number', () => {
    const reviews = world.sent(':review:');
    expect(reviews.map((item) => [item.to, local(item)])).toEqual([
      [ALICE, 'Wed 10:00'],
      [BEN, 'Sat 10:00'],
    ]);
    expect(reviews[0]!.body).toBe('Thanks again for choosing QuickDumpNow! If we did well, a quick review helps a lot: https://g.page/r/quickdumpnow/review');
  });

  it('keeps every rule for every text: GSM-7, at most two segments, no customer text from the clock in quiet hours, each key once', () => {
    const customerTexts = world.delivered.filter((item) => item.channel === 'sms');
    for (const item of customerTexts) {
      expect(isGsm7(item.body), item.body).toBe(true);
      expect(item.body.length, item.body).toBeLessThanOrEqual(306);
    }
    const clockTexts = customerTexts.filter((item) => /:(?:reminder|apology|review|merged):/.test(item.key));
    for (const item of clockTexts) expect(isQuietTime(new Date(item.deliveredAt), TZ), item.key).toBe(false);
    const keys = world.delivered.map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('the week in numbers', () => {
    const count = (event: string) => world.sent(event).length;
    expect({
      bookings: Object.keys(world.doc.jobs).length,
      reminders: count(':reminder:'),
      confirmations: Object.values(world.doc.jobs).filter((job) => job.confirmedAt !== null).length,
      digests: count('crew-digest:'),
      lateAlerts: count(':late:'),
      apologies: count(':apology:'),
      etaTexts: world.delivered.filter((item) => item.key.endsWith(':en_route:sms') && item.body.includes(' min.')).length,
      completions: Object.values(world.doc.jobs).filter((job) => job.status === 'completed').length,
      reviews: count(':review:'),
      merged: count(':merged:'),
    }).toEqual({
      bookings: 5,
      reminders: 4,
      confirmations: 3,
      digests: 8,
      lateAlerts: 2,
      apologies: 1,
      etaTexts: 3,
      completions: 4,
      reviews: 2,
      merged: 1,
    });
    const board = dashboardJob(world.doc, world.jobOf(CARA).id, world.ctx())!;
    expect(board).toMatchObject({ complaint: true, late: false });
  });
});
