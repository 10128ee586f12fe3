/**
 * Picks the delivery adapters from configuration: Twilio when a sender (TWILIO_FROM or a Messaging Service) is
 * configured, SES when SES_REGION/SES_ENDPOINT is; otherwise the local outbox files under DATA_DIR/outbox.
 *
 * Texts go through twilio-sms-fetch.ts, not the `twilio` package adapter (twilio-sms.ts): same behaviour and
 * tests, but ~2 KB instead of ~420 KB in the Lambda bundle, whose budget is 500 KB in all.
 */
import { ConfigError } from '../domain/errors';
import type { Mailer, SmsSender } from '../domain/ports';
import type { Config } from './config';
import { createFileMailer, createFileSms } from './outbox-files';
import { createTwilioSmsFetch } from './twilio-sms-fetch';

/**
 * The SmsSender and Mailer this configuration calls for. Throws ConfigError for Twilio or SES settings that
 * cannot work (config.ts has already checked most of them).
 * @example sendersFromConfig(parseConfig(process.env, { local: true }), () => new Date()).sms
 */
export function sendersFromConfig(config: Config, clock: () => Date): { sms: SmsSender; mailer: Mailer } {
  const { twilio, ses } = config;
  const sms =
    twilio.from !== null || twilio.messagingServiceSid !== null
      ? createTwilioSmsFetch({
          accountSid: twilio.accountSid ?? '',
          authToken: twilio.authToken,
          from: twilio.from,
          messagingServiceSid: twilio.messagingServiceSid,
          // Delivery state (delivered, undelivered 30006 …) comes back here: handlers/routes/sms-status.ts.
          statusCallback: `${config.publicBaseUrl}/sms/status`,
        })
      : createFileSms(config.dataDir, clock);
  const mailer = ses !== null ? lazySesMailer(ses, requireMailFrom(config.mailFrom)) : createFileMailer(config.dataDir, clock);
  return { sms, mailer };
}

/**
 * The SES mailer, with @aws-sdk/client-ses loaded on the first email: most texts send none, and loading the SDK
 * client is a large share of a Lambda cold start (npm run bench, "Lambda cold start").
 */
function lazySesMailer(ses: NonNullable<Config['ses']>, from: string): Mailer {
  let mailer: Promise<Mailer> | null = null;
  return {
    async send(email) {
      mailer ??= import('./ses-mailer').then(({ createSesMailer, sesClientFromConfig }) => createSesMailer({ client: sesClientFromConfig(ses), from }));
      return (await mailer).send(email);
    },
  };
}

function requireMailFrom(mailFrom: string | null): string {
  if (mailFrom === null) throw new ConfigError('MAIL_FROM', 'is required to send email through SES: a verified SES identity');
  return mailFrom;
}
