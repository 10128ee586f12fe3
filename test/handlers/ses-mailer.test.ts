/**
 * The SES mailer against a real aws-ses-v2-local started here, and its error mapping against SES's documented
 * awsQuery error responses (aws-ses-v2-local never answers with those: it only rejects malformed requests, with a
 * JSON 400), parsed by the real SDK from a small local server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SESClient } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSesMailer, sesClientFromConfig } from '../../handlers/ses-mailer';
import { startSesLocal, type RunningSesLocal } from '../support/ses-local';

const FROM = 'QuickDumpNow <dispatch@example.com>';

describe('SES mailer with aws-ses-v2-local', () => {
  let ses: RunningSesLocal;
  beforeAll(async () => {
    ses = await startSesLocal();
  });
  afterAll(() => ses.close());

  it('an email arrives with its sender, recipient, subject and UTF-8 plain-text body', async () => {
    const mailer = createSesMailer({ client: sesClientFromConfig({ region: 'us-east-1', endpoint: ses.endpoint }), from: FROM });
    const email = {
      to: 'sam@example.com',
      subject: 'New job K7Q2 — 12 Elm St',
      body: 'Couch + 3 boxes, window 9–11am.\nClaim it: text "claim K7Q2". ✓',
      key: 'job_1:created:email:sam@example.com',
    };

    const result = await mailer.send(email);

    expect(result).toEqual({ ok: true, providerId: expect.any(String) });
    const arrived = (await ses.emails()).find((e) => result.ok && e.messageId === result.providerId);
    expect(arrived).toMatchObject({
      from: FROM,
      destination: { to: ['sam@example.com'], cc: [], bcc: [] },
      subject: email.subject,
      body: { text: email.body },
    });
    expect(arrived?.body.html).toBeUndefined();
  });

  it('an email SES refuses outright (HTTP 400) is a failure that is not retried', async () => {
    // aws-ses-v2-local rejects a SendEmail without a subject; our notifications always have one.
    const mailer = createSesMailer({ client: sesClientFromConfig({ region: 'us-east-1', endpoint: ses.endpoint }), from: FROM });
    const before = (await ses.emails()).length;

    const result = await mailer.send({ to: 'sam@example.com', subject: '', body: 'x', key: 'k' });

    expect(result).toEqual({ ok: false, retry: false, optedOut: false, error: expect.stringContaining('400') });
    expect(await ses.emails()).toHaveLength(before);
  });
});

describe('SES mailer error mapping (SES error responses)', () => {
  let reply: { status: number; code: string; message: string; type: 'Sender' | 'Receiver' };
  let server: Server;
  let endpoint: string;
  beforeAll(async () => {
    // SES's query-protocol error document, as the SDK expects it from email.<region>.amazonaws.com.
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(reply.status, { 'Content-Type': 'text/xml' }).end(
          `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>${reply.type}</Type>` +
            `<Code>${reply.code}</Code><Message>${reply.message}</Message></Error>` +
            `<RequestId>0f3a5c1e-0000-4000-8000-000000000000</RequestId></ErrorResponse>`,
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([
    [400, 'Sender', 'MessageRejected', 'Email address is not verified. The following identities failed the check in region US-EAST-1: dispatch@example.com', false],
    [400, 'Sender', 'MailFromDomainNotVerifiedException', 'The MAIL FROM domain is not verified.', false],
    [400, 'Sender', 'InvalidParameterValue', "Missing final '@domain'", false],
    [400, 'Sender', 'AccountSendingPausedException', 'Sending is paused for this account.', false],
    [400, 'Sender', 'Throttling', 'Maximum sending rate exceeded.', true],
    [400, 'Sender', 'Throttling', 'Daily message quota exceeded.', true],
    [500, 'Receiver', 'InternalFailure', 'An internal error occurred.', true],
    [503, 'Receiver', 'ServiceUnavailable', 'Service is unavailable.', true],
  ] as const)('HTTP %i %s %s "%s" → retry: %s', async (status, type, code, message, retry) => {
    reply = { status, type, code, message };
    const client = new SESClient({ region: 'us-east-1', endpoint, maxAttempts: 1, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });

    const result = await createSesMailer({ client, from: FROM }).send({ to: 'sam@example.com', subject: 's', body: 'b', key: 'k' });

    expect(result).toEqual({ ok: false, retry, optedOut: false, error: expect.stringContaining(code) });
    expect(result.ok === false && result.error).toContain(message);
  });

  it('an SES endpoint nobody answers on is a retryable value, not an exception', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    const mailer = createSesMailer({ client: sesClientFromConfig({ region: 'us-east-1', endpoint: `http://127.0.0.1:${port}` }), from: FROM });
    const result = await mailer.send({ to: 'sam@example.com', subject: 's', body: 'b', key: 'k' });

    expect(result).toEqual({ ok: false, retry: true, optedOut: false, error: expect.any(String) });
  });
});
