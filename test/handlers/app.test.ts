/**
 * What the app does before and after every route, tried as an attacker would (issue #9): bodies too large to read,
 * malformed URLs, responses a browser could sniff, and a jobs.json nobody can read.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../handlers/app';
import type { Deps } from '../../handlers/deps';
import { BASE_URL, BUSINESS_NUMBER, createHarness, postSigned, type Harness } from '../support/harness';

let h: Harness;
let logs: { level: string; message: string; extra?: Record<string, unknown> }[];
beforeEach(async () => {
  h = await createHarness();
  logs = [];
  (h.deps as { log: Deps['log'] }).log = (level, message, extra) => logs.push({ level, message, extra });
});
afterEach(() => h.close());

/** A body that never ends, counting what the server pulled from it. */
function endlessBody(): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const chunk = new Uint8Array(16 * 1024).fill(65);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe('bodies are limited before they are read', () => {
  it('an unsigned 300 MB POST to /sms → 413 from its Content-Length, nothing read', async () => {
    const { stream, pulled } = endlessBody();
    const response = await h.app.request(`${BASE_URL}/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(300 * 1024 * 1024) },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it('an endless chunked body to /sms stops being read just past 64 KB → 413', async () => {
    const { stream, pulled } = endlessBody();
    const response = await h.app.request(`${BASE_URL}/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(pulled()).toBeLessThanOrEqual(128 * 1024);
  });

  it('a signed text of ordinary size still works', async () => {
    const response = await h.text('+15555550123', 'ready this afternoon, Soderblom Ave');
    expect(response.status).toBe(200);
  });

  it('a JSON API body over 32 KB → 413 before the route (or its session check) runs', async () => {
    const response = await h.app.request(`${BASE_URL}/api/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE_URL },
      body: JSON.stringify({ notes: 'x'.repeat(33 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'Request body too large (at most 32 KB)' });
  });
});

describe('every API response carries the API security headers', () => {
  it.each([
    ['GET', '/healthz', 200],
    ['GET', '/api/track/not-a-token', 404],
    ['GET', '/nowhere', 404],
    ['POST', '/sms', 403],
    ['POST', '/api/book', 415],
    ['GET', '/api/jobs', 503], // no DASHBOARD_PASSWORD_HASH in this harness
  ])('%s %s (%s)', async (method, url, status) => {
    const response = await h.app.request(`${BASE_URL}${url}`, { method });
    expect(response.status).toBe(status);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe('malformed percent-encoding', () => {
  it.each(['/%zz', '/%', '/track/%ff', '/api/track/%ff', '/api/track/%E0%A4%A', '/api/jobs/%zz/status', '/healthz?x=%zz'])(
    'GET %s → 400, not 500',
    async (url) => {
      const response = await h.app.request(`${BASE_URL}${url}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: 'Bad request: malformed percent-encoding in the URL' });
    },
  );
});

describe('a jobs.json that cannot be read', () => {
  const CORRUPT = '{"schema":1,"version":7,"jobs":{"job_1":{"id":"job_1",\n"code":"K7Q2" "token":"x"}}}';
  const jobsFile = () => path.join(h.dir, 'jobs.json');

  it('/healthz answers 503 with the reason and no data; the log names the file and the position', async () => {
    await writeFile(jobsFile(), CORRUPT);
    const response = await h.app.request(`${BASE_URL}/healthz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { ok: boolean; reason: string };
    expect(body).toEqual({ ok: false, store: 'unreadable', reason: 'jobs.json is not valid JSON at position 69 (line 2, column 15)' });
    expect(JSON.stringify(body)).not.toContain('K7Q2');
    const logged = logs.find((entry) => entry.message.startsWith('jobs store unreadable'));
    expect(logged?.extra).toMatchObject({ object: `${h.dir}/jobs.json`, position: 69 });
  });

  it('texts answer 503, nothing overwrites the bad file, and the dispatcher is emailed once per incident', async () => {
    await writeFile(jobsFile(), CORRUPT);
    for (let i = 0; i < 3; i++) {
      const response = await h.text('+15555550123', `ready this afternoon, Soderblom Ave ${i}`);
      expect(response.status).toBe(503);
      expect((await h.app.request(`${BASE_URL}/healthz`)).status).toBe(503);
    }
    expect(await readFile(jobsFile(), 'utf8')).toBe(CORRUPT);
    expect(h.sent.email.map((email) => [email.to, email.subject])).toEqual([
      ['dispatch@example.com', 'QuickDumpNow dispatcher: the jobs store cannot be read'],
    ]);
    expect(h.sent.email[0]!.body).toContain(`${h.dir}/jobs.json is not valid JSON at position 69`);
    expect(h.sent.sms).toEqual([]);

    // A second server (another Lambda container) sharing the store does not email again for the same incident.
    const second = createApp(h.deps);
    expect((await second.request(`${BASE_URL}/healthz`)).status).toBe(503);
    expect(h.sent.email).toHaveLength(1);

    // Restored: everything works again, and the next, different corruption is a new incident.
    await rm(jobsFile());
    expect((await h.text('+15555550123', 'ready this afternoon, Soderblom Ave')).status).toBe(200);
    expect((await h.app.request(`${BASE_URL}/healthz`)).status).toBe(200);
    await writeFile(jobsFile(), '{"schema":2}');
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the tracking snapshot's 1 s reuse
    const wrongShape = (await (await h.app.request(`${BASE_URL}/healthz`)).json()) as { reason: string };
    expect(wrongShape.reason).toMatch(/^jobs\.json does not have the expected shape/);
    expect(h.sent.email).toHaveLength(2);
  });

  it('a jobs.json the server cannot open (here a directory) is reported the same way', async () => {
    await mkdir(jobsFile());
    const response = await h.app.request(`${BASE_URL}/healthz`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { reason: string }).reason).toMatch(/^jobs\.json cannot be read: EISDIR/);
  });

  it('the dashboard API says so in a way the board shows as a banner', async () => {
    await writeFile(jobsFile(), CORRUPT);
    const params = { MessageSid: 'SM1', From: '+15555550123', To: BUSINESS_NUMBER, Body: 'hi', NumMedia: '0' };
    expect((await postSigned(h.app, params)).status).toBe(503);
    const response = await h.app.request(`${BASE_URL}/api/track/tok001_abcdefghijklmnopqr`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ storeUnreadable: true });
  });
});
