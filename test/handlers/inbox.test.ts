/**
 * Nothing lost in a burst: texts that miss their write are parked under inbox/ and applied later, in one write, in
 * arrival order; a burst of texts is answered and recorded in well under one write per text (file store and S3).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ObjectStore } from '../../domain/ports';
import { applyParked, INBOX_PREFIX, parkText } from '../../handlers/inbox';
import { createS3HttpStore } from '../../handlers/s3-http-store';
import { JOBS_KEY } from '../../handlers/state';
import { runSweep } from '../../handlers/sweep';
import { startConditionalS3Proxy, type ConditionalS3Proxy } from '../support/conditional-s3-proxy';
import { BUSINESS_NUMBER, createHarness, postSigned, replyOf, type Harness } from '../support/harness';
import { S3RVER_CREDENTIALS, startS3rver, type RunningS3rver } from '../support/s3rver';
import { faultyStore } from '../support/store-fixtures';

const BUCKET = 'inbox-test';
let s3rver: RunningS3rver;
let proxy: ConditionalS3Proxy;
let h: Harness | null = null;

beforeAll(async () => {
  s3rver = await startS3rver([BUCKET]);
  proxy = await startConditionalS3Proxy(s3rver.endpoint);
});
afterAll(async () => {
  await proxy?.close();
  await s3rver?.close();
});
afterEach(async () => {
  await h?.close();
  h = null;
});

/** A store that remembers the body of every jobs.json write that landed. */
function recordingWrites(store: ObjectStore): ObjectStore & { readonly jobsWrites: string[] } {
  const jobsWrites: string[] = [];
  return {
    get: ((key: string, options?: { ifNoneMatch: string }) => (options ? store.get(key, options) : store.get(key))) as ObjectStore['get'],
    list: (prefix) => store.list(prefix),
    delete: (key) => store.delete(key),
    async put(key, body, condition, contentType) {
      const etag = await store.put(key, body, condition, contentType);
      if (key === JOBS_KEY) jobsWrites.push(body);
      return etag;
    },
    jobsWrites,
  };
}

const phone = (n: number) => `+1555557${String(n).padStart(4, '0')}`;
const sid = (n: number) => `SM${String(n).padStart(32, '0')}`;

let s3Stage = 0;
const stores = {
  file: (inner: ObjectStore) => inner,
  // The store Lambda uses (fetch + SigV4), as in production.
  s3: () =>
    createS3HttpStore({ bucket: BUCKET, prefix: `burst-${++s3Stage}/data`, region: 'us-east-1', endpoint: proxy.endpoint, credentials: S3RVER_CREDENTIALS }),
};

describe.each([
  ['file store', 'file', 200],
  ['S3 (s3rver behind the conditional proxy)', 's3', 100],
] as const)('a burst on the %s', (_, kind, size) => {
  it(`${size} customers texting at once are all answered, recorded and confirmed once, in well under one write per text`, async () => {
    let writes!: ReturnType<typeof recordingWrites>;
    h = await createHarness({ wrapStore: (inner) => (writes = recordingWrites(kind === 'file' ? stores.file(inner) : stores.s3())) });
    const harness = h;

    const responses = await Promise.all(
      Array.from({ length: size }, (_, n) =>
        postSigned(harness.app, { MessageSid: sid(n), From: phone(n), To: BUSINESS_NUMBER, Body: `ready tomorrow morning, ${100 + n} Oak St`, NumMedia: '0' }),
      ),
    );
    const replies = await Promise.all(responses.map(async (response) => replyOf(await response.text())));
    await runSweep(harness.deps); // whatever was parked is applied and its reply texted

    expect(responses.filter((response) => response.status !== 200)).toEqual([]);
    const { doc } = await harness.doc();
    const jobs = Object.values(doc.jobs);
    expect(new Set(jobs.map((job) => job.customer.phone))).toEqual(new Set(Array.from({ length: size }, (_, n) => phone(n))));
    expect(jobs).toHaveLength(size);
    // Confirmed exactly once: in the TwiML answer, or (when parked) by a text, never both and never twice.
    for (let n = 0; n < size; n++) {
      const byTwiml = replies[n]?.includes('Track it:') ? 1 : 0;
      const byText = harness.sent.sms.filter((sms) => sms.to === phone(n) && sms.body.includes('Track it:')).length;
      expect(byTwiml + byText, phone(n)).toBe(1);
    }
    const keys = [...harness.sent.sms, ...harness.sent.email].map((message) => message.key);
    expect(keys.length - new Set(keys).size).toBe(0);
    expect(writes.jobsWrites.length / size).toBeLessThan(0.5);
    expect(await harness.deps.store.list(INBOX_PREFIX)).toEqual([]);
  });
});

