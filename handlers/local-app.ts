/** The local server's app: the product's HTTP app plus what CloudFront and S3 do in production (pages). */
import { Hono } from 'hono';
import { createApp, rejectMalformedUrl } from './app';
import type { Deps } from './deps';
import { dispatcherAuthFromConfig } from './dispatcher-auth';
import { isLoopbackHost, requireKnownHost } from './local-host';
import { pageRoutes } from './local-pages';
import { devRoutes } from './routes/dev';

export async function createLocalApp(deps: Deps, options: { pagesDir: string }): Promise<{ app: Hono; banner: string[] }> {
  const app = new Hono();
  // Locally without DASHBOARD_PASSWORD_HASH: a one-time password, printed below and forgotten at exit.
  const { auth, oneTimePassword } = await dispatcherAuthFromConfig(deps);
  // Before everything: a bad URL never reaches a page route, and a rebound DNS name never reaches /dev or the board.
  app.use('*', rejectMalformedUrl, requireKnownHost(deps.config.publicBaseUrl));
  app.route('/', createApp(deps, auth));
  // The /dev phone simulator: local only, and before the pages so /dev is not looked up as a page.
  app.route('/', devRoutes(deps, app));
  app.route('/', await pageRoutes(options.pagesDir));
  const { config } = deps;
  const banner = [
    `${config.businessName} dispatcher running at ${config.publicBaseUrl}`,
    ...(isLoopbackHost(config.host)
      ? []
      : [`  WARNING: listening on ${config.host}, not just this machine: other devices can reach the server. Set HOST=127.0.0.1 unless you mean it.`]),
    `  store: ${config.store.kind === 'file' ? `files in ${config.dataDir}` : `s3://${config.store.bucket}/${config.store.prefix}`}`,
    `  texts: ${config.twilio.from || config.twilio.messagingServiceSid ? 'Twilio' : `${config.dataDir}/outbox/sms.jsonl`}`,
    `  email: ${config.ses ? 'SES' : `${config.dataDir}/outbox/email.jsonl`}`,
    `Try it:  npm run text -- --from +15555550123 "ready this afternoon, Soderblom Ave"`,
    `Phone simulator (a customer and a crew phone side by side): ${config.publicBaseUrl}/dev`,
    `Dashboard: ${config.publicBaseUrl}/dashboard  ·  booking form: ${config.publicBaseUrl}/book/soderblom-ave`,
    oneTimePassword
      ? `  dashboard password (this run only; set DASHBOARD_PASSWORD_HASH to keep one): ${oneTimePassword}`
      : `  dashboard password: the one hashed in DASHBOARD_PASSWORD_HASH`,
  ];
  return { app, banner };
}
