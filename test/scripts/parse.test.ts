import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the CLI the way the README says (`npx tsx scripts/parse.ts ...`), optionally feeding stdin. */
function run(args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/parse.ts', ...args], { cwd: REPO, env: { ...process.env, TZ: 'Pacific/Apia' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

const NOW = ['--now', '2026-06-04T09:30:00-05:00'];
/** The fields a plain text leaves empty. */
const EMPTY = { topic: null, items: [], notes: [], language: 'en', excludedDays: [], relation: null, lateForToday: false };

describe('npm run parse', () => {
  it('prints one line of JSON: intent, topic, window, location, jobCode, amountCents, items, notes, language, excludedDays, relation, lateForToday', async () => {
    const { code, stdout, stderr } = await run([...NOW, 'ready this afternoon, Soderblom Ave']);
    expect({ code, stderr: stderr.replace(/npm warn.*\n/g, '') }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      '{"intent":"pickup","topic":null,"window":{"start":"2026-06-04T12:00:00-05:00","end":"2026-06-04T17:00:00-05:00"},' +
        '"location":"Soderblom Ave","jobCode":null,"amountCents":null,"items":[],"notes":[],"language":"en",' +
        '"excludedDays":[],"relation":null,"lateForToday":false}\n',
    );
  });

  it('reports questions with their topic, items, notes, Spanish, days ruled out, also/instead and a late today', async () => {
    const lines = [
      '{"text":"how much for a couch?"}',
      '{"text":"a piano and 2 mattresses, back alley"}',
      '{"text":"recojan mi sofa manana en la tarde"}',
      `{"text":"I'm not home tomorrow, can we do next Monday?"}`,
      '{"text":"also need a pickup at 20 Cedar Ave"}',
      '{"text":"need a pickup today","now":"2026-06-04T22:40:00-05:00"}',
      '{"text":"thanks!"}',
    ].join('\n');
    const { stdout } = await run(['--stdin', ...NOW], lines);
    const out = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(out[0]).toMatchObject({ intent: 'question', topic: 'price', window: null, items: [{ name: 'couch', count: 1 }] });
    expect(out[1]).toMatchObject({ intent: 'pickup', items: [{ name: 'piano', count: 1 }, { name: 'mattress', count: 2 }], notes: ['back alley'] });
    expect(out[2]).toMatchObject({ intent: 'pickup', language: 'es', window: { start: '2026-06-05T12:00:00-05:00' } });
    expect(out[3]).toMatchObject({ excludedDays: ['2026-06-05'], window: { start: '2026-06-08T08:00:00-05:00' } });
    expect(out[4]).toMatchObject({ relation: 'also', location: '20 Cedar Ave' });
    expect(out[5]).toMatchObject({ lateForToday: true, window: { start: '2026-06-05T08:00:00-05:00' } });
    expect(out[6]).toMatchObject({ intent: 'other' });
  });

  it('reads --role crew and --tz, and a --now without offset as wall-clock time in --tz', async () => {
    const crew = await run(['--role', 'crew', 'price 9rz4 $450']);
    expect(JSON.parse(crew.stdout)).toEqual({ ...EMPTY, intent: 'price', window: null, location: null, jobCode: '9RZ4', amountCents: 45000 });

    const ny = await run(['--now', '2026-06-04T09:30', '--tz', 'America/New_York', 'tmrw am 12 Oak St']);
    expect(JSON.parse(ny.stdout)).toEqual({
      ...EMPTY,
      intent: 'pickup',
      window: { start: '2026-06-05T08:00:00-04:00', end: '2026-06-05T12:00:00-04:00' },
      location: '12 Oak St',
      jobCode: null,
      amountCents: null,
    });
  });

  it('--stdin: one result per line, an error object for a bad line, and carries on; exit 0', async () => {
    const lines = [
      '{"text":"OMW #K7Q2","role":"crew"}',
      'not json',
      '',
      '{"text":"tmrw am 12 Oak St"}',
      '{"text":42}',
      '{"text":"9am","now":"2026-06-04T23:00:00-05:00"}',
      '{"text":"tmrw am","tz":"Nowhere/Land"}',
      '{"text":"hi","role":"boss"}',
      '["text"]',
    ].join('\n');
    const { code, stdout } = await run(['--stdin', ...NOW], lines);
    expect(code).toBe(0);
    const out = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(out).toHaveLength(8);
    expect(out[0]).toEqual({ ...EMPTY, intent: 'en_route', window: null, location: null, jobCode: 'K7Q2', amountCents: null });
    expect(out[1]).toEqual({ error: expect.stringMatching(/not JSON/) });
    expect(out[2]).toMatchObject({ intent: 'pickup', location: '12 Oak St', window: { start: '2026-06-05T08:00:00-05:00' } });
    expect(out[3]).toEqual({ error: expect.stringMatching(/"text" must be a string/) });
    expect(out[4]).toMatchObject({ window: { start: '2026-06-05T09:00:00-05:00', end: '2026-06-05T11:00:00-05:00' } });
    expect(out[5]).toEqual({ error: expect.stringMatching(/Nowhere\/Land.*time zone/) });
    expect(out[6]).toEqual({ error: expect.stringMatching(/"role".*customer.*crew/) });
    expect(out[7]).toEqual({ error: expect.stringMatching(/not a JSON object/) });
  });

  it.each([
    [['--role', 'boss', 'hi'], /--role: must be "customer" or "crew"/],
    [['--tz', 'Mars/Olympus', 'hi'], /--tz: "Mars\/Olympus" is not an IANA time zone/],
    [['--now', 'yesterday', 'hi'], /--now: "yesterday" is not an ISO 8601 date-time/],
    [['--bogus', 'hi'], /Unknown option '--bogus'/],
    [[], /no text given/],
  ])('bad flags %j → a clear message on stderr and exit 2', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/Usage: npm run -s parse/);
  });
});
