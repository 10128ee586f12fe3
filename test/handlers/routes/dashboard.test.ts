import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_TWILIO_AUTH_TOKEN } from '../../../handlers/config';
import {
  ANA,
  jsonRequest,
  LATE_EVENING,
  passwordHash,
  PASSWORD,
  SAM,
  SITE,
  startDispatchApp,
  type DispatchApp,
} from '../../support/dispatch-app';

const CUSTOMER = '+15555550123';

let hash: string;
beforeAll(async () => {
  hash = await passwordHash();
});

let t: DispatchApp;
let cookie: string;
beforeEach(async () => {
  t = await startDispatchApp({ hash });
  cookie = await login();
});
afterEach(() => t.close());

async function login(): Promise<string> {
  const response = await t.app.request(`${SITE}/api/login`, jsonRequest('POST', { password: PASSWORD }));
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

function call(method: string, path: string, body?: unknown, init: { origin?: string | null; headers?: Record<string, string> } = {}) {
  return t.app.request(`${SITE}${path}`, jsonRequest(method, body, { cookie, ...init }));
}

/** A phone-in booking through the API; returns the new job's id and code. */
async function book(extra: Record<string, unknown> = {}): Promise<{ id: string; code: string }> {
  const response = await call('POST', '/api/jobs', { phone: '(555) 555-0123', name: 'Dana', location: '12 Oak St', ...extra });
  expect(response.status).toBe(201);
  const { job } = (await response.json()) as { job: { id: string; code: string } };
  return job;
}

/** A customer text through the real webhook, signed as Twilio signs it. */
async function customerTexts(body: string, sid: string): Promise<void> {
  const params = { MessageSid: sid, From: CUSTOMER, To: '+15555550100', Body: body, NumMedia: '0' };
  const signature = getExpectedTwilioSignature(LOCAL_TWILIO_AUTH_TOKEN, `${SITE}/sms`, params);
  const response = await t.app.request(`${SITE}/sms`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
  expect(response.status).toBe(200);
}

describe('signing in guards the dashboard API', () => {
  it.each([
    ['GET', '/api/jobs'],
    ['POST', '/api/jobs'],
    ['PATCH', '/api/jobs/job_1'],
    ['POST', '/api/jobs/job_1/status'],
    ['GET', '/api/crew'],
    ['PUT', '/api/crew'],
    ['GET', '/api/business'],
    ['PUT', '/api/business'],
  ])('%s %s without a session → 401 JSON', async (method, path) => {
    const response = await t.app.request(`${SITE}${path}`, jsonRequest(method, method === 'GET' ? undefined : {}));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'Sign in required' });
  });

  it('a state-changing call from a foreign Origin → 403, even with a session, and nothing is written', async () => {
    const response = await call('POST', '/api/jobs', { phone: CUSTOMER, location: '12 Oak St' }, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(Object.keys((await t.jobs()).jobs)).toEqual([]);
  });

  it('with no DASHBOARD_PASSWORD_HASH the dashboard says how to set one, and texts still work', async () => {
    const bare = await startDispatchApp({ hash: null });
    try {
      const response = await bare.app.request(`${SITE}/api/login`, jsonRequest('POST', { password: 'x' }));
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: string }).error).toContain('DASHBOARD_PASSWORD_HASH');
      expect((await bare.app.request(`${SITE}/healthz`)).status).toBe(200);
    } finally {
      await bare.close();
    }
  });
});

