/**
 * Mailer over Amazon SES (`@aws-sdk/client-ses`, the v1 SendEmail action): one plain-text UTF-8 email per call.
 * Locally SES_ENDPOINT points it at aws-ses-v2-local.
 *
 * SendEmail takes no idempotency key (and its Tags only allow [A-Za-z0-9_-], which outbox keys are not), so the
 * outbox key stays on our side: the outbox guarantees one send per key; a lost response can still mean a repeat.
 */
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import type { Email, Mailer, SendResult } from '../domain/ports';

export interface SesMailerOptions {
  readonly client: SESClient;
  /** A verified SES identity (MAIL_FROM), e.g. "QuickDumpNow <dispatch@example.com>". */
  readonly from: string;
}

/**
 * Sends through SES. Failures are values: throttling, 5xx and network errors retry; rejections do not.
 * @example await createSesMailer({ client, from: 'dispatch@example.com' }).send({ to, subject, body, key })
 */
export function createSesMailer(options: SesMailerOptions): Mailer {
  return {
    async send(email: Email): Promise<SendResult> {
      try {
        const result = await options.client.send(
          new SendEmailCommand({
            Source: options.from,
            Destination: { ToAddresses: [email.to] },
            Message: {
              Subject: { Data: email.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: email.body, Charset: 'UTF-8' } },
            },
          }),
        );
        return { ok: true, providerId: result.MessageId ?? null };
      } catch (error) {
        return sesFailure(error);
      }
    },
  };
}

/** SES error names that mean "not now" rather than "never" (sending-quota errors come back as 400 Throttling). */
const RETRYABLE_NAMES = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestTimeout',
  'RequestTimeoutException',
  'ServiceUnavailable',
  'InternalFailure',
  'TimeoutError',
]);

/**
 * Maps an SDK error to a SendResult. Retry: throttling (SES returns "Maximum sending rate exceeded" and "Daily
 * message quota exceeded" as Throttling; AWS says wait and retry), any 5xx, 429, and errors with no HTTP status
 * (connection refused/reset, timeouts). No retry: every other 4xx — MessageRejected, MailFromDomainNotVerified,
 * InvalidParameterValue (a malformed address), ConfigurationSetDoesNotExist, AccountSendingPaused — which need a
 * person to fix something first.
 * @example sesFailure(Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected', $metadata: { httpStatusCode: 400 } })).retry // false
 */
export function sesFailure(error: unknown): SendResult & { ok: false } {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    $metadata?: { httpStatusCode?: unknown };
    $retryable?: unknown;
  };
  const name = typeof fields.name === 'string' ? fields.name : 'Error';
  const status = typeof fields.$metadata?.httpStatusCode === 'number' ? fields.$metadata.httpStatusCode : null;
  const message = typeof fields.message === 'string' ? fields.message : String(error);
  const retry =
    RETRYABLE_NAMES.has(name) ||
    Boolean(fields.$retryable) ||
    status === null ||
    status === 429 ||
    status >= 500;
  const detail = `${name}${typeof fields.code === 'string' ? ` ${fields.code}` : ''}`;
  return { ok: false, retry, optedOut: false, error: `SES ${status === null ? 'request failed' : `HTTP ${status}`} ${detail}: ${message}` };
}

/**
 * The SES client for our configuration. In Lambda (no endpoint) credentials come from the default provider
 * chain (the function's role). With SES_ENDPOINT (aws-ses-v2-local) static dummy credentials are used: the local
 * server only checks that requests are signed, and a developer machine may have no AWS credentials at all.
 * maxAttempts 1: the outbox sweep is the one retry loop (with backoff and an attempt count the dispatcher sees),
 * and every blind SDK retry of a send whose response was lost could be a duplicate email.
 * @example sesClientFromConfig({ region: 'us-east-1', endpoint: 'http://127.0.0.1:8005' })
 */
export function sesClientFromConfig(ses: { readonly region: string; readonly endpoint: string | null }): SESClient {
  if (ses.endpoint === null) return new SESClient({ region: ses.region, maxAttempts: 1 });
  return new SESClient({
    region: ses.region,
    endpoint: ses.endpoint,
    maxAttempts: 1,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}
