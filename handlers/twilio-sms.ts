/**
 * SmsSender over the official `twilio` package: POST /2010-04-01/Accounts/{AccountSid}/Messages.json.
 *
 * Bundle size decides how it is imported. `import twilio from 'twilio'` and `twilio/lib/rest/Twilio` both bundle
 * every Twilio product (~3.6 MB minified: the domain getters `require()` lazily, but esbuild still follows them).
 * So this file builds the one resource it needs from the same parts the generated code uses (rest/api/V2010.js:
 * `new Version(domain, "2010-04-01")`; v2010/account.js: `MessageListInstance(version, accountSid)`), which
 * still weighs ~420 KB because BaseTwilio always pulls in RequestClient (axios, form-data/mime-db, jsonwebtoken).
 * twilio-sms-fetch.ts is the small alternative; both pass the same tests.
 *
 * Idempotency: the Messages API documents no idempotency key (twilio-node 6.2's create options have none; the
 * I-Twilio-Idempotency-Token header is one Twilio *sends* on webhooks). The outbox key therefore cannot reach
 * Twilio: a send whose response is lost (timeout after Twilio accepted it) can be delivered twice when the sweep
 * retries it. The client's own 429 auto-retry stays off so the outbox sweep is the only retry loop.
 *
 * Note: the twilio client also reads TWILIO_REGION, TWILIO_EDGE, TWILIO_LOG_LEVEL, HTTP_PROXY and
 * TWILIO_CA_BUNDLE from process.env by itself; they are not part of our Config.
 */
import BaseTwilio from 'twilio/lib/base/BaseTwilio.js';
import DomainModule from 'twilio/lib/base/Domain.js';
import VersionModule from 'twilio/lib/base/Version.js';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import type V2010 from 'twilio/lib/rest/api/V2010.js';
import { MessageListInstance, type MessageListInstanceCreateOptions } from 'twilio/lib/rest/api/v2010/account/message.js';
import type { Sms, SendResult, SmsSender } from '../domain/ports';
import { checkTwilioOptions, twilioFailure, TWILIO_API, type TwilioOptions } from './twilio-result';

export interface TwilioSmsOptions extends TwilioOptions {
  /** Twilio's RequestClient or a subclass (the client's documented `httpClient` option). Default: its own. */
  readonly httpClient?: RequestClient;
  /** Per-request timeout. Default 10 s: well inside a Lambda timeout, so a hung call still becomes a value. */
  readonly timeoutMs?: number;
}

/**
 * Texts through Twilio's REST client. Failures come back as values (see twilioFailure); 21610 marks opt-out.
 * Throws ConfigError at creation for an account SID, token or sender that cannot work.
 * @example await createTwilioSms({ accountSid, authToken, from: '+15555550100' }).send({ to, body, key })
 */
export function createTwilioSms(options: TwilioSmsOptions): SmsSender {
  checkTwilioOptions(options);
  const client = new BaseTwilio.Client(options.accountSid, options.authToken, {
    httpClient: options.httpClient,
    timeout: options.timeoutMs ?? 10_000,
    autoRetry: false,
  });
  const Domain = cjsDefault(DomainModule);
  const Version = cjsDefault(VersionModule);
  const version = new Version(new Domain(client, options.baseUrl ?? TWILIO_API), '2010-04-01');
  // MessageListInstance is typed to take V2010, but only calls Version's own methods (create, setPromiseCallback);
  // constructing V2010 itself would bundle every other v2010 resource (calls, conferences, …).
  const messages = MessageListInstance(version as V2010, options.accountSid);

  return {
    async send(sms: Sms): Promise<SendResult> {
      const params: MessageListInstanceCreateOptions = { to: sms.to, body: sms.body };
      if (options.from) params.from = options.from;
      if (options.messagingServiceSid) params.messagingServiceSid = options.messagingServiceSid;
      if (options.statusCallback) params.statusCallback = options.statusCallback;
      try {
        const message = await messages.create(params);
        return { ok: true, providerId: message.sid };
      } catch (error) {
        return twilioFailure(describeError(error));
      }
    },
  };
}

/**
 * Twilio's exceptions (RestException, TwilioServiceException) carry the HTTP `status` and Twilio `code`.
 * Anything without a status never got an HTTP answer: axios network errors (ECONNREFUSED, ECONNRESET, timeout).
 */
function describeError(error: unknown): { status: number | null; code: number | null; message: string } {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const status = typeof fields.status === 'number' ? fields.status : null;
  const code = typeof fields.code === 'number' ? fields.code : null;
  const message =
    (typeof fields.message === 'string' && fields.message) ||
    (typeof fields.code === 'string' ? fields.code : String(error));
  return { status, code, message };
}

/**
 * These twilio files are CommonJS with `exports.default`. esbuild and vitest hand over `exports.default` as the
 * default import; Node's own ESM loader (tsx, `npm start`) hands over the whole `exports` object. Accept both.
 */
function cjsDefault<T>(imported: T): T {
  return (imported as { default?: T }).default ?? imported;
}