describe('GET /api/jobs', () => {
  it('shows a record jobs.json could not read as set aside, and everything else keeps working', async () => {
    const { id } = await book();
    const onDisk = JSON.parse(await readFile(path.join(t.dir, 'jobs.json'), 'utf8'));
    onDisk.jobs.job_bad = { ...onDisk.jobs[id], id: 'job_bad', customer: { phone: '12345', name: null } };
    await writeFile(path.join(t.dir, 'jobs.json'), JSON.stringify(onDisk));

    const board = (await (await call('GET', '/api/jobs')).json()) as { jobs: { id: string }[]; quarantine: { key: string; reason: string }[] };
    await customerTexts('ready tomorrow morning, 9 Elm St', 'SMafterquarantine');

    expect(board.jobs.map((job) => job.id)).toEqual([id]);
    expect(board.quarantine).toEqual([{ key: 'jobs.job_bad', reason: expect.stringContaining('customer.phone') }]);
    const after = await t.jobs();
    expect(after.quarantine.map((record) => record.key)).toEqual(['jobs.job_bad']);
    expect(after.quarantine[0]!.raw).toMatchObject({ id: 'job_bad' });
    expect(Object.keys(after.jobs)).toHaveLength(1); // the text went to the same customer's open job
  });

  it('lists every job with what the dispatcher needs, and the roster', async () => {
    const { id, code } = await book({ notes: 'Gate 4411', window: { start: '2026-06-04T17:00:00Z', end: '2026-06-04T22:00:00Z' } });
    const response = await call('GET', '/api/jobs');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^"v\d+-[A-Za-z0-9]+-2026-06-04"$/);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    const view = (await response.json()) as Record<string, unknown> & { jobs: Record<string, unknown>[] };
    expect(view).toMatchObject({ businessName: 'QuickDumpNow', timeZone: 'America/Chicago', crew: [SAM, ANA], unmatched: [] });
    expect(view.jobs).toHaveLength(1);
    expect(view.jobs[0]).toMatchObject({
      id,
      code,
      status: 'booking_confirmed',
      label: 'Booked',
      customer: { phone: CUSTOMER, name: 'Dana' },
      location: '12 Oak St',
      notes: 'Gate 4411',
      windowText: 'Today, 12–5 PM',
      trackingUrl: `${SITE}/track/${(view.jobs[0] as { token: string }).token}`,
      history: [expect.objectContaining({ status: 'booking_confirmed', by: 'dispatcher', via: 'dashboard' })],
      messages: [],
      photos: [],
      failedNotifications: 0,
      customerOptedOut: false,
      outbox: expect.arrayContaining([expect.objectContaining({ key: `${id}:booked:sms`, channel: 'sms', to: CUSTOMER, status: 'sent' })]),
    });
  });

  it('answers 304 with no body while nothing changed, and a new ETag after a customer text', async () => {
    await book();
    const first = await call('GET', '/api/jobs');
    const etag = first.headers.get('etag')!;

    const again = await call('GET', '/api/jobs', undefined, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);

    await customerTexts('can you come at 3 instead', 'SM00000000000000000000000000000001');
    const after = await call('GET', '/api/jobs', undefined, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const { jobs } = (await after.json()) as { jobs: { messages: { body: string }[] }[] };
    expect(jobs[0]?.messages[0]?.body).toBe('can you come at 3 instead');
  });

  it('a roster change changes the ETag too (the board shows crew names)', async () => {
    const etag = (await call('GET', '/api/jobs')).headers.get('etag')!;
    expect((await call('PUT', '/api/crew', { crew: [SAM] })).status).toBe(200);
    expect((await call('GET', '/api/jobs', undefined, { headers: { 'if-none-match': etag } })).status).toBe(200);
  });

  it('?status= shows only those columns; an unknown status is a 400', async () => {
    const { id } = await book();
    await book({ phone: '+15555550124' });
    expect((await call('POST', `/api/jobs/${id}/status`, { status: 'en_route' })).status).toBe(200);
    const only = (await (await call('GET', '/api/jobs?status=en_route')).json()) as { jobs: { id: string }[] };
    expect(only.jobs.map((job) => job.id)).toEqual([id]);
    expect((await call('GET', '/api/jobs?status=lost')).status).toBe(400);
  });
});

describe('changing jobs from the board', () => {
  it('a move the status table allows → 200, and the customer gets the en-route text', async () => {
    const { id } = await book();
    await call('PATCH', `/api/jobs/${id}`, { crew: { driver: SAM.phone } });
    const response = await call('POST', `/api/jobs/${id}/status`, { status: 'en_route' });
    expect(response.status).toBe(200);
    const { job } = (await response.json()) as { job: { status: string; label: string } };
    expect(job).toMatchObject({ status: 'en_route', label: 'Crew on the way' });
    expect(t.texts.at(-1)).toMatchObject({ to: CUSTOMER, key: `${id}:en_route:sms`, body: expect.stringMatching(/^Sam from QuickDumpNow is on the way/) });
    expect((await t.jobs()).outbox.find((item) => item.key === `${id}:en_route:sms`)?.status).toBe('sent');
  });

  it('an illegal move → 409 with the reason, and the job is unchanged', async () => {
    const { id, code } = await book();
    const response = await call('POST', `/api/jobs/${id}/status`, { status: 'completed' });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: `${code} can't go from "Booked" to "All done".` });
    expect((await t.jobs()).jobs[id]?.status).toBe('booking_confirmed');
  });

  it.each([
    ['PATCH', '/api/jobs/job_nope', { notes: 'x' }],
    ['POST', '/api/jobs/job_nope/status', { status: 'en_route' }],
  ])('%s %s for a job that does not exist → 404', async (method, path, body) => {
    expect((await call(method, path, body)).status).toBe(404);
  });

  it('setting a price texts the customer the quote', async () => {
    const { id, code } = await book();
    const response = await call('PATCH', `/api/jobs/${id}`, { priceCents: 60000 });
    expect(response.status).toBe(200);
    const quote = (await t.jobs()).outbox.find((item) => item.key.startsWith(`${id}:quote:`));
    expect(quote).toMatchObject({ channel: 'sms', to: CUSTOMER, body: 'Your quote is $600 all-in. Reply YES to confirm. - QuickDumpNow' });
    expect(t.texts.map((text) => text.key)).toContain(quote?.key);
  });

  it('a price set during quiet hours waits in the outbox until 08:00', async () => {
    const { id } = await book();
    t.setNow(LATE_EVENING);
    cookie = await login(); // the morning's session has run out (12 hours)
    await call('PATCH', `/api/jobs/${id}`, { priceCents: 60000 });
    const quote = (await t.jobs()).outbox.find((item) => item.key.startsWith(`${id}:quote:`));
    expect(quote).toMatchObject({ status: 'pending', notBefore: '2026-06-05T13:00:00.000Z' });
    expect(t.texts.map((text) => text.key)).not.toContain(quote?.key);
  });

  it('bad edits → 400 naming each field', async () => {
    const { id } = await book();
    const response = await call('PATCH', `/api/jobs/${id}`, {
      priceCents: -5,
      window: { start: 'tomorrow', end: '2026-06-05T17:00:00Z' },
      crew: { driver: '+15555550199' },
      colour: 'red',
    });
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: Record<string, string> };
    expect(Object.keys(errors).sort()).toEqual(['colour', 'priceCents', 'window.start']);
    expect(errors.priceCents).toBe('A price must be more than $0.');
  });

  it('a phone-in booking with a bad number or no address → 400 per field; nothing stored', async () => {
    const response = await call('POST', '/api/jobs', { phone: '12345', location: '' });
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: Record<string, string> };
    expect(errors.phone).toMatch(/^That doesn't look like a phone number/);
    expect(errors.location).toBe('Enter the pickup address (at least 3 characters).');
    expect((await t.jobs()).jobs).toEqual({});
  });

  it('a body that is not JSON → 415', async () => {
    const response = await t.app.request(`${SITE}/api/jobs`, { method: 'POST', headers: { cookie, origin: SITE, 'content-type': 'text/plain' }, body: 'hi' });
    expect(response.status).toBe(415);
  });
});

