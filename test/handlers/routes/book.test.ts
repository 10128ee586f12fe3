import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { ANA, jsonRequest, LATE_EVENING, SAM, SITE, startDispatchApp, type DispatchApp } from '../../support/dispatch-app';

const FORM = { name: 'Dana Whit', phone: '(555) 555-0123', address: '12 Soderblom Ave', day: '2026-06-05', part: 'morning', items: 'a couch', website: '' };

let t: DispatchApp;
beforeEach(async () => {
  t = await startDispatchApp({ hash: null });
});
afterEach(() => t.close());

/** A form post as the booking page makes it (no session; the page's own Origin), from one client address. */
function post(body: unknown, ip = '198.51.100.7') {
  return t.app.request(`${SITE}/api/book`, jsonRequest('POST', body, { headers: { 'x-forwarded-for': ip } }));
}

describe('POST /api/book', () => {
  it('books the job → 201 with the tracking link; the customer is texted it and the crew emailed', async () => {
    const response = await post(FORM);
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const answer = (await response.json()) as { trackingUrl: string; code: string };
    expect(answer).toEqual({
      trackingUrl: expect.stringMatching(new RegExp(`^${SITE}/track/[A-Za-z0-9_-]{21,}$`)),
      code: expect.stringMatching(/^[2-9A-HJ-NP-Z]{4}$/),
      when: 'Tomorrow, 8 AM–12 PM',
      lateForToday: false,
    });

    const [job] = Object.values((await t.jobs()).jobs);
    expect(job).toMatchObject({
      code: answer.code,
      customer: { phone: '+15555550123', name: 'Dana Whit' },
      location: '12 Soderblom Ave',
      items: 'a couch',
      window: { start: '2026-06-05T08:00:00-05:00', end: '2026-06-05T12:00:00-05:00' },
      history: [{ status: 'booking_confirmed', by: '+15555550123', via: 'web' }],
    });
    expect(t.texts).toEqual([
      {
        to: '+15555550123',
        key: `${job!.id}:booked:sms`,
        body: `Thanks! QuickDumpNow has you down for tomorrow, 8 AM-12 PM at 12 Soderblom Ave (a couch). Track it: ${answer.trackingUrl}`,
      },
    ]);
    expect(t.emails.map((email) => [email.to, email.subject])).toEqual([
      [SAM.email, `New job ${answer.code} · 12 Soderblom Ave`],
      [ANA.email, `New job ${answer.code} · 12 Soderblom Ave`],
    ]);

    // The link works: the public track API knows the job.
    const token = answer.trackingUrl.split('/track/')[1];
    const tracked = await t.app.request(`${SITE}/api/track/${token}`);
    expect(tracked.status).toBe(200);
    expect(await tracked.json()).toMatchObject({ code: answer.code, label: 'Booked', windowText: 'Tomorrow, 8 AM–12 PM' });
  });

  it('a booking from the Spanish page keeps the language on the job and says when in Spanish', async () => {
    const response = await post({ ...FORM, language: 'es' });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { when: string }).when).toBe('Mañana, de 8 a. m. a 12 p. m.');
    expect(Object.values((await t.jobs()).jobs)[0]?.language).toBe('es');
  });

  it('invalid input → 400 with a message per field, and nothing stored or sent', async () => {
    const response = await post({ ...FORM, name: '', phone: '12345', day: '2026-06-03' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: {
        name: 'Please tell us your name.',
        phone: "That doesn't look like a phone number. Try e.g. (555) 555-0123, or +44 20 7946 0958 outside the US.",
        day: 'That day has passed: pick today or later.',
      },
    });
    expect((await t.jobs()).jobs).toEqual({});
    expect([t.texts, t.emails]).toEqual([[], []]);
  });

  it('a filled honeypot gets the same-looking 201 but nothing is stored or sent', async () => {
    const response = await post({ ...FORM, website: 'http://spam.example' });
    expect(response.status).toBe(201);
    expect(Object.keys((await response.json()) as object).sort()).toEqual(['code', 'lateForToday', 'trackingUrl', 'when']);
    await expect(access(path.join(t.dir, 'jobs.json'))).rejects.toThrow();
    expect([t.texts, t.emails]).toEqual([[], []]);
  });

  it('a 4th booking for one phone within the hour → 429 with a clear message; an hour later it works again', async () => {
    for (const [i, ip] of ['203.0.113.1', '203.0.113.2', '203.0.113.3'].entries()) {
      expect((await post({ ...FORM, address: `${i + 1} Oak St` }, ip)).status).toBe(201);
    }
    const fourth = await post({ ...FORM, phone: '+1 555 555 0123' }, '203.0.113.4');
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get('retry-after')).toBe('3600');
    expect(((await fourth.json()) as { error: string }).error).toBe(
      'This number has booked several pickups in the last hour. Please try again in 60 minutes, or text or call us.',
    );
    expect(Object.keys((await t.jobs()).jobs)).toHaveLength(3);

    t.advance(3600_000);
    expect((await post(FORM, '203.0.113.4')).status).toBe(201);
  });

  it('the 11th request in an hour from one client → 429, whatever the phone', async () => {
    for (let i = 0; i < 10; i++) {
      const response = await post({ ...FORM, phone: `+1555555${String(200 + i).padStart(4, '0')}` });
      expect(response.status).toBe(201);
    }
    const eleventh = await post({ ...FORM, phone: '+15555550299' });
    expect(eleventh.status).toBe(429);
    expect(((await eleventh.json()) as { error: string }).error).toMatch(/^Too many bookings from this device\./);
    expect((await post({ ...FORM, phone: '+15555550299' }, '198.51.100.99')).status).toBe(201);
  });

  it('a booking sent late in the evening is confirmed by text at 08:00; the crew email goes now', async () => {
    t.setNow(LATE_EVENING);
    expect((await post({ ...FORM, day: '2026-06-05', part: 'afternoon' })).status).toBe(201);
    const { outbox } = await t.jobs();
    expect(outbox.find((item) => item.channel === 'sms')).toMatchObject({ status: 'pending', notBefore: '2026-06-05T13:00:00.000Z' });
    expect(t.texts).toEqual([]);
    expect(t.emails).toHaveLength(2);
  });

  it('a body that is not JSON → 415', async () => {
    const response = await t.app.request(`${SITE}/api/book`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=Dana' });
    expect(response.status).toBe(415);
  });
});
