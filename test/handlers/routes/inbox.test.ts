/**
 * The two-way inbox through the whole app: customers text the real (signed) webhook, the dispatcher reads and
 * answers through the API, Twilio's signed status callbacks say what became of each text.
 */
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_TWILIO_AUTH_TOKEN } from '../../../handlers/config';
import { jsonRequest, passwordHash, PASSWORD, SAM, SITE, startDispatchApp, type DispatchApp } from '../../support/dispatch-app';

const DANA = '+15555550123';
const LEE = '+15555550124';
const enc = encodeURIComponent;
/** 21:30 in Chicago: quiet hours, still inside the morning's 12-hour session. */
const QUIET = new Date('2026-06-05T02:30:00.000Z');

let hash: string;
beforeAll(async () => {
  hash = await passwordHash();
});

let t: DispatchApp;
let cookie: string;
beforeEach(async () => {
  t = await startDispatchApp({ hash });
  const login = await t.app.request(`${SITE}/api/login`, jsonRequest('POST', { password: PASSWORD }));
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
});
afterEach(() => t.close());

function call(method: string, path: string, body?: unknown, init: { origin?: string | null; cookie?: string } = {}) {
  return t.app.request(`${SITE}${path}`, jsonRequest(method, body, { cookie, ...init }));
}

function signedPost(path: string, params: Record<string, string>, token = LOCAL_TWILIO_AUTH_TOKEN) {
  const signature = getExpectedTwilioSignature(token, `${SITE}${path}`, params);
  return t.app.request(`${SITE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
}

let sids = 0;
async function texts(from: string, body: string): Promise<void> {
  const response = await signedPost('/sms', { MessageSid: `SM${++sids}`, From: from, To: '+15555550100', Body: body, NumMedia: '0' });
  expect(response.status).toBe(200);
}

type Summary = { phone: string; kind: string; unread: boolean; needsReply: boolean; jobs: { code: string }[]; lastBody: string };
type Message = { direction: string; by: string; body: string; delivery: string | null; problem: string | null };

async function threads(): Promise<Summary[]> {
  const response = await call('GET', '/api/threads');
  expect(response.status).toBe(200);
  return ((await response.json()) as { threads: Summary[] }).threads;
}

async function threadOf(phone: string): Promise<{ messages: Message[]; unread: boolean; needsReply: boolean }> {
  const response = await call('GET', `/api/threads/${enc(phone)}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { thread: { messages: Message[]; unread: boolean; needsReply: boolean } }).thread;
}

describe('the inbox', () => {
  it('has one thread per phone, customer or crew, newest first, with unread / needs-reply state and linked jobs', async () => {
    await texts(DANA, 'ready this afternoon, 12 Oak St');
    await texts(SAM.phone, 'jobs');
    t.advance(60_000);
    await texts(LEE, 'hello, who is this?');

    const list = await threads();

    expect(list.map((thread) => [thread.phone, thread.kind])).toEqual([
      [LEE, 'customer'],
      [SAM.phone, 'crew'],
      [DANA, 'customer'],
    ]);
    expect(list[0]).toMatchObject({ unread: true, needsReply: true, lastBody: expect.stringMatching(/will get back to you/) });
    expect(list[2]).toMatchObject({ unread: true, needsReply: false });
    expect(list[2]!.jobs).toHaveLength(1);
  });

  it('a thread holds every message both ways, the bot replies and the notifications we sent', async () => {
    await texts(DANA, 'ready this afternoon, 12 Oak St');
    await texts(DANA, 'can you also take a piano?');

    const thread = await threadOf(DANA);

    expect(thread.messages.map((m) => [m.direction, m.by])).toEqual([
      ['in', 'customer'],
      ['out', 'bot'],
      ['in', 'customer'],
      ['out', 'bot'],
    ]);
    expect(thread.needsReply).toBe(true);
  });

  it('the dispatcher answers from the business number: 201, sent at once even in quiet hours, kept on the job; the thread is answered', async () => {
    await texts(DANA, 'ready tomorrow morning, 12 Oak St');
    await texts(DANA, 'can you also take a piano?');
    t.setNow(QUIET);

    const response = await call('POST', `/api/threads/${enc(DANA)}/messages`, { body: 'Yes, we can take a piano. $80 extra.' });

    expect(response.status).toBe(201);
    const { thread } = (await response.json()) as { thread: { messages: Message[]; needsReply: boolean; unread: boolean } };
    expect(thread.messages.at(-1)).toMatchObject({ direction: 'out', by: 'dispatcher', body: 'Yes, we can take a piano. $80 extra.', delivery: 'sent' });
    expect(thread).toMatchObject({ needsReply: false, unread: false });
    expect(t.texts.at(-1)).toMatchObject({ to: DANA, body: 'Yes, we can take a piano. $80 extra.' });
    const [job] = Object.values((await t.jobs()).jobs);
    expect(job!.messages.at(-1)).toMatchObject({ direction: 'out', to: DANA, intent: 'dispatcher' });
    expect(job!.needsAttention).toBe(false);
  });

  it('answering a number that texted STOP is a clear 409 and sends nothing', async () => {
    await texts(DANA, 'ready this afternoon, 12 Oak St');
    await texts(DANA, 'STOP');
    const sent = t.texts.length;

    const response = await call('POST', `/api/threads/${enc(DANA)}/messages`, { body: 'Hello?' });

    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: string }).error).toMatch(/opted out \(texted STOP\)/);
    expect(t.texts.length).toBe(sent);
  });

  it('an empty or overlong reply is a 400 naming the field; a bad phone a 400', async () => {
    expect((await call('POST', `/api/threads/${enc(DANA)}/messages`, { body: '  ' })).status).toBe(400);
    const long = await call('POST', `/api/threads/${enc(DANA)}/messages`, { body: 'x'.repeat(481) });
    expect(await long.json()).toEqual({ errors: { body: 'Keep it under 480 characters.' } });
    expect((await call('GET', '/api/threads/5555550123')).status).toBe(400);
  });

  it('mark read and mark handled', async () => {
    await texts(LEE, 'hello, who is this?');
    expect((await call('POST', `/api/threads/${enc(LEE)}/read`)).status).toBe(204);
    expect(await threadOf(LEE)).toMatchObject({ unread: false, needsReply: true });
    expect((await call('POST', `/api/threads/${enc(LEE)}/handled`)).status).toBe(204);
    expect(await threadOf(LEE)).toMatchObject({ unread: false, needsReply: false });
  });

  it('has the same session and origin rules as the rest of the dashboard API', async () => {
    expect((await call('GET', '/api/threads', undefined, { cookie: '' })).status).toBe(401);
    expect((await call('POST', `/api/threads/${enc(DANA)}/messages`, { body: 'hi' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('POST', `/api/threads/${enc(DANA)}/read`, undefined, { origin: 'https://evil.example' })).status).toBe(403);
  });
});