describe('the business profile', () => {
  it('reads as the empty profile until saved; PUT saves it with an ETag, and the next PUT needs that ETag', async () => {
    expect(await (await call('GET', '/api/business')).json()).toMatchObject({ itemsTaken: [], prices: [] });
    const profile = { hours: { sat: '8 AM-2 PM', sun: null }, itemsTaken: ['couches'], prices: [{ item: '*', price: 'min load $99' }] };
    const put = await call('PUT', '/api/business', profile);
    expect(put.status).toBe(200);
    const etag = put.headers.get('etag')!;
    const got = await call('GET', '/api/business');
    expect(await got.json()).toMatchObject(profile);
    expect(got.headers.get('etag')).toBe(etag);
    expect((await call('PUT', '/api/business', profile, { headers: { 'if-match': '"stale"' } })).status).toBe(409);
    expect((await call('PUT', '/api/business', { ...profile, itemsRefused: ['paint'] }, { headers: { 'if-match': etag } })).status).toBe(200);
  });

  it('a bad profile → 400 naming each field, and nothing is stored', async () => {
    const response = await call('PUT', '/api/business', { hours: { funday: '9-5' }, serviceArea: { zips: ['6020'] } });
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: string[] };
    expect(errors.some((e) => e.startsWith('hours'))).toBe(true);
    expect(errors.some((e) => e.startsWith('serviceArea.zips.0: a 5-digit ZIP'))).toBe(true);
    expect(await (await call('GET', '/api/business')).json()).toMatchObject({ itemsTaken: [] });
  });
});

describe('the crew roster', () => {
  it('GET returns the roster with its ETag; PUT with it saves a new one', async () => {
    const got = await call('GET', '/api/crew');
    expect(await got.json()).toEqual({ crew: [SAM, ANA] });
    const etag = got.headers.get('etag')!;
    const lou = { name: 'Lou Park', phone: '+15555550103', email: null, roles: ['supervisor'] };
    const put = await call('PUT', '/api/crew', { crew: [SAM, lou] }, { headers: { 'if-match': etag } });
    expect(put.status).toBe(200);
    expect(put.headers.get('etag')).not.toBe(etag);
    expect(await (await call('GET', '/api/crew')).json()).toEqual({ crew: [SAM, lou] });
  });

  it('an invalid roster → 400 with an error per field, and the stored one is kept', async () => {
    const response = await call('PUT', '/api/crew', {
      crew: [{ name: '', phone: '555-0101', roles: [] }, SAM, { ...SAM, name: 'Sam Again', phone: '(555) 555-0101' }],
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: {
        'crew.0.name': 'a name is required',
        'crew.0.phone': 'must be a mobile number such as +15555550101 or (555) 555-0101',
        'crew.0.roles': 'at least one role',
        'crew.2.phone': `${SAM.phone} is also Sam Rivera's`,
      },
    });
    expect(await (await call('GET', '/api/crew')).json()).toEqual({ crew: [SAM, ANA] });
  });

  it('a PUT based on a roster someone else has since changed → 409 "reload"', async () => {
    const etag = (await call('GET', '/api/crew')).headers.get('etag')!;
    expect((await call('PUT', '/api/crew', { crew: [SAM] }, { headers: { 'if-match': etag } })).status).toBe(200);
    const stale = await call('PUT', '/api/crew', { crew: [ANA] }, { headers: { 'if-match': etag } });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: string }).error).toMatch(/changed since you loaded it: reload/);
  });
});
