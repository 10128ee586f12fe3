/**
 * Whole conversations through the signed webhook: several texts, several phones, English and Spanish. Each test
 * reads what a customer would notice: the replies, the jobs on the board, the dispatcher's emails, the outbox.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isGsm7, segments } from '../../../domain/gsm7';
import type { Job } from '../../../domain/jobs-document';
import { BUSINESS_KEY } from '../../../handlers/state';
import { createHarness, replyOf, type Harness } from '../../support/harness';

const ANA = '+15555550123';
const BEN = '+15555550124';
const CARLA = '+15555550125';
const DIEGO = '+15555550126';
const SAM = { name: 'Sam Rivera', phone: '+15555550101', email: 'sam@example.com', roles: ['driver'] };
const THU_0930 = '2026-06-04T09:30:00-05:00';
const THU_2240 = '2026-06-04T22:40:00-05:00';

const PROFILE = {
  hours: { mon: '8 AM-5 PM', tue: '8 AM-5 PM', wed: '8 AM-5 PM', thu: '8 AM-5 PM', fri: '8 AM-5 PM', sat: '8 AM-2 PM', sun: null },
  itemsTaken: ['couches', 'mattresses', 'fridges', 'pianos'],
  itemsRefused: ['paint', 'tires'],
  prices: [{ item: 'couch', price: 'from $75' }, { item: '*', price: 'min load $99' }],
  serviceArea: { zips: ['60201', '60202'], cities: ['Evanston', 'Skokie'] },
  notes: '',
};

let h: Harness;
afterEach(async () => {
  await h.close();
});

async function start(now = THU_0930, profile: unknown = PROFILE): Promise<void> {
  h = await createHarness({ now });
  if (profile) await h.deps.store.put(BUSINESS_KEY, JSON.stringify(profile), { ifNoneMatch: '*' });
}

/** Texts `body` from `from` and returns the reply (null for an empty TwiML response). */
async function say(from: string, body: string, extra: Record<string, string> = {}): Promise<string | null> {
  const response = await h.text(from, body, extra);
  expect(response.status).toBe(200);
  const reply = replyOf(await response.text());
  // Every reply a customer gets is plain GSM-7 and at most two segments (crew replies are crew-wording's).
  if (reply && from !== SAM.phone) {
    expect(isGsm7(reply), reply).toBe(true);
    expect(segments(reply).segments, reply).toBeLessThanOrEqual(2);
  }
  return reply;
}

