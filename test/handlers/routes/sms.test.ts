import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileStore } from '../../../handlers/file-store';
import { readJobs } from '../../../handlers/state';
import { readJobsDocument } from '../../../domain/document-records';
import { AUTH_TOKEN, BASE_URL, BUSINESS_NUMBER, createHarness, postSigned, replyOf, twilioSignature, type Harness } from '../../support/harness';

const CUSTOMER = '+15555550123';
let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

function params(body: string, extra: Record<string, string> = {}): Record<string, string> {
  // The fields Twilio documents for an inbound SMS webhook (a subset; every field is signed and checked).
  return {
    ToCountry: 'US',
    SmsMessageSid: 'SM11111111111111111111111111111111',
    NumMedia: '0',
    SmsSid: 'SM11111111111111111111111111111111',
    SmsStatus: 'received',
    Body: body,
    To: BUSINESS_NUMBER,
    NumSegments: '1',
    MessageSid: 'SM11111111111111111111111111111111',
    AccountSid: 'AC00000000000000000000000000000000',
    From: CUSTOMER,
    ApiVersion: '2010-04-01',
    ...extra,
  };
}

describe('POST /sms (Twilio webhook)', () => {
  it('books a pickup from a signed text and replies with TwiML holding the tracking link', async () => {
    const response = await postSigned(h.app, params('ready this afternoon, Soderblom Ave'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    const twiml = await response.text();
    expect(twiml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response><Message>/);
    const { doc } = await h.doc();
    const [job] = Object.values(doc.jobs);
    expect(job).toMatchObject({ status: 'ready_for_pickup', location: 'Soderblom Ave', customer: { phone: CUSTOMER } });
    expect(job!.window).toEqual({ start: '2026-06-04T12:00:00-05:00', end: '2026-06-04T17:00:00-05:00' });
    expect(replyOf(twiml)).toBe(`Thanks! QuickDumpNow has you down for today, 12-5 PM at Soderblom Ave. Track it: ${BASE_URL}/track/${job!.token}`);
  });

  it.each([
    ['no signature header', null],
    ['a signature made with the wrong auth token', twilioSignature('not-the-token', `${BASE_URL}/sms`, params('hi'))],
    ['garbage', 'AAAA'],
  ])('answers 403 and stores nothing for %s', async (_name, signature) => {
    const response = await postSigned(h.app, params('ready this afternoon, Soderblom Ave'), { signature });
    expect(response.status).toBe(403);
    expect((await h.doc()).etag).toBeNull(); // jobs.json was never written
  });

  it('rejects a correctly signed request whose body was changed on the way (forged)', async () => {
    const signed = params('status');
    const signature = twilioSignature(AUTH_TOKEN, `${BASE_URL}/sms`, signed);
    const response = await postSigned(h.app, { ...signed, Body: 'cancel my pickup' }, { signature });
    expect(response.status).toBe(403);
    expect((await h.doc()).etag).toBeNull();
  });

  it('checks the signature against PUBLIC_BASE_URL, not the Host the request arrived on (API Gateway host)', async () => {
    const p = params('where r u');
    const signature = twilioSignature(AUTH_TOKEN, `${BASE_URL}/sms`, p);
    const response = await postSigned(h.app, p, { signature, url: 'https://abc123.execute-api.us-east-1.amazonaws.com/sms' });
    expect(response.status).toBe(200);
  });

  it('a second delivery of the same text changes nothing and gets the same reply', async () => {
    const first = await (await postSigned(h.app, params('ready this afternoon, Soderblom Ave'))).text();
    const before = await h.doc();
    const second = await (await postSigned(h.app, params('ready this afternoon, Soderblom Ave'))).text();
    const after = await h.doc();
    expect(second).toBe(first);
    expect(after.etag).toBe(before.etag);
    expect(Object.keys(after.doc.jobs)).toHaveLength(1);
  });

  it('keeps the MessageSid of every inbound text on the job it affected', async () => {
    await postSigned(h.app, params('ready this afternoon, Soderblom Ave'));
    const { doc } = await h.doc();
    const job = Object.values(doc.jobs)[0]!;
    expect(job.messages.filter((m) => m.direction === 'in').map((m) => m.sid)).toEqual(['SM11111111111111111111111111111111']);
    expect(doc.inbound['SM11111111111111111111111111111111']).toMatchObject({ jobId: job.id });
  });

  it('answers STOP with an empty TwiML response and records the opt-out', async () => {
    const response = await postSigned(h.app, params('STOP', { OptOutType: 'STOP' }));
    expect(await response.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    expect((await h.doc()).doc.optOuts).toEqual([CUSTOMER]);
  });

  it('gives a malformed or unclear text a polite reply and keeps it for the dispatcher', async () => {
    const response = await postSigned(h.app, params('%%% ??? 🙃'));
    expect(replyOf(await response.text())).toBe('Thanks! A dispatcher at QuickDumpNow will get back to you shortly.');
    const { doc } = await h.doc();
    expect(doc.unmatched.map((m) => m.body)).toContain('%%% ??? 🙃');
    expect(h.sent.email.map((e) => e.to)).toEqual(['dispatch@example.com']);
  });

  it('refuses a signed request without MessageSid or From with 400', async () => {
    const p = params('hi');
    delete (p as Partial<typeof p>).MessageSid;
    delete (p as Partial<typeof p>).SmsMessageSid;
    const response = await postSigned(h.app, p);
    expect(response.status).toBe(400);
    expect((await h.doc()).etag).toBeNull();
  });

  it('keeps every photo of an MMS and accepts a photo-only message with an empty body', async () => {
    await postSigned(h.app, params('ready this afternoon, Soderblom Ave'));
    const media = {
      NumMedia: '3',
      MessageSid: 'SM22222222222222222222222222222222',
      ...Object.fromEntries([0, 1, 2].flatMap((i) => [[`MediaUrl${i}`, `https://api.twilio.com/media/ME${i}`], [`MediaContentType${i}`, 'image/jpeg']])),
    };
    const response = await postSigned(h.app, params('', media));
    expect(replyOf(await response.text())).toMatch(/^Thanks, we got your 3 photos for your pickup at .+\.$/);
    const job = Object.values((await h.doc()).doc.jobs)[0]!;
    expect(job.photos.map((p) => p.url)).toEqual(['https://api.twilio.com/media/ME0', 'https://api.twilio.com/media/ME1', 'https://api.twilio.com/media/ME2']);
    expect(job.photos.every((p) => p.kind === 'customer')).toBe(true);
  });

  it('loses nothing when 50 customers text at once (file store, compare-and-swap)', async () => {
    const numbers = Array.from({ length: 50 }, (_, i) => `+1555556${String(i).padStart(4, '0')}`);
    const responses = await Promise.all(
      numbers.map((from, i) =>
        postSigned(h.app, params(`ready tomorrow morning, ${100 + i} Oak St`, { From: from, MessageSid: `SM${String(i).padStart(32, '0')}` })),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(numbers.map(() => 200));
    const { doc } = await h.doc();
    const jobs = Object.values(doc.jobs);
    expect(jobs).toHaveLength(50);
    expect(new Set(jobs.map((j) => j.customer.phone))).toEqual(new Set(numbers));
    expect(new Set(jobs.map((j) => j.code)).size).toBe(50);
    expect(new Set(jobs.map((j) => j.location))).toEqual(new Set(numbers.map((_, i) => `${100 + i} Oak St`)));
  });

  it.each([
    ['a WhatsApp sender', 'whatsapp:+15555550123'],
    ['a short code', '12345'],
    ['a number with a trailing space', '5555550123 '],
    ['a country code of 0', '+05555550123'],
    ['a Messenger sender', 'messenger:1234567890123456'],
    ['an alphanumeric sender id', 'ACMEALERTS'],
  ])('%s gets no server error and the service keeps working for everyone else', async (_, from) => {
    const odd = await postSigned(h.app, params('ready this afternoon, Soderblom Ave', { From: from, MessageSid: 'SModd' }));
    expect(odd.status).toBe(200);

    const next = await postSigned(h.app, params('ready tomorrow morning, 12 Oak St', { From: '+15555550188', MessageSid: 'SMnext' }));
    expect(next.status).toBe(200);
    expect(replyOf(await next.text())).toMatch(/Track it: /);
    const { doc } = await h.doc();
    const token = Object.values(doc.jobs).find((job) => job.customer.phone === '+15555550188')!.token;
    expect((await h.app.request(`${BASE_URL}/api/track/${token}`)).status).toBe(200);
    expect(doc.quarantine).toEqual([]);
    // What a later, separate read of the file makes of it: every record still valid, even checked one by one.
    expect((await readJobs(createFileStore(h.dir))).doc.quarantine).toEqual([]);
    expect((await validatedFromDisk(h)).quarantine).toEqual([]);
  });

  it('a WhatsApp text books for the phone number behind it and keeps the channel on the message', async () => {
    const response = await postSigned(h.app, params('ready this afternoon, Soderblom Ave', { From: `whatsapp:${CUSTOMER}`, To: `whatsapp:${BUSINESS_NUMBER}` }));

    expect(replyOf(await response.text())).toMatch(/Track it: /);
    const job = Object.values((await h.doc()).doc.jobs)[0]!;
    expect(job.customer.phone).toBe(CUSTOMER);
    expect(job.messages.map((m) => [m.direction, m.from, m.to, m.channel])).toEqual([
      ['in', CUSTOMER, BUSINESS_NUMBER, 'whatsapp'],
      ['out', BUSINESS_NUMBER, CUSTOMER, 'whatsapp'],
    ]);
  });

  it.each(['12345', 'ACMEALERTS', 'messenger:1234567890123456'])(
    'a text from %s is kept for the dispatcher but never becomes a customer or gets a text',
    async (from) => {
      const response = await postSigned(h.app, params('STOP', { From: from }));
      await postSigned(h.app, params('ready this afternoon, Soderblom Ave', { From: from, MessageSid: 'SMsecond' }));

      expect(replyOf(await response.text())).toBeNull();
      const { doc } = await h.doc();
      expect(doc.jobs).toEqual({});
      expect(doc.optOuts).toEqual([]);
      expect(doc.unmatched.map((m) => [m.direction, m.from, m.body])).toEqual([
        ['in', from, 'STOP'],
        ['in', from, 'ready this afternoon, Soderblom Ave'],
      ]);
      expect(doc.outbox.filter((item) => item.to === from)).toEqual([]);
      expect(h.sent.sms).toEqual([]);
    },
  );

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'a MessageSid of "%s" is an ordinary text: handled once, remembered across reads',
    async (sid) => {
      const first = await postSigned(h.app, params('ready this afternoon, Soderblom Ave', { MessageSid: sid }));
      const reply = replyOf(await first.text());
      const again = await postSigned(h.app, params('ready this afternoon, Soderblom Ave', { MessageSid: sid }));

      expect(first.status).toBe(200);
      expect(reply).toMatch(/Track it: /);
      expect(replyOf(await again.text())).toBe(reply);
      const fromDisk = (await readJobs(createFileStore(h.dir))).doc;
      expect(Object.hasOwn(fromDisk.inbound, sid)).toBe(true);
      expect(Object.values(fromDisk.jobs)).toHaveLength(1);
      expect(Object.values(fromDisk.jobs)[0]!.messages.filter((m) => m.direction === 'in')).toHaveLength(1);
      expect(fromDisk.quarantine).toEqual([]);
      const validated = await validatedFromDisk(h);
      expect([Object.hasOwn(validated.inbound, sid), validated.quarantine]).toEqual([true, []]);
    },
  );
});

/** jobs.json as written, every record validated (not trusted through its seal, handlers/jobs-seal.ts). */
async function validatedFromDisk(harness: Harness) {
  return readJobsDocument(await readFile(path.join(harness.dir, 'jobs.json'), 'utf8'));
}
