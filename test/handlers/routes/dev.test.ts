/**
 * The /dev simulator's API against the real app (createApp + devRoutes, file store, outbox files): its texts go
 * through the real /sms route with a Twilio signature made from the configured token, so the webhook's signature
 * check stays on; it reads back every phone's conversation; and it answers only JSON from this machine.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../handlers/app';
import { parseConfig } from '../../../handlers/config';
import type { Deps } from '../../../handlers/deps';
import { devRoutes, twimlReplyText, type DevOutbox } from '../../../handlers/routes/dev';
import { readJobs } from '../../../handlers/state';
import { depsFromConfig } from '../../../handlers/wiring';

const BASE = 'http://localhost:3000';
const CUSTOMER = '+15555550123';
const SAM = { name: 'Sam Rivera', phone: '+15555550101', email: 'sam@example.com', roles: ['driver'] };
const LOOPBACK = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'sd-dev-'));
  await writeFile(path.join(dataDir, 'crew.json'), JSON.stringify({ crew: [SAM] }));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

function build(env: Record<string, string> = {}): { app: Hono; deps: Deps } {
  const config = parseConfig({ DATA_DIR: dataDir, PUBLIC_BASE_URL: BASE, ...env }, { local: true });
  const deps = depsFromConfig(config, { log: () => {} });
  const app = new Hono();
  app.route('/', createApp(deps, null));
  app.route('/', devRoutes(deps, app));
  return { app, deps };
}

function text(app: Hono, body: unknown, init: { headers?: Record<string, string>; env?: unknown } = {}) {
  return app.request(
    `${BASE}/dev/api/text`,
    { method: 'POST', headers: { 'Content-Type': 'application/json', ...init.headers }, body: JSON.stringify(body) },
    init.env ?? LOOPBACK,
  );
}

async function reply(app: Hono, from: string, body: string): Promise<string> {
  const response = await text(app, { from, body });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { reply: string }).reply;
}

describe('POST /dev/api/text', () => {
  it.each([['the local default token', {}], ['a real-looking Twilio token', { TWILIO_AUTH_TOKEN: '0123456789abcdef0123456789abcdef' }]])(
    'texts the bot through the signed /sms webhook with %s, and the bot books the job',
    async (_name, env) => {
      const { app, deps } = build(env);
      expect(await reply(app, '(555) 555-0123', 'ready this afternoon, Soderblom Ave')).toMatch(/\/track\/[A-Za-z0-9_-]{21,}/);
      const { doc } = await readJobs(deps.store);
      expect(Object.values(doc.jobs).map((job) => [job.customer.phone, job.location])).toEqual([[CUSTOMER, 'Soderblom Ave']]);
    },
  );

  it('leaves the webhook signature check on: an unsigned post to /sms is still refused', async () => {
    const { app } = build();
    const response = await app.request(`${BASE}/sms`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ MessageSid: 'SM1', From: CUSTOMER, To: '+15555550100', Body: 'hi' }).toString(),
    });
    expect(response.status).toBe(403);
  });

  it.each([
    ['no sender', { body: 'hi' }, /^from:/],
    ['a sender that is no phone number', { from: '12', body: 'hi' }, /^from: That doesn't look like a phone number/],
    ['no text and no photo', { from: CUSTOMER, body: '' }, /type a message or attach a photo/],
    ['a text longer than Twilio allows', { from: CUSTOMER, body: 'x'.repeat(1601) }, /at most 1600/],
    ['a photo that is no web address', { from: CUSTOMER, body: 'hi', media: ['javascript:alert(1)'] }, /http\(s\) URL/],
  ])('refuses %s with a 400 naming the field', async (_name, body, message) => {
    const response = await text(build().app, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });

  it.each([
    ['another machine on the network', { env: { incoming: { socket: { remoteAddress: '192.168.1.20' } } } }, 403],
    ['a web page on another site', { headers: { Origin: 'https://evil.example' } }, 403],
    ['a form post (not JSON)', { headers: { 'Content-Type': 'text/plain' } }, 415],
  ])('does not answer %s', async (_name, init, status) => {
    const response = await text(build().app, { from: CUSTOMER, body: 'hi' }, init);
    expect(response.status).toBe(status);
  });
});

describe('GET /dev/api/outbox', () => {
  it("gives each phone its thread in time order: texts, the bot's replies and delivered notifications", async () => {
    const { app, deps } = build();
    await reply(app, CUSTOMER, 'ready this afternoon, Soderblom Ave');
    const { doc } = await readJobs(deps.store);
    const code = Object.values(doc.jobs)[0]!.code;
    await reply(app, SAM.phone, `claim ${code}`);
    await reply(app, SAM.phone, 'omw');

    const response = await app.request(`${BASE}/dev/api/outbox`, {}, LOOPBACK);
    expect(response.status).toBe(200);
    const outbox = (await response.json()) as DevOutbox;
    expect(outbox.crew).toEqual([{ name: SAM.name, phone: SAM.phone, roles: SAM.roles }]);
    expect(outbox.conversations[CUSTOMER]!.map((entry) => `${entry.direction}/${entry.via}`)).toEqual([
      'in/text',
      'out/reply',
      'out/outbox',
    ]);
    expect(outbox.conversations[CUSTOMER]![2]!.body).toMatch(/^Sam from QuickDumpNow is on the way/);
    expect(outbox.conversations[SAM.phone]!.map((entry) => entry.body.slice(0, 9))).toEqual([
      `claim ${code}`.slice(0, 9),
      expect.any(String),
      'omw',
      expect.any(String),
    ]);
    expect(outbox.sms.map((line) => line.to)).toEqual([CUSTOMER]);
    expect(outbox.email.map((line) => line.to)).toEqual(expect.arrayContaining([SAM.email]));
  });
});

describe('devRoutes', () => {
  it('refuses to be mounted outside local mode', () => {
    const { deps } = build();
    expect(() => devRoutes({ ...deps, config: { ...deps.config, local: false } }, new Hono())).toThrow(/local mode/);
  });

  it('reads TwiML replies back as the text the phone shows', () => {
    expect(twimlReplyText('<Response><Message>Tom &amp; Jerry &lt;3 &quot;hi&quot;</Message></Response>')).toBe('Tom & Jerry <3 "hi"');
    expect(twimlReplyText('<Response/>')).toBe('');
  });
});
