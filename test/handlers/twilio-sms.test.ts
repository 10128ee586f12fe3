/**
 * The `twilio` package adapter against a local stand-in for api.twilio.com (Twilio's servers cannot run here; the
 * stand-in answers with Twilio's documented shapes). The shared table is in test/support/twilio-sms-suite.ts.
 */
import RequestClient from 'twilio/lib/base/RequestClient.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioSms } from '../../handlers/twilio-sms';
import { ACCOUNT_SID, AUTH_TOKEN, startTwilioStandIn, type TwilioStandIn } from '../support/twilio-api';
import { describeTwilioSender } from '../support/twilio-sms-suite';

describeTwilioSender('Twilio through the twilio package', createTwilioSms);

describe('Twilio through the twilio package with its httpClient option', () => {
  let twilio: TwilioStandIn;
  beforeAll(async () => {
    twilio = await startTwilioStandIn();
  });
  afterAll(() => twilio.close());

  it('a RequestClient passed as httpClient carries the request (here: to the stand-in instead of api.twilio.com)', async () => {
    // The client's documented extension point: a RequestClient (sub)class. This one only changes the host.
    class LocalRequestClient extends RequestClient {
      override request<T>(opts: RequestClient.RequestOptions<T>) {
        return super.request({ ...opts, uri: opts.uri.replace('https://api.twilio.com', twilio.baseUrl) });
      }
    }
    const sms = createTwilioSms({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      from: '+15555550100',
      httpClient: new LocalRequestClient(),
    });

    const result = await sms.send({ to: '+15555550123', body: 'hi', key: 'k' });

    expect(result.ok).toBe(true);
    expect(twilio.requests.map((r) => r.path)).toEqual([`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`]);
  });
});
