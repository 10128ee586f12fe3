/**
 * The roster can't break: crew.json is read entry by entry. A bad entry is skipped and reported by name (on the
 * board and by GET /api/crew, with the entry as stored so the editor can fix it); everyone else keeps working.
 */
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_TWILIO_AUTH_TOKEN } from '../../../handlers/config';
import { CREW_KEY } from '../../../handlers/state';
import { jsonRequest, passwordHash, PASSWORD, SITE, startDispatchApp, type DispatchApp } from '../../support/dispatch-app';
import { replyOf } from '../../support/harness';

let hash: string;
beforeAll(async () => {
  hash = await passwordHash();
});

let t: DispatchApp;
afterEach(() => t.close());

/** An app whose crew.json is exactly `body` (as a person might have typed it), signed in. */
async function withCrewFile(body: string): Promise<(method: string, path: string, json?: unknown) => Promise<Response>> {
  t = await startDispatchApp({ hash, crew: null });
  await t.deps.store.put(CREW_KEY, body, { ifNoneMatch: '*' });
  const login = await t.app.request(`${SITE}/api/login`, jsonRequest('POST', { password: PASSWORD }));
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  return async (method, path, json) => t.app.request(`${SITE}${path}`, jsonRequest(method, json, { cookie }));
}

async function text(from: string, body: string, sid: string): Promise<string | null> {
  const params = { MessageSid: sid, From: from, To: '+15555550100', Body: body, NumMedia: '0' };
  const signature = getExpectedTwilioSignature(LOCAL_TWILIO_AUTH_TOKEN, `${SITE}/sms`, params);
  const response = await t.app.request(`${SITE}/sms`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
  expect(response.status).toBe(200);
  return replyOf(await response.text());
}

const MIXED = JSON.stringify({
  crew: [
    { name: 'Sam Rivera', phone: '(555) 555-0101', email: 'sam@example.com', roles: ['driver'] },
    { name: 'Ana Lopez', phone: '555-01', roles: ['first_mate'] },
    { name: 'Lee Park', phone: '+15555550103', roles: ['captain'] },
    { name: 'Sam Again', phone: '+15555550101', roles: ['driver'] },
    { name: 'Max Chen', phone: '+15555550104', roles: ['driver'] },
  ],
});

describe('one bad roster entry', () => {
  it('is skipped while the rest keep working: good crew texts are crew commands', async () => {
    await withCrewFile(MIXED);

    expect(await text('+15555550101', 'jobs', 'SM1')).toBe("No open jobs today. New ones come by email; text 'help' for commands.");
    expect(await text('+15555550104', 'help', 'SM2')).toMatch(/^Crew: jobs/);
    // Lee's entry is skipped (unknown role): Lee is treated as a customer until it is fixed.
    expect(await text('+15555550103', 'jobs', 'SM3')).not.toMatch(/^No open jobs today/);
  });

  it('shows on the board as a banner, each problem by name', async () => {
    const call = await withCrewFile(MIXED);

    const view = (await (await call('GET', '/api/jobs')).json()) as { rosterProblems: string[]; crew: { name: string }[] };

    expect(view.rosterProblems).toEqual([
      'Ana Lopez: phone must be a mobile number such as +15555550101 or (555) 555-0101',
      'Lee Park: roles.0 must be one of driver, first_mate, supervisor',
      "Sam Again: phone +15555550101 is also Sam Rivera's",
    ]);
    expect(view.crew.map((member) => member.name)).toEqual(['Sam Rivera', 'Max Chen']);
  });

  it('comes back from GET /api/crew with the entry as stored, so the editor can show it for fixing', async () => {
    const call = await withCrewFile(MIXED);

    const body = (await (await call('GET', '/api/crew')).json()) as {
      crew: { name: string; phone: string }[];
      problems: { index: number; name: string; field: string; text: string; entry: unknown }[];
    };

    expect(body.crew).toEqual([
      { name: 'Sam Rivera', phone: '+15555550101', email: 'sam@example.com', roles: ['driver'] },
      { name: 'Max Chen', phone: '+15555550104', email: null, roles: ['driver'] },
    ]);
    expect(body.problems.map(({ index, name, field }) => ({ index, name, field }))).toEqual([
      { index: 1, name: 'Ana Lopez', field: 'phone' },
      { index: 2, name: 'Lee Park', field: 'roles.0' },
      { index: 3, name: 'Sam Again', field: 'phone' },
    ]);
    expect(body.problems[0]!.entry).toEqual({ name: 'Ana Lopez', phone: '555-01', roles: ['first_mate'] });
  });

  it('a crew.json that is not JSON is one problem; customers are still served', async () => {
    const call = await withCrewFile('{"crew": [ {"name": "Sam" ');

    const view = (await (await call('GET', '/api/jobs')).json()) as { rosterProblems: string[] };

    expect(view.rosterProblems).toHaveLength(1);
    expect(view.rosterProblems[0]).toMatch(/^crew\.json: is not valid JSON .*no one is on the roster until it is fixed$/);
    expect(await text('+15555550123', 'ready this afternoon, 12 Oak St', 'SM9')).toMatch(/^Thanks! QuickDumpNow has you down/);
  });

  it('a roster saved from the editor with phones typed any usual way is stored as E.164 and clears the banner', async () => {
    const call = await withCrewFile(MIXED);
    const fixed = { crew: [{ name: 'Sam Rivera', phone: '555 555 0101', email: '', roles: ['driver', 'supervisor'] }] };

    const put = await call('PUT', '/api/crew', fixed);

    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ crew: [{ name: 'Sam Rivera', phone: '+15555550101', email: null, roles: ['driver', 'supervisor'] }] });
    expect(await (await call('GET', '/api/jobs')).json()).not.toHaveProperty('rosterProblems');
  });
});