describe('texts that miss their write', () => {
  it('are parked and answered 200; the sweep applies them in one write, in arrival order per phone, and texts the replies', async () => {
    let faulty!: ReturnType<typeof faultyStore>;
    let writes!: ReturnType<typeof recordingWrites>;
    h = await createHarness({ wrapStore: (inner) => (faulty = faultyStore((writes = recordingWrites(inner)))) });
    faulty.arm({ count: 1000, kind: 'outage' }); // S3 failing every write of jobs.json
    const texts: [string, string][] = [
      [phone(1), 'ready this afternoon, Soderblom Ave'],
      [phone(2), 'pickup tomorrow morning, 12 Oak St'],
      [phone(1), 'actually tomorrow evening'],
    ];
    const answers: (string | null)[] = [];
    for (const [n, [from, body]] of texts.entries()) {
      h.clock.now = new Date(h.clock.now.getTime() + 60_000);
      const response = await postSigned(h.app, { MessageSid: sid(n), From: from, To: BUSINESS_NUMBER, Body: body, NumMedia: '0' });
      expect(response.status).toBe(200);
      answers.push(replyOf(await response.text()));
    }
    expect(answers).toEqual([null, null, null]);
    expect(await h.deps.store.list(INBOX_PREFIX)).toEqual([0, 1, 2].map((n) => `inbox/${sid(n)}.json`));
    // Twilio's retry of a parked text parks nothing new and is answered the same way.
    const retry = await postSigned(h.app, { MessageSid: sid(0), From: phone(1), To: BUSINESS_NUMBER, Body: texts[0]![1], NumMedia: '0' });
    expect(retry.status).toBe(200);

    faulty.arm({ count: 0 });
    const summary = await runSweep(h.deps);

    expect(summary).toMatchObject({ parkedApplied: 3, parkedKept: 0 });
    const applying = writes.jobsWrites.filter((body) => body.includes(sid(0)));
    expect([sid(1), sid(2)].every((other) => applying[0]!.includes(other))).toBe(true);
    const { doc } = await h.doc();
    const first = Object.values(doc.jobs).find((job) => job.customer.phone === phone(1))!;
    expect(first.messages.filter((m) => m.direction === 'in').map((m) => m.body)).toEqual([texts[0]![1], texts[2]![1]]);
    expect(first.window?.start).toMatch(/^2026-06-05T17:00:00/); // tomorrow evening: the later text won
    expect(h.sent.sms.map((sms) => [sms.to, sms.key])).toEqual([
      [phone(1), `${sid(0)}:reply:sms`],
      [phone(2), `${sid(1)}:reply:sms`],
      [phone(1), `${sid(2)}:reply:sms`],
    ]);
    expect(h.sent.sms[0]!.body).toMatch(/Track it: /);
    expect(await h.deps.store.list(INBOX_PREFIX)).toEqual([]);
    // Applying again changes nothing and texts nobody.
    await parkText(h.deps, { sid: sid(0), from: phone(1), to: BUSINESS_NUMBER, body: texts[0]![1], media: [] }, h.clock.now);
    const version = doc.version;
    expect(await applyParked(h.deps)).toEqual({ applied: 1, kept: 0 });
    expect((await h.doc()).doc.version).toBe(version);
    expect(h.sent.sms).toHaveLength(3);
  });

  it('a text whose write keeps being refused is parked when the time budget runs out, not after an attempt count', async () => {
    let faulty!: ReturnType<typeof faultyStore>;
    h = await createHarness({ wrapStore: (inner) => (faulty = faultyStore(inner)) });
    faulty.arm({ count: 100_000, kind: 'conflict' }); // another writer wins every time
    const started = Date.now();

    const response = await postSigned(h.app, { MessageSid: sid(5), From: phone(5), To: BUSINESS_NUMBER, Body: 'pickup tomorrow morning, 12 Oak St', NumMedia: '0' });

    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(12_000); // inside Twilio's 15 s
    expect(await h.deps.store.list(INBOX_PREFIX)).toEqual([`inbox/${sid(5)}.json`]);
    faulty.arm({ count: 0 });
    await runSweep(h.deps);
    expect(Object.values((await h.doc()).doc.jobs).map((job) => job.customer.phone)).toEqual([phone(5)]);
  });

  it('a reply to a parked text goes out at night too: quiet hours never hold an answer to the customer', async () => {
    let faulty!: ReturnType<typeof faultyStore>;
    h = await createHarness({ now: '2026-06-04T22:30:00-05:00', wrapStore: (inner) => (faulty = faultyStore(inner)) });
    faulty.arm({ count: 1000, kind: 'outage' });
    await postSigned(h.app, { MessageSid: sid(7), From: phone(7), To: BUSINESS_NUMBER, Body: 'pickup tomorrow morning, 12 Oak St', NumMedia: '0' });
    faulty.arm({ count: 0 });

    await runSweep(h.deps);

    expect(h.sent.sms.map((sms) => sms.to)).toEqual([phone(7)]);
  });

  it('the next text this process writes applies what it parked', async () => {
    let faulty!: ReturnType<typeof faultyStore>;
    h = await createHarness({ wrapStore: (inner) => (faulty = faultyStore(inner)) });
    faulty.arm({ count: 1000, kind: 'outage' });
    await postSigned(h.app, { MessageSid: sid(1), From: phone(1), To: BUSINESS_NUMBER, Body: 'pickup tomorrow morning, 12 Oak St', NumMedia: '0' });
    faulty.arm({ count: 0 });

    const next = await postSigned(h.app, { MessageSid: sid(2), From: phone(2), To: BUSINESS_NUMBER, Body: 'pickup tomorrow morning, 14 Oak St', NumMedia: '0' });
    expect(replyOf(await next.text())).toMatch(/Track it: /);

    for (let i = 0; i < 100 && (await h.deps.store.list(INBOX_PREFIX)).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    const { doc } = await h.doc();
    expect(Object.values(doc.jobs).map((job) => job.customer.phone).sort()).toEqual([phone(1), phone(2)]);
  });

  it('a change the document would refuse stays parked and is logged; the texts beside it are applied', async () => {
    const logged: string[] = [];
    h = await createHarness();
    const deps = { ...h.deps, log: (_: string, message: string) => void logged.push(message) };
    // A sender that slipped past the boundary un-normalised: a job for it would not be a valid record.
    await parkText(deps, { sid: 'SMbad', from: 'whatsapp:+15555550999', to: BUSINESS_NUMBER, body: 'pickup tomorrow morning, 9 Elm St', media: [] }, h.clock.now);
    await parkText(deps, { sid: 'SMgood', from: phone(3), to: BUSINESS_NUMBER, body: 'pickup tomorrow morning, 12 Oak St', media: [] }, h.clock.now);

    expect(await applyParked(deps)).toEqual({ applied: 1, kept: 1 });

    expect(await h.deps.store.list(INBOX_PREFIX)).toEqual(['inbox/SMbad.json']);
    const { doc } = await h.doc();
    expect(Object.values(doc.jobs).map((job) => job.customer.phone)).toEqual([phone(3)]);
    expect(doc.quarantine).toEqual([]);
    expect(logged).toContain('a parked item could not be applied; it stays parked');
  });

  it('a booking that misses its write is parked with its tracking link and booked by the sweep', async () => {
    let faulty!: ReturnType<typeof faultyStore>;
    h = await createHarness({ wrapStore: (inner) => (faulty = faultyStore(inner)) });
    faulty.arm({ count: 1000, kind: 'outage' });
    const response = await h.app.request('https://dispatch.example.com/api/book', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Dana', phone: '(555) 555-0177', address: '12 Oak St', day: '2026-06-05', part: 'morning' }),
    });
    expect(response.status).toBe(202);
    const answer = (await response.json()) as { trackingUrl: string };
    faulty.arm({ count: 0 });

    await runSweep(h.deps);

    const job = Object.values((await h.doc()).doc.jobs)[0]!;
    expect(answer.trackingUrl).toBe(`https://dispatch.example.com/track/${job.token}`);
    expect(job.customer.phone).toBe('+15555550177');
    expect(h.sent.sms.filter((sms) => sms.to === '+15555550177')).toHaveLength(1);
  });
});