describe("Twilio's delivery status callbacks", () => {
  async function bookedByPhone(): Promise<{ id: string; providerId: string }> {
    const response = await call('POST', '/api/jobs', { phone: DANA, name: 'Dana', location: '12 Oak St' });
    const { job } = (await response.json()) as { job: { id: string } };
    const item = (await t.jobs()).outbox.find((entry) => entry.key === `${job.id}:booked:sms`)!;
    expect(item.providerId).toMatch(/^id-/);
    return { id: job.id, providerId: item.providerId! };
  }

  it('are signature-checked like the webhook', async () => {
    const { providerId } = await bookedByPhone();
    const forged = await signedPost('/sms/status', { MessageSid: providerId, MessageStatus: 'delivered' }, 'wrong-token');
    expect(forged.status).toBe(403);
  });

  it('a confirmation to a landline (30006) is flagged on the card and in the thread, in plain words', async () => {
    const { id, providerId } = await bookedByPhone();

    expect((await signedPost('/sms/status', { MessageSid: providerId, MessageStatus: 'sent' })).status).toBe(204);
    expect((await signedPost('/sms/status', { MessageSid: providerId, MessageStatus: 'undelivered', ErrorCode: '30006' })).status).toBe(204);

    const board = (await (await call('GET', '/api/jobs')).json()) as { jobs: { id: string; confirmationProblem: string | null }[] };
    expect(board.jobs.find((job) => job.id === id)?.confirmationProblem).toBe("Confirmation not delivered: it is a landline or can't receive texts.");
    const thread = await threadOf(DANA);
    expect(thread.messages.at(-1)).toMatchObject({ delivery: 'undelivered', problem: "Not delivered: it is a landline or can't receive texts." });
  });

  it.each([
    ['30003', 'Not delivered: the phone is unreachable (off or out of coverage).'],
    ['30005', 'Not delivered: the number is unknown or no longer in service.'],
    ['30007', 'Not delivered: the carrier filtered it as spam.'],
    ['30008', 'Not delivered (Twilio error 30008).'],
  ])('error %s reads "%s"', async (code, words) => {
    const { providerId } = await bookedByPhone();
    await signedPost('/sms/status', { MessageSid: providerId, MessageStatus: 'failed', ErrorCode: code });
    expect((await threadOf(DANA)).messages.at(-1)?.problem).toBe(words);
  });

  it("out of order: a late 'sent' does not overwrite 'delivered'", async () => {
    const { id, providerId } = await bookedByPhone();
    await signedPost('/sms/status', { MessageSid: providerId, MessageStatus: 'delivered' });
    await signedPost('/sms/status', { MessageSid: providerId, MessageStatus: 'sent' });

    expect((await threadOf(DANA)).messages.at(-1)?.delivery).toBe('delivered');
    const board = (await (await call('GET', '/api/jobs')).json()) as { jobs: { id: string; confirmationProblem: string | null }[] };
    expect(board.jobs.find((job) => job.id === id)?.confirmationProblem).toBeNull();
  });

  it('a callback for a message that is not ours changes nothing', async () => {
    const before = (await t.jobs()).version;
    expect((await signedPost('/sms/status', { MessageSid: 'SMunknown', MessageStatus: 'delivered' })).status).toBe(204);
    expect((await t.jobs()).version).toBe(before);
  });
});

describe('the "needs a reply" email', () => {
  it('links straight to the thread', async () => {
    await texts(LEE, 'hello, who is this?');
    const email = t.emails.find((mail) => mail.subject.startsWith('Text needs a reply'));
    expect(email?.body).toContain(`Reply: ${SITE}/dashboard#thread=%2B15555550124`);
  });
});
