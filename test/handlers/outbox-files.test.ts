/** Local delivery: texts and emails appended to DATA_DIR/outbox/*.jsonl, read back by the /dev page. */
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileMailer, createFileSms, outboxFilePath, readOutboxFile } from '../../handlers/outbox-files';

const AT = new Date('2026-05-04T15:30:00.000Z');
const clock = () => AT;

let dataDir: string;
beforeEach(async () => {
  dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'outbox-')), 'data');
});
afterEach(async () => {
  await rm(path.dirname(dataDir), { recursive: true, force: true });
});

describe('outbox files', () => {
  it('a text becomes one JSON line in DATA_DIR/outbox/sms.jsonl with to, body, at and key', async () => {
    const result = await createFileSms(dataDir, clock).send({ to: '+15555550123', body: 'Sam is on the way ✓\n"now"', key: 'job_1:en_route:sms' });

    expect(result).toEqual({ ok: true, providerId: null });
    expect(await readFile(path.join(dataDir, 'outbox', 'sms.jsonl'), 'utf8')).toBe(
      '{"to":"+15555550123","body":"Sam is on the way ✓\\n\\"now\\"","at":"2026-05-04T15:30:00.000Z","key":"job_1:en_route:sms"}\n',
    );
  });

  it('an email becomes one JSON line in DATA_DIR/outbox/email.jsonl with to, subject, body, at and key', async () => {
    await createFileMailer(dataDir, clock).send({ to: 'sam@example.com', subject: 'New job K7Q2', body: 'Couch, 12 Elm St', key: 'job_1:created:email' });

    expect(await readFile(outboxFilePath(dataDir, 'email'), 'utf8')).toBe(
      '{"to":"sam@example.com","subject":"New job K7Q2","body":"Couch, 12 Elm St","at":"2026-05-04T15:30:00.000Z","key":"job_1:created:email"}\n',
    );
    expect(await readOutboxFile(dataDir, 'email')).toEqual([
      { to: 'sam@example.com', subject: 'New job K7Q2', body: 'Couch, 12 Elm St', at: '2026-05-04T15:30:00.000Z', key: 'job_1:created:email' },
    ]);
  });

  it('texts read back in the order they were sent, each stamped by the clock', async () => {
    let minute = 0;
    const sms = createFileSms(dataDir, () => new Date(Date.UTC(2026, 4, 4, 15, minute++)));
    await sms.send({ to: '+15555550123', body: 'first', key: 'a' });
    await sms.send({ to: '+15555550124', body: 'second', key: 'b' });

    expect(await readOutboxFile(dataDir, 'sms')).toEqual([
      { to: '+15555550123', body: 'first', at: '2026-05-04T15:00:00.000Z', key: 'a' },
      { to: '+15555550124', body: 'second', at: '2026-05-04T15:01:00.000Z', key: 'b' },
    ]);
  });

  it('two hundred texts sent at once give two hundred whole lines', async () => {
    const sms = createFileSms(dataDir, clock);
    const bodies = Array.from({ length: 200 }, (_, i) => `${i}:`.padEnd(8_000, String.fromCharCode(97 + (i % 26))));

    const results = await Promise.all(bodies.map((body, i) => sms.send({ to: '+15555550123', body, key: `k${i}` })));

    expect(results.every((r) => r.ok)).toBe(true);
    const raw = (await readFile(outboxFilePath(dataDir, 'sms'), 'utf8')).split('\n');
    expect(raw.pop()).toBe('');
    expect(raw).toHaveLength(200);
    const lines = raw.map((line) => JSON.parse(line) as { body: string; key: string });
    expect(new Set(lines.map((l) => l.key)).size).toBe(200);
    expect(lines.every((l) => l.body === bodies[Number(l.key.slice(1))])).toBe(true);
  });

  it('nothing sent yet reads as an empty outbox', async () => {
    expect(await readOutboxFile(dataDir, 'sms')).toEqual([]);
    expect(await readOutboxFile(dataDir, 'email')).toEqual([]);
  });

  it('a line torn by a crash mid-write is skipped and the rest still reads', async () => {
    const sms = createFileSms(dataDir, clock);
    await sms.send({ to: '+15555550123', body: 'whole', key: 'a' });
    await appendFile(outboxFilePath(dataDir, 'sms'), '{"to":"+1555555');

    expect((await readOutboxFile(dataDir, 'sms')).map((l) => l.body)).toEqual(['whole']);
  });

  it('a DATA_DIR that cannot hold an outbox gives a retryable failure, not an exception', async () => {
    await writeFile(path.dirname(dataDir) + '/file', 'not a directory');
    const result = await createFileSms(path.dirname(dataDir) + '/file', clock).send({ to: '+15555550123', body: 'x', key: 'k' });

    expect(result).toEqual({ ok: false, retry: true, optedOut: false, error: expect.stringContaining('sms.jsonl') });
  });
});
