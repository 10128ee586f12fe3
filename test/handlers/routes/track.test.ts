import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS_PER_TOKEN_PER_HOUR } from '../../../handlers/routes/track';
import { updateJobs } from '../../../handlers/state';
import { BASE_URL, createHarness, type Harness } from '../../support/harness';

const SAM = { name: 'Sam Rivera', phone: '+15555550101', email: 'sam@example.com', roles: ['driver'] };

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

async function bookAndToken(from: string, body: string): Promise<string> {
  await h.text(from, body);
  const job = Object.values((await h.doc()).doc.jobs).find((j) => j.customer.phone === from)!;
  return job.token;
}

describe('GET /api/track/:token', () => {
  it('shows the customer their job: status, label, window in words, location and history', async () => {
    const token = await bookAndToken('+15555550123', 'ready this afternoon, Soderblom Ave');
    const response = await h.app.request(`${BASE_URL}/api/track/${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    const body = await response.json();
    expect(body).toMatchObject({
      businessName: 'QuickDumpNow',
      timeZone: 'America/Chicago',
      status: 'ready_for_pickup',
      label: 'Ready for pickup',
      windowText: 'Today, 12–5 PM',
      location: 'Soderblom Ave',
      priceCents: null,
    });
    expect(body.history).toEqual([{ at: '2026-06-04T14:30:00.000Z', status: 'ready_for_pickup', label: 'Ready for pickup' }]);
  });

  it('never reveals a phone number, a message or crew contact details', async () => {
    const token = await bookAndToken('+15555550123', 'ready this afternoon, Soderblom Ave');
    const text = await (await h.app.request(`${BASE_URL}/api/track/${token}`)).text();
    expect(text).not.toContain('5555550123');
    expect(text).not.toContain('ready this afternoon');
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(
      [
        'businessName', 'businessPhone', 'businessPhoneText', 'canCancel', 'canReschedule', 'code', 'confirmed', 'confirmedAt',
        'crewFirstName', 'etaText', 'history', 'label', 'language', 'location', 'priceCents', 'receipt', 'status', 'timeZone',
        'updatedAt', 'window', 'windowText',
      ].sort(),
    );
  });

  it('shows only the job the token belongs to, never another customer\'s', async () => {
    const mine = await bookAndToken('+15555550123', 'ready this afternoon, Soderblom Ave');
    await bookAndToken('+15555550124', 'tomorrow morning, 12 Oak St');
    const body = await (await h.app.request(`${BASE_URL}/api/track/${mine}`)).json();
    expect(body.location).toBe('Soderblom Ave');
  });

  it.each([['an unknown token', 'Zz9_unknown_token_xxxxxxx'], ['a malformed token', '..%2F..%2Fjobs.json'], ['a short token', 'abc']])(
    'answers 404 JSON for %s',
    async (_name, token) => {
      const response = await h.app.request(`${BASE_URL}/api/track/${token}`);
      expect(response.status).toBe(404);
      // With the business's contact, so the not-found page can say who to call.
      expect(await response.json()).toEqual({
        error: 'Job not found, or this tracking link is no longer valid.',
        businessName: 'QuickDumpNow',
        businessPhone: '+15555550100',
        businessPhoneText: '(555) 555-0100',
      });
    },
  );

  it('answers /healthz with 200', async () => {
    const response = await h.app.request(`${BASE_URL}/healthz`);
    expect(response.status).toBe(200);
  });
});

describe('the track page view of a job under way', () => {
  it("shows the crew's first name and the ETA in the business zone once they are on the way, and the confirmed mark", async () => {
    await h.setCrew({ crew: [SAM] });
    const token = await bookAndToken('+15555550123', 'this afternoon, Soderblom Ave');
    const code = Object.values((await h.doc()).doc.jobs)[0]!.code;
    await h.text(SAM.phone, `claim ${code}`);
    await h.text(SAM.phone, 'omw');
    await updateJobs(h.deps.store, (doc) => {
      const job = Object.values(doc.jobs)[0]!;
      const patched = { ...job, eta: '2026-06-04T19:40:00.000Z', confirmedAt: '2026-06-04T14:00:00.000Z' };
      return { doc: { ...doc, jobs: { [job.id]: patched } }, result: null };
    });
    const body = await (await h.app.request(`${BASE_URL}/api/track/${token}`)).json();
    expect(body).toMatchObject({
      status: 'en_route',
      crewFirstName: 'Sam',
      etaText: '2:40 PM',
      confirmedAt: '2026-06-04T14:00:00.000Z',
      canCancel: true,
      canReschedule: false,
      receipt: null,
    });
    expect(JSON.stringify(body)).not.toContain(SAM.phone.slice(2));
  });

  it('gives the receipt once done: items, price, dates and crew first name', async () => {
    await h.setCrew({ crew: [SAM] });
    const token = await bookAndToken('+15555550123', 'this afternoon, Soderblom Ave');
    const code = Object.values((await h.doc()).doc.jobs)[0]!.code;
    await h.text(SAM.phone, `claim ${code}`);
    await h.text(SAM.phone, `price ${code} 450`);
    await h.text('+15555550123', 'YES');
    for (const step of ['omw', 'here', 'done']) await h.text(SAM.phone, step);
    const body = await (await h.app.request(`${BASE_URL}/api/track/${token}`)).json();
    expect(body.receipt).toEqual({
      code,
      items: null,
      location: 'Soderblom Ave',
      priceCents: 45000,
      bookedText: 'Thu, Jun 4, 2026, 9:30 AM',
      doneText: 'Thu, Jun 4, 2026, 9:30 AM',
      crewFirstName: 'Sam',
    });
    expect(body).toMatchObject({ canCancel: false, canReschedule: false, crewFirstName: 'Sam' });
  });
});

describe('POST /api/track/:token/cancel and /reschedule', () => {
  const post = (token: string, action: string, body: unknown, headers: Record<string, string> = {}) =>
    h.app.request(`${BASE_URL}/api/track/${token}/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('cancels as the "cancel" text would: the same words to the customer, the crew emailed, history via web', async () => {
    await h.setCrew({ crew: [SAM] });
    const token = await bookAndToken('+15555550123', 'tomorrow morning, 12 Oak St');
    const code = Object.values((await h.doc()).doc.jobs)[0]!.code;
    await h.text(SAM.phone, `claim ${code}`);
    const response = await post(token, 'cancel', {});
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.message).toBe('Your pickup at 12 Oak St is cancelled. Text us anytime to book again.');
    expect(body.view).toMatchObject({ status: 'cancelled', canCancel: false, canReschedule: false });
    const job = Object.values((await h.doc()).doc.jobs)[0]!;
    expect(job.status).toBe('cancelled');
    expect(job.history.at(-1)).toMatchObject({ status: 'cancelled', via: 'web', by: '+15555550123' });
    expect(h.sent.sms.filter((sms) => sms.to === '+15555550123').at(-1)?.body).toBe(body.message);
    expect(h.sent.email.some((mail) => mail.to === SAM.email && mail.subject === `Cancelled: ${code} · 12 Oak St`)).toBe(true);

    // A second press changes nothing and says why.
    const again = await post(token, 'cancel', {});
    expect(again.status).toBe(409);
    expect((await again.json()).error).toBe(`${code} is already marked cancelled.`);
  });

  it.each([
    ['a day and part of the day', { day: '2026-06-06', part: 'afternoon' }, 'Sat, Jun 6, 12–5 PM'],
    ['the words a text accepts', { text: 'tomorrow evening' }, 'Tomorrow, 5–8 PM'],
  ])('reschedules from %s, texting the customer the "Updated" words and emailing the crew', async (_name, request, windowText) => {
    await h.setCrew({ crew: [SAM] });
    const token = await bookAndToken('+15555550123', 'tomorrow morning, 12 Oak St');
    const code = Object.values((await h.doc()).doc.jobs)[0]!.code;
    await h.text(SAM.phone, `claim ${code}`);
    const response = await post(token, 'reschedule', request);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.view.windowText).toBe(windowText);
    expect(body.message).toMatch(/^Updated: your pickup is .* at 12 Oak St\. Track it: /);
    expect(h.sent.sms.filter((sms) => sms.to === '+15555550123').at(-1)?.body).toBe(body.message);
    expect(h.sent.email.some((mail) => mail.to === SAM.email && mail.subject === `Changed: ${code} · 12 Oak St`)).toBe(true);
  });

  it.each([
    ['no day and no words', {}, { day: 'Pick a day.' }],
    ['a day that has passed', { day: '2026-06-01', part: 'morning' }, { day: 'That day has passed: pick today or later.' }],
    ['words with no time', { text: 'whenever' }, { text: 'We could not read a day or time in that. Try e.g. "tomorrow morning".' }],
  ])('refuses %s with a message per field and changes nothing', async (_name, request, errors) => {
    const token = await bookAndToken('+15555550123', 'tomorrow morning, 12 Oak St');
    const before = (await h.doc()).doc;
    const response = await post(token, 'reschedule', request);
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual(errors);
    expect((await h.doc()).doc.version).toBe(before.version);
  });

  it('does not move a pickup once the crew is on the way: a dispatcher is asked to reach out, as for a text', async () => {
    await h.setCrew({ crew: [SAM] });
    const token = await bookAndToken('+15555550123', 'tomorrow morning, 12 Oak St');
    const code = Object.values((await h.doc()).doc.jobs)[0]!.code;
    await h.text(SAM.phone, `claim ${code}`);
    // Tomorrow's job: heading out today takes an explicit "now".
    await h.text(SAM.phone, `omw ${code} now`);
    const response = await post(token, 'reschedule', { text: 'tomorrow evening' });
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatch(/already on the way/);
    const job = Object.values((await h.doc()).doc.jobs)[0]!;
    expect(job.needsAttention).toBe(true);
    expect(job.window?.start).toBe('2026-06-05T08:00:00-05:00');
    expect(h.sent.email.some((mail) => mail.to === 'dispatch@example.com')).toBe(true);
  });

  it('answers 404 with the business contact for an unknown token, and 415 for a body that is not JSON', async () => {
    expect((await post('Zz9_unknown_token_xxxxxxx', 'cancel', {})).status).toBe(404);
    const token = await bookAndToken('+15555550123', 'tomorrow morning, 12 Oak St');
    const form = await h.app.request(`${BASE_URL}/api/track/${token}/cancel`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'x=1',
    });
    expect(form.status).toBe(415);
    expect(Object.values((await h.doc()).doc.jobs)[0]!.status).toBe('booking_confirmed');
  });

  it(`allows ${ACTIONS_PER_TOKEN_PER_HOUR} changes an hour per link, then 429 with Retry-After`, async () => {
    const token = await bookAndToken('+15555550123', 'tomorrow morning, 12 Oak St');
    for (let i = 0; i < ACTIONS_PER_TOKEN_PER_HOUR; i++) {
      expect((await post(token, 'reschedule', { text: i % 2 ? 'tomorrow evening' : 'tomorrow afternoon' })).status).toBe(200);
    }
    const limited = await post(token, 'reschedule', { text: 'tomorrow morning' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error).toMatch(/Too many changes/);
    h.clock.now = new Date(h.clock.now.getTime() + 3600_000 + 1000);
    expect((await post(token, 'reschedule', { text: 'tomorrow morning' })).status).toBe(200);
  });
});

describe('GET /api/business/public', () => {
  it('gives the name, the number for people and links, and the booking form\'s first possible slot', async () => {
    const response = await h.app.request(`${BASE_URL}/api/business/public`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      businessName: 'QuickDumpNow',
      businessPhone: '+15555550100',
      businessPhoneText: '(555) 555-0100',
      timeZone: 'America/Chicago',
      slots: {
        today: '2026-06-04',
        tomorrow: '2026-06-05',
        lastDay: '2026-08-03',
        partsToday: ['morning', 'afternoon', 'evening', 'any'],
        first: { day: '2026-06-04', part: 'any' },
      },
    });
  });

  it('at 10 PM starts the form on tomorrow morning', async () => {
    h.clock.now = new Date('2026-06-04T22:00:00-05:00');
    const body = await (await h.app.request(`${BASE_URL}/api/business/public`)).json();
    expect(body.slots).toMatchObject({ partsToday: [], first: { day: '2026-06-05', part: 'morning' } });
  });
});

