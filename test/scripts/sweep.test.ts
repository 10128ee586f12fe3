/**
 * `npm run -s sweep -- --now ISO` end to end: the real script in its own process against the local server's data
 * (a DATA_DIR the app under test also uses), texts through the real app signed like Twilio's, and what the
 * customer and crew received read from DATA_DIR/outbox/*.jsonl, as the README tells an owner to.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, replyOf, type Harness } from '../support/harness';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CUSTOMER = '+15555550123';
const SAM = '+15555550101';

let h: Harness;

/** Runs scripts/sweep.ts through tsx (what `npm run -s sweep` runs, without npm's start-up) with the server's DATA_DIR. */
function sweep(now: string, env: Record<string, string> = {}): Promise<{ code: number | null; summary: Record<string, unknown>; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sweep.ts', '--now', now], {
      cwd: REPO,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TZ: 'Pacific/Apia', // the machine's zone must not matter: --now is read in BUSINESS_TZ
        DATA_DIR: h.dir,
        PUBLIC_BASE_URL: 'https://dispatch.example.com',
        DISPATCH_EMAIL: 'dispatch@example.com',
        REVIEW_URL: 'https://g.page/r/qdn/review',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = stdout.trim().split('\n');
      resolve({ code, summary: lines.length === 1 && lines[0] ? JSON.parse(lines[0]) : { stdout }, stderr });
    });
  });
}

async function outbox(channel: 'sms' | 'email'): Promise<Record<string, string>[]> {
  const text = await readFile(join(h.dir, 'outbox', `${channel}.jsonl`), 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

async function say(at: string, from: string, body: string): Promise<string | null> {
  h.clock.now = new Date(at);
  return replyOf(await (await h.text(from, body)).text());
}

beforeAll(async () => {
  h = await createHarness({ now: '2026-06-01T09:00:00-05:00' });
  await h.setCrew({ crew: [{ name: 'Sam Rivera', phone: SAM, email: 'sam@example.com', roles: ['driver'] }] });
});
afterAll(() => h.close());

describe('npm run sweep -- --now plays a day forward against the server\'s data', () => {
  it('Monday 18:00: the reminder goes once, YES confirms, and the night sweep sends nothing', async () => {
    await say('2026-06-01T09:00:00-05:00', CUSTOMER, 'tomorrow afternoon, 14 Soderblom Ave');

    const evening = await sweep('2026-06-01T18:00');
    expect(evening.code, evening.stderr).toBe(0);
    expect(evening.summary).toMatchObject({ at: '2026-06-01T23:00:00.000Z', reminders: 1, attempted: 1, sent: 1, failed: 0 });
    expect((await outbox('sms')).map((line) => [line.to, line.body])).toEqual([
      [CUSTOMER, 'Reminder: QuickDumpNow comes tomorrow 12-5 PM to 14 Soderblom Ave. Reply YES to confirm or text a new time.'],
    ]);

    const again = await sweep('2026-06-01T18:01');
    expect(again.summary).toMatchObject({ reminders: 0, attempted: 0 });

    expect(await say('2026-06-01T18:05:00-05:00', CUSTOMER, 'YES')).toBe(
      "Thanks, you're confirmed: QuickDumpNow comes tomorrow 12-5 PM to 14 Soderblom Ave. See you then!",
    );
    const job = Object.values((await h.doc()).doc.jobs)[0]!;
    expect(job.confirmedAt).toBe('2026-06-01T23:05:00.000Z');
    const track = await (await h.app.request(`/api/track/${job.token}`)).json();
    expect(track).toMatchObject({ confirmed: true, etaText: null });

    // 23:30, while customers text the running server: the sweep and the server write the same jobs.json.
    const texts = Promise.all(
      ['+15555550131', '+15555550132', '+15555550133', '+15555550134'].map((from) => h.text(from, 'where r u')),
    );
    const [night] = await Promise.all([sweep('2026-06-01T23:30'), texts]);
    expect(night.summary).toMatchObject({ reminders: 0, digests: 0, late: 0, reviews: 0, attempted: 0 });
    expect((await h.doc()).doc.unmatched.filter((message) => message.direction === 'in')).toHaveLength(4);
    expect(await outbox('sms')).toHaveLength(1);
  }, 300_000);

  it('Tuesday: the crew digest at 07:00, the late alert at 12:30, and "omw 20" gives the customer an ETA', async () => {
    const job = Object.values((await h.doc()).doc.jobs)[0]!;
    const morning = await sweep('2026-06-02T07:00');
    expect(morning.summary).toMatchObject({ digests: 1, sent: 1 });
    expect((await outbox('sms')).at(-1)).toMatchObject({
      to: SAM,
      body: `Morning Sam!\nNo jobs of yours today.\nOpen to claim (1):\n${job.code} 12-5 PM 14 Soderblom Ave\nText 'claim ${job.code}' to take one, 'jobs' for the list.`,
    });

    const noon = await sweep('2026-06-02T12:30');
    expect(noon.summary).toMatchObject({ late: 1, sent: 1 });
    expect((await outbox('email')).at(-1)).toMatchObject({ to: 'dispatch@example.com', subject: `Late: ${job.code} - 14 Soderblom Ave, nobody on the way` });
    expect((await h.doc()).doc.jobs[job.id]!.lateAlertAt).toBe('2026-06-02T17:30:00.000Z');

    expect(await say('2026-06-02T12:40:00-05:00', SAM, `omw ${job.code} 20 min`)).toMatch(/^On the way to /);
    expect(h.sent.sms.at(-1)).toMatchObject({ to: CUSTOMER, body: `Sam from QuickDumpNow is on the way, about 20 min. Track it: https://dispatch.example.com/track/${job.token}` });
    const track = await (await h.app.request(`/api/track/${job.token}`)).json();
    expect(track).toMatchObject({ status: 'en_route', etaText: '1:00 PM' });
  }, 300_000);

  it('a bad --now is refused with the usage and exit code 2', async () => {
    const bad = await sweep('tuesday');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--now: "tuesday" is not an ISO 8601 date-time[\s\S]*Usage: npm run -s sweep/);
  }, 120_000);
});
