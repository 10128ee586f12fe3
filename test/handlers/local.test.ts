/**
 * Smoke test of `npm start` as a user runs it: a real process on a free port, texted with `npm run text`'s
 * signing code, then the tracking link followed through the edge function to the page and its API.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_TWILIO_AUTH_TOKEN } from '../../handlers/config';
import { sendText } from '../../scripts/text';

let server: ChildProcess;
let dataDir: string;
let baseUrl: string;
let output = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sms-dispatcher-smoke-'));
  const port = await freePort();
  baseUrl = `http://localhost:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', 'handlers/local.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, TWILIO_AUTH_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 45_000;
  while (!output.includes('running at')) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 60_000);

afterAll(async () => {
  server?.kill();
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('prints where it runs and a one-time dashboard password', () => {
    expect(output).toContain(`dispatcher running at ${baseUrl}`);
    expect(output).toMatch(/dashboard password \(this run only.*\): \S{16,}/);
  });

  it('answers a signed text, keeps the job in DATA_DIR/jobs.json, and the tracking link opens the page', async () => {
    const result = await sendText({ baseUrl, authToken: LOCAL_TWILIO_AUTH_TOKEN, from: '+15555550123', to: '+15555550100', body: 'ready tomorrow afternoon, 12 Oak St' });
    expect(result.status).toBe(200);
    const link = /Track it: (\S+)$/.exec(result.reply)?.[1];
    expect(link).toMatch(new RegExp(`^${baseUrl}/track/[A-Za-z0-9_-]{24}$`));

    const doc = JSON.parse(await readFile(join(dataDir, 'jobs.json'), 'utf8'));
    expect(Object.values(doc.jobs).map((job: any) => job.location)).toEqual(['12 Oak St']);

    const page = await fetch(link!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('src="/track.js"');
    const token = link!.split('/').pop();
    const api = await (await fetch(`${baseUrl}/api/track/${token}`)).json();
    expect(api).toMatchObject({ status: 'ready_for_pickup', location: '12 Oak St', windowText: 'Tomorrow, 12–5 PM' });
  });

  it('listens on 127.0.0.1 by default, and says nothing about other devices', () => {
    expect(output).not.toContain('WARNING');
  });

  it('refuses /dev and the dashboard for a Host other than this machine (DNS rebinding) with 421', async () => {
    const { request } = await import('node:http');
    const get = (path: string, host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: new URL(baseUrl).port, path, headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    for (const path of ['/dev/api/outbox', '/dev.html', '/dashboard', '/api/jobs']) {
      expect(await get(path, 'rebind.evil.example:' + new URL(baseUrl).port), path).toBe(421);
    }
    expect(await get('/dev/api/outbox', `localhost:${new URL(baseUrl).port}`)).toBe(200);
    expect(await get('/dev/api/outbox', `127.0.0.1:${new URL(baseUrl).port}`)).toBe(200);
  });

  it('answers an unsigned 300 MB POST to /sms with 413 before reading it', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: new URL(baseUrl).port, path: '/sms', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(300 * 1024 * 1024) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', (error) => (String(error).includes('socket hang up') || String(error).includes('EPIPE') ? undefined : reject(error)));
      req.write('x'.repeat(1024)); // 1 KB sent; the server must answer without waiting for the other 299.99 MB
    });
    expect(status).toBe(413);
  });

  it.each(['/%zz', '/%', '/track/%ff'])('answers %s with 400, not 500', async (path) => {
    expect((await fetch(`${baseUrl}${path}`)).status).toBe(400);
  });

  it('`npm run text --url http://127.0.0.1:PORT` is signed for the URL it posts to, and accepted', async () => {
    const direct = baseUrl.replace('localhost', '127.0.0.1');
    const result = await sendText({ baseUrl: direct, authToken: LOCAL_TWILIO_AUTH_TOKEN, from: '+15555550123', to: '+15555550100', body: 'where r u' });
    expect(result.status).toBe(200);
    expect(result.reply).not.toBe('');
  });

  it('refuses an unsigned text with 403', async () => {
    const response = await fetch(`${baseUrl}/sms`, { method: 'POST', body: 'From=%2B15555550123&Body=hi&MessageSid=SM1' });
    expect(response.status).toBe(403);
  });
});
