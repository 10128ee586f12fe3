/**
 * SmsSender that calls Twilio's documented REST endpoint with fetch, without the `twilio` package:
 * POST {baseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json, HTTP Basic auth (AccountSid:AuthToken),
 * form fields To, Body and From and/or MessagingServiceSid; 201 with the Message JSON (its `sid` is SM…), or an
 * error JSON `{ code, message, more_info, status }`.
 *
 * Why it exists: the REST client adds ~420 KB to the Lambda bundle (see twilio-sms.ts); this adds ~2 KB.
 * Same retry rules (twilio-result.ts), same tests (test/support/twilio-sms-suite.ts).
 *
 * Idempotency: the Messages API documents no idempotency key, so the outbox key is not sent (see twilio-sms.ts).
 */
import type { Sms, SendResult, SmsSender } from '../domain/ports';
import { checkTwilioOptions, twilioFailure, TWILIO_API, type TwilioOptions } from './twilio-result';

export interface TwilioSmsFetchOptions extends TwilioOptions {
  /** Default: the global fetch (Node 18+). */
  readonly fetch?: typeof fetch;
  /** Per-request timeout. Default 10 s, so a hung call becomes a retryable value well inside a Lambda timeout. */
  readonly timeoutMs?: number;
}

/**
 * Texts through Twilio's REST API with plain fetch. Failures come back as values; 21610 marks opt-out.
 * Throws ConfigError at creation for an account SID, token or sender that cannot work.
 * @example await createTwilioSmsFetch({ accountSid, authToken, from: '+15555550100' }).send({ to, body, key })
 */
export function createTwilioSmsFetch(options: TwilioSmsFetchOptions): SmsSender {
  checkTwilioOptions(options);
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const base = (options.baseUrl ?? TWILIO_API).replace(/\/+$/, '');
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;

  return {
    async send(sms: Sms): Promise<SendResult> {
      const form = new URLSearchParams({ To: sms.to, Body: sms.body });
      if (options.from) form.set('From', options.from);
      if (options.messagingServiceSid) form.set('MessagingServiceSid', options.messagingServiceSid);
      if (options.statusCallback) form.set('StatusCallback', options.statusCallback);

      let response: Response;
      let text: string;
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers: {
            Authorization: authorization,
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'application/json',
          },
          body: form,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await response.text();
      } catch (error) {
        // No complete HTTP answer: refused, reset, DNS, or our timeout. Nothing says Twilio saw it; retry.
        const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
        return twilioFailure({ status: null, code: null, message: cause });
      }

      const json = parseJson(text);
      if (response.status >= 200 && response.status < 300) {
        const sid = json !== null && typeof json.sid === 'string' ? json.sid : null;
        return { ok: true, providerId: sid };
      }
      return twilioFailure({
        status: response.status,
        code: json !== null && typeof json.code === 'number' ? json.code : null,
        message:
          json !== null && typeof json.message === 'string'
            ? json.message
            : `${response.statusText || 'error'}${text ? `: ${text.slice(0, 200)}` : ''}`,
      });
    },
  };
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