describe('GET /api/track/:token is cheap for anyone to call', () => {
  it('answers 304 with no body to a page that already has the current answer, and 200 once the job changes', async () => {
    const token = await bookAndToken('+15555550123', 'ready this afternoon, Soderblom Ave');
    const first = await h.app.request(`${BASE_URL}/api/track/${token}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const again = await h.app.request(`${BASE_URL}/api/track/${token}`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    await h.text('+15555550123', 'actually tomorrow morning');
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the snapshot is reused for up to 1 s
    const changed = await h.app.request(`${BASE_URL}/api/track/${token}`, { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ windowText: 'Tomorrow, 8 AM–12 PM' });
  });

  it('each client address may ask 120 times a minute; the 121st → 429 with Retry-After, others unaffected', async () => {
    const token = await bookAndToken('+15555550123', 'ready this afternoon, Soderblom Ave');
    const from = (ip: string) => h.app.request(`${BASE_URL}/api/track/${token}`, {}, { incoming: { socket: { remoteAddress: ip } } });
    for (let i = 0; i < 120; i++) expect((await from('198.51.100.7')).status).toBe(200);
    const blocked = await from('198.51.100.7');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from('203.0.113.9')).status).toBe(200);
  });
});

describe('a job booked a moment ago', () => {
  it('is found at once, even right after another tracking request filled the cache', async () => {
    const first = await bookAndToken('+15555550123', 'ready this afternoon, Soderblom Ave');
    expect((await h.app.request(`${BASE_URL}/api/track/${first}`)).status).toBe(200);
    const second = await bookAndToken('+15555550124', 'tomorrow morning, 12 Oak St');
    expect((await h.app.request(`${BASE_URL}/api/track/${second}`)).status).toBe(200);
  });
});