async function jobsOf(phone: string): Promise<Job[]> {
  const { doc } = await h.doc();
  return Object.values(doc.jobs)
    .filter((job) => job.customer.phone === phone)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

const photo = (n: number) => ({ NumMedia: '1', MediaUrl0: `https://api.twilio.com/media/ME${n}`, MediaContentType0: 'image/jpeg' });

describe('questions are not bookings', () => {
  it('answers price, items, hours and area questions from the business profile, from several phones, and books nothing', async () => {
    await start();
    expect(await say(ANA, 'how much for a couch?')).toBe('Price guide: couch from $75, min load $99. Final price on site. To book, text your address and a time.');
    expect(await say(BEN, 'do you take mattresses?')).toBe('Yes, we take mattresses! To book, text your address and a time.');
    expect(await say(CARLA, 'What are your hours on Saturday?')).toBe('Saturday: 8 AM-2 PM. To book, text your address and a time.');
    expect(await say(DIEGO, 'do you take paint?')).toMatch(/^Sorry, we don't take paint\./);
    expect(await say(DIEGO, 'do you come to Skokie?')).toMatch(/^Yes, we serve Skokie!/);
    const { doc } = await h.doc();
    expect(doc.jobs).toEqual({});
    expect(h.sent.email).toEqual([]);
  });

  it('a question the profile cannot answer goes to the dispatcher, and the customer is told a person will answer', async () => {
    await start();
    expect(await say(ANA, 'do you take hot tubs?')).toBe('Good question! A person at QuickDumpNow will text you back shortly.');
    expect(h.sent.email.map((email) => email.to)).toEqual(['dispatch@example.com']);
    expect((await h.doc()).doc.jobs).toEqual({});
  });

  it('with no business.json every question goes to a person', async () => {
    await start(THU_0930, null);
    expect(await say(ANA, 'how much for a couch?')).toBe('Good question! A person at QuickDumpNow will text you back shortly.');
    expect((await h.doc()).doc.jobs).toEqual({});
  });

  it('a question inside a booking books', async () => {
    await start();
    const reply = await say(ANA, 'can you take a couch tomorrow am, 12 Oak St?');
    const [job] = await jobsOf(ANA);
    expect(job).toMatchObject({ location: '12 Oak St', items: 'couch', window: { start: '2026-06-05T08:00:00-05:00', end: '2026-06-05T12:00:00-05:00' } });
    expect(reply).toBe(`Thanks! QuickDumpNow has you down for tomorrow, 8 AM-12 PM at 12 Oak St (couch). Track it: https://dispatch.example.com/track/${job!.token}`);
  });
});

describe('a booking conversation', () => {
  it('keeps a photo, a time, items and notes until the address comes, then books one job with all of it', async () => {
    await start();
    await h.setCrew({ crew: [SAM] });
    expect(await say(ANA, '', photo(1))).toMatch(/^Thanks for your photo! We'll keep it for your booking\./);
    expect(await say(ANA, 'need a pickup tomorrow afternoon, a piano and 2 mattresses')).toBe(
      "Thanks! QuickDumpNow can come tomorrow, 12-5 PM. What's the pickup address?",
    );
    expect(await jobsOf(ANA)).toEqual([]);
    const reply = await say(ANA, "it's 14 Oak St, back alley, buzzer broken");
    const jobs = await jobsOf(ANA);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      location: '14 Oak St',
      window: { start: '2026-06-05T12:00:00-05:00', end: '2026-06-05T17:00:00-05:00' },
      items: 'piano, 2 mattresses',
      notes: 'back alley; buzzer broken',
    });
    expect(jobs[0]!.photos.map((p) => p.url)).toEqual(['https://api.twilio.com/media/ME1']);
    expect(reply).toMatch(/^Thanks! QuickDumpNow has you down for tomorrow, 12-5 PM at 14 Oak St/);
    // The crew's new-job email names what is to be hauled and how to get in.
    const email = h.sent.email.find((e) => e.to === 'sam@example.com');
    expect(email?.body).toContain('piano, 2 mattresses');
    expect(email?.body).toContain('back alley; buzzer broken');
    expect((await h.doc()).doc.pendingBookings).toEqual({});
  });

  it('a booking started by one phone is never completed by another', async () => {
    await start();
    await say(ANA, 'pickup tomorrow morning');
    await say(BEN, 'it is 9 Elm St');
    expect(await jobsOf(ANA)).toEqual([]);
    expect((await jobsOf(BEN)).map((job) => job.window)).toEqual([null]);
  });
});

describe('several jobs per phone', () => {
  it('"also" with another address is a second job; status asks which one, by address; a street answers', async () => {
    await start();
    await say(ANA, 'tomorrow morning, 14 Oak St');
    await say(ANA, "also need a pickup saturday afternoon at 20 Cedar Ave, my mom's place");
    const jobs = await jobsOf(ANA);
    expect(jobs.map((job) => job.location)).toEqual(['14 Oak St', '20 Cedar Ave']);
    expect(jobs[0]!.window?.start).toBe('2026-06-05T08:00:00-05:00');
    expect(await say(ANA, 'where r u')).toBe('Which pickup: 14 Oak St or 20 Cedar Ave? Reply with the street.');
    expect(await say(ANA, 'cedar')).toMatch(/^Booked: Sat, Jun 6, 12-5 PM, 20 Cedar Ave\./);
  });

  it('a different address with neither "also" nor "instead" asks NEW or CHANGE; CHANGE moves the one job', async () => {
    await start();
    await say(ANA, 'tomorrow morning, 14 Oak St');
    expect(await say(ANA, '20 Cedar Ave friday afternoon')).toBe('New pickup, or change your 14 Oak St pickup to 20 Cedar Ave? Reply NEW or CHANGE.');
    expect((await jobsOf(ANA)).map((job) => job.location)).toEqual(['14 Oak St']);
    expect(await say(ANA, 'CHANGE')).toMatch(/^Updated: your pickup is tomorrow, 12-5 PM at 20 Cedar Ave\./);
    expect((await jobsOf(ANA)).map((job) => job.location)).toEqual(['20 Cedar Ave']);
  });

  it('NEW makes the second job from what the question held', async () => {
    await start();
    await say(ANA, 'tomorrow morning, 14 Oak St');
    await say(ANA, '20 Cedar Ave saturday');
    await say(ANA, 'new');
    expect((await jobsOf(ANA)).map((job) => [job.location, job.window?.start])).toEqual([
      ['14 Oak St', '2026-06-05T08:00:00-05:00'],
      ['20 Cedar Ave', '2026-06-06T08:00:00-05:00'],
    ]);
  });

  it('"instead" changes the same job; a cancel with two open jobs asks which', async () => {
    await start();
    await say(ANA, 'tomorrow morning, 14 Oak St');
    await say(ANA, 'wrong address, change it to 16 Oak St');
    expect((await jobsOf(ANA)).map((job) => job.location)).toEqual(['16 Oak St']);
    await say(ANA, 'also another pickup monday at 3 Elm St');
    expect(await say(ANA, 'cancel my pickup')).toBe('Which pickup: 16 Oak St or 3 Elm St? Reply with the street.');
    expect(await say(ANA, 'the elm one')).toBe('Your pickup at 3 Elm St is cancelled. Text us anytime to book again.');
    expect((await jobsOf(ANA)).map((job) => job.status)).toEqual(['booking_confirmed', 'cancelled']);
  });

  it('"not tomorrow" is never read as tomorrow', async () => {
    await start();
    await say(ANA, 'tomorrow morning, 14 Oak St');
    await say(ANA, "I'm not home tomorrow, can we do next Monday?");
    expect((await jobsOf(ANA))[0]!.window?.start).toBe('2026-06-08T08:00:00-05:00');
  });
});

describe('small talk', () => {
  it('"thanks!" gets a short reply, "ok" and 👍 none, and none of them reach the dispatcher', async () => {
    await start();
    await say(ANA, 'tomorrow morning, 14 Oak St');
    expect(await say(ANA, 'thanks!')).toBe("You're welcome! - QuickDumpNow");
    expect(await say(ANA, 'ok')).toBeNull();
    expect(await say(ANA, '👍')).toBeNull();
    expect(await say(BEN, 'hi')).toMatch(/^Hi! To book a pickup with QuickDumpNow/);
    const [job] = await jobsOf(ANA);
    expect(job!.needsAttention).toBe(false);
    expect(h.sent.email).toEqual([]);
  });
});

describe('CANCEL or STOP while booked', () => {
  it('a bare CANCEL opts out and flags the booked job for the dispatcher to call', async () => {
    await start();
    await say(ANA, 'tomorrow morning, 14 Oak St');
    expect(await say(ANA, 'CANCEL', { OptOutType: 'STOP' })).toBeNull();
    const { doc } = await h.doc();
    expect(doc.optOuts).toEqual([ANA]);
    const [job] = await jobsOf(ANA);
    expect(job).toMatchObject({ status: 'booking_confirmed', needsAttention: true });
    expect(h.sent.email).toEqual([
      expect.objectContaining({ to: 'dispatch@example.com', subject: expect.stringContaining(`${ANA} opted out of texts by texting CANCEL - call to check the pickup`) }),
    ]);
  });

  it("honours Twilio's OptOutType for the owner's own keywords, and START opts back in", async () => {
    await start();
    expect(await say(BEN, 'BASTA', { OptOutType: 'STOP' })).toBeNull();
    expect((await h.doc()).doc.optOuts).toEqual([BEN]);
    expect(await say(BEN, 'VOLVER', { OptOutType: 'START' })).toMatch(/^Welcome back/);
    expect((await h.doc()).doc.optOuts).toEqual([]);
  });

  it('STOP with no open job just opts out; nobody is emailed', async () => {
    await start();
    expect(await say(CARLA, 'stop')).toBeNull();
    expect(h.sent.email).toEqual([]);
  });
});

describe('a time that has passed', () => {
  it('at 22:40 "need a pickup today" is booked for tomorrow, and the reply says so', async () => {
    await start(THU_2240);
    const reply = await say(ANA, 'need a pickup today, 12 Oak St');
    const [job] = await jobsOf(ANA);
    expect(job!.window).toEqual({ start: '2026-06-05T08:00:00-05:00', end: '2026-06-05T17:00:00-05:00' });
    expect(reply).toBe(`It's late for today - we have you down for tomorrow, 8 AM-5 PM at 12 Oak St. Text another time to change it. Track it: https://dispatch.example.com/track/${job!.token}`);
  });

  it('at 22:40 the booking API rolls "afternoon" with no day to tomorrow afternoon instead of a 400', async () => {
    await start(THU_2240);
    const response = await h.app.request('https://dispatch.example.com/api/book', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Dana', phone: '(555) 555-0127', address: '12 Oak St', part: 'afternoon' }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ lateForToday: true });
    const [job] = await jobsOf('+15555550127');
    expect(job!.window).toEqual({ start: '2026-06-05T12:00:00-05:00', end: '2026-06-05T17:00:00-05:00' });
  });
});

describe('Spanish', () => {
  it('a booking over two texts in Spanish is answered in Spanish, and the job keeps the language', async () => {
    await start();
    expect(await say(CARLA, 'necesito una recogida mañana en la tarde')).toBe('¡Gracias! QuickDumpNow puede ir mañana, 12-5 PM. ¿Cual es la direccion de recogida?');
    const reply = await say(CARLA, 'es en 100 Main St');
    const [job] = await jobsOf(CARLA);
    expect(job).toMatchObject({ location: '100 Main St', language: 'es', window: { start: '2026-06-05T12:00:00-05:00', end: '2026-06-05T17:00:00-05:00' } });
    expect(reply).toBe(`¡Gracias! QuickDumpNow lo tiene anotado para mañana, 12-5 PM en 100 Main St. Siga su recogida: https://dispatch.example.com/track/${job!.token}`);
    expect(await say(CARLA, 'gracias')).toBe('¡De nada! - QuickDumpNow');
    expect(await say(CARLA, '¿dónde están?')).toMatch(/^Reservado: mañana, 12-5 PM, 100 Main St\. Estado: /);
  });

  it('texts caused by the crew follow the job language, and English again once the customer writes English', async () => {
    await start();
    await h.setCrew({ crew: [SAM] });
    await say(CARLA, 'recogida hoy en la tarde, 100 Main St');
    const [job] = await jobsOf(CARLA);
    await say(SAM.phone, `claim ${job!.code}`);
    await say(SAM.phone, 'omw');
    expect(h.sent.sms.find((sms) => sms.to === CARLA)?.body).toMatch(/^¡Sam de QuickDumpNow va en camino a 100 Main St! Estado: /);
    await say(CARLA, 'can you come at 3 instead?');
    expect((await jobsOf(CARLA))[0]!.language).toBe('en');
  });

  it('a Spanish question is answered in Spanish; one the profile cannot answer goes to a person, in Spanish', async () => {
    await start();
    expect(await say(DIEGO, '¿Qué horario tienen el sábado?')).toBe('El sabado: 8 AM-2 PM. Para reservar, escriba su direccion y una hora.');
    expect(await say(DIEGO, '¿se llevan un jacuzzi?')).toBe('¡Buena pregunta! Una persona de QuickDumpNow le respondera pronto.');
  });
});

describe('job codes', () => {
  it('customers are never shown a job code across a whole conversation', async () => {
    await start();
    await h.setCrew({ crew: [SAM] });
    const replies = [
      await say(ANA, 'tomorrow morning, 14 Oak St'),
      await say(ANA, 'actually saturday afternoon'),
      await say(ANA, 'where r u'),
      await say(ANA, '', photo(2)),
    ];
    const [job] = await jobsOf(ANA);
    await say(SAM.phone, `price ${job!.code} 600`);
    replies.push(await say(ANA, 'yes'), await say(ANA, 'cancel my pickup'));
    const texts = h.sent.sms.filter((sms) => sms.to === ANA).map((sms) => sms.body);
    for (const text of [...replies, ...texts]) expect(text).not.toContain(job!.code);
  });
});
