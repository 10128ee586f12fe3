/**
 * One behaviour table for both Twilio SmsSenders (the `twilio` package adapter and the fetch adapter), run against
 * the local stand-in for api.twilio.com (test/support/twilio-api.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../domain/errors';
import type { SmsSender } from '../../domain/ports';
import type { TwilioOptions } from '../../handlers/twilio-result';
import { ACCOUNT_SID, AUTH_TOKEN, startTwilioStandIn, TWILIO_ERRORS, type Reply, type TwilioStandIn } from './twilio-api';

const FROM = '+15555550100';
const SERVICE = 'MG0123456789abcdef0123456789abcdef';
const CUSTOMER = '+15555550123';
const BODY = 'Sam from QuickDumpNow is on the way — track: https://example.com/track/abc?x=1&y=2 ✓';

export function describeTwilioSender(name: string, create: (options: TwilioOptions) => SmsSender): void {
  describe(name, () => {
    let twilio: TwilioStandIn;
    beforeAll(async () => {
      twilio = await startTwilioStandIn();
    });
    afterAll(() => twilio.close());
    beforeEach(() => {
      twilio.requests.length = 0;
    });

    const sender = (extra: Partial<TwilioOptions> = { from: FROM }) =>
      create({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: twilio.baseUrl, ...extra });

    it('a text reaches Twilio as the documented form POST and comes back with its Message sid', async () => {
      const result = await sender().send({ to: CUSTOMER, body: BODY, key: 'job_1:en_route:sms' });

      expect(twilio.requests).toHaveLength(1);
      const [request] = twilio.requests;
      expect(request?.method).toBe('POST');
      expect(request?.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
      expect(request?.authorization).toBe(`Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`);
      expect(request?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
      expect(request?.form).toEqual({ To: CUSTOMER, Body: BODY, From: FROM });
      expect(result).toEqual({ ok: true, providerId: expect.stringMatching(/^SM[0-9a-f]{32}$/) });
    });

    it('asks Twilio to post delivery status to our status callback URL', async () => {
      await sender({ from: FROM, statusCallback: 'https://dispatch.example.com/sms/status' }).send({ to: CUSTOMER, body: 'hi', key: 'k0' });
      expect(twilio.requests[0]?.form).toEqual({ To: CUSTOMER, Body: 'hi', From: FROM, StatusCallback: 'https://dispatch.example.com/sms/status' });
    });

    it('the sid returned is the one Twilio assigned', async () => {
      const first = await sender().send({ to: CUSTOMER, body: 'one', key: 'k1' });
      const second = await sender().send({ to: CUSTOMER, body: 'two', key: 'k2' });
      expect(first.ok && second.ok && first.providerId !== second.providerId).toBe(true);
    });

    it.each([
      ['a Messaging Service alone', { messagingServiceSid: SERVICE }, { MessagingServiceSid: SERVICE }],
      ['a number and a Messaging Service', { from: FROM, messagingServiceSid: SERVICE }, { From: FROM, MessagingServiceSid: SERVICE }],
    ])('sending through %s puts exactly those sender fields in the form', async (_label, options, fields) => {
      await sender(options).send({ to: CUSTOMER, body: 'hello', key: 'k' });
      expect(twilio.requests[0]?.form).toEqual({ To: CUSTOMER, Body: 'hello', ...fields });
    });

    it.each<[string, Reply, { retry: boolean; optedOut: boolean; mentions: string }]>([
      ['21610 unsubscribed recipient', { kind: 'json', status: 400, body: TWILIO_ERRORS.unsubscribed }, { retry: false, optedOut: true, mentions: '21610' }],
      ['21211 invalid To number', { kind: 'json', status: 400, body: TWILIO_ERRORS.invalidTo }, { retry: false, optedOut: false, mentions: '21211' }],
      ['20003 wrong credentials', { kind: 'json', status: 401, body: TWILIO_ERRORS.authentication }, { retry: false, optedOut: false, mentions: '20003' }],
      ['20429 too many requests', { kind: 'json', status: 429, body: TWILIO_ERRORS.tooManyRequests }, { retry: true, optedOut: false, mentions: '429' }],
      ['20500 internal error', { kind: 'json', status: 500, body: TWILIO_ERRORS.internal }, { retry: true, optedOut: false, mentions: '500' }],
      ['a 503 HTML page from a proxy', { kind: 'text', status: 503, body: '<html>Service Unavailable</html>' }, { retry: true, optedOut: false, mentions: '503' }],
      ['a dropped connection', { kind: 'hang-up' }, { retry: true, optedOut: false, mentions: 'request failed' }],
    ])('%s comes back as a value saying whether to retry', async (_label, reply, expected) => {
      twilio.reply(reply);
      const result = await sender().send({ to: CUSTOMER, body: 'hello', key: 'k' });
      expect(result).toEqual({ ok: false, retry: expected.retry, optedOut: expected.optedOut, error: expect.any(String) });
      expect(result.ok === false && result.error).toContain(expected.mentions);
    });

    it('an unreachable API is a retryable value, not an exception', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const { port } = closed.address() as AddressInfo;
      await new Promise((resolve) => closed.close(resolve));

      const result = await sender({ from: FROM, baseUrl: `http://127.0.0.1:${port}` }).send({ to: CUSTOMER, body: 'x', key: 'k' });
      expect(result).toEqual({ ok: false, retry: true, optedOut: false, error: expect.any(String) });
    });

    it.each([
      ['an account SID that is not AC…', { accountSid: 'SK0123456789abcdef0123456789abcdef' }, 'TWILIO_ACCOUNT_SID'],
      ['no sender at all', { from: null, messagingServiceSid: null }, 'TWILIO_FROM'],
    ])('%s is refused when the sender is created, naming the variable', (_label, options, variable) => {
      const attempt = () => sender({ from: FROM, ...options });
      expect(attempt).toThrow(ConfigError);
      expect(attempt).toThrow(variable);
    });
  });
}
