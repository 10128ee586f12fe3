/**
 * `npm run text -- --from +15555550123 "ready this afternoon, Soderblom Ave"`
 * Texts the running bot the way Twilio would: a form-encoded POST to /sms signed with X-Twilio-Signature, then
 * prints the reply. The owner's way to try the bot without a Twilio account.
 *   --from NUMBER   sender (E.164); default +15555550123
 *   --to NUMBER     the business number; default +15555550100
 *   --media URL     attach a photo URL (repeatable)
 *   --sid SID       reuse a MessageSid (to see that a duplicate delivery changes nothing)
 *   --url URL       server base URL; default PUBLIC_BASE_URL or http://localhost:PORT, read from the environment
 *                   by handlers/config.ts exactly as the server reads them. The request is signed for the URL it is
 *                   posted to (the server accepts that as well as PUBLIC_BASE_URL/sms).
 *   --help          usage
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { parseConfig } from '../handlers/config';

export interface TextOptions {
  readonly baseUrl: string;
  readonly authToken: string;
  readonly from: string;
  readonly to: string;
  readonly body: string;
  readonly media?: readonly string[];
  readonly sid?: string;
}

/** Posts one signed text and returns the reply text (empty string for an empty TwiML response). */
export async function sendText(options: TextOptions): Promise<{ status: number; reply: string; twiml: string }> {
  const params: Record<string, string> = {
    MessageSid: options.sid ?? `SM${randomBytes(16).toString('hex')}`,
    AccountSid: 'AC00000000000000000000000000000000',
    From: options.from,
    To: options.to,
    Body: options.body,
    NumMedia: String(options.media?.length ?? 0),
  };
  options.media?.forEach((url, i) => {
    params[`MediaUrl${i}`] = url;
    params[`MediaContentType${i}`] = 'image/jpeg';
  });
  const url = `${options.baseUrl.replace(/\/+$/, '')}/sms`;
  const signature = getExpectedTwilioSignature(options.authToken, url, params);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
    body: new URLSearchParams(params).toString(),
  });
  const twiml = await response.text();
  return { status: response.status, reply: replyText(twiml), twiml };
}

/** The text inside TwiML <Message> elements, unescaped. */
export function replyText(twiml: string): string {
  return [...twiml.matchAll(/<Message>([\s\S]*?)<\/Message>/g)]
    .map((match) =>
      (match[1] ?? '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    )
    .join('\n');
}

export const USAGE = `Text the running bot the way Twilio would (a signed POST to /sms) and print its reply.

Usage: npm run text -- [options] "message"

  --from NUMBER   sender (E.164); default +15555550123. A roster phone texts as crew.
  --to NUMBER     the business number; default +15555550100
  --media URL     attach a photo URL (repeatable)
  --sid SID       reuse a MessageSid (a duplicate delivery changes nothing)
  --url URL       server base URL; default PUBLIC_BASE_URL, else http://localhost:PORT (PORT default 3000),
                  read from the environment as the server reads them. Signed for the URL it posts to.
  --help          this text

Example: PORT=4000 npm run text -- --from +15555550101 "omw K7Q2"`;

export type TextCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly message: string }
  | { readonly kind: 'send'; readonly options: TextOptions };

/**
 * Reads the command line and the environment (through parseConfig, as the server does) into what to do.
 * @example textCommand(['--from', '+15555550101', 'jobs'], { PORT: '4000' }) // { kind: 'send', options: { baseUrl: 'http://localhost:4000', … } }
 */
export function textCommand(argv: readonly string[], env: Record<string, string | undefined>): TextCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        from: { type: 'string', default: '+15555550123' },
        to: { type: 'string', default: '+15555550100' },
        media: { type: 'string', multiple: true },
        sid: { type: 'string' },
        url: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { kind: 'usage-error', message: (error as Error).message.split('.')[0] ?? String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const body = positionals.join(' ');
  if (!body && !values.media?.length) return { kind: 'usage-error', message: 'Give the message to send' };
  const config = parseConfig(env, { local: true });
  return {
    kind: 'send',
    options: {
      baseUrl: values.url ?? config.publicBaseUrl,
      authToken: config.twilio.authToken,
      from: values.from,
      to: values.to,
      body,
      media: values.media ?? [],
      ...(values.sid ? { sid: values.sid } : {}),
    },
  };
}

async function main(): Promise<void> {
  let command: TextCommand;
  try {
    command = textCommand(process.argv.slice(2), process.env);
  } catch (error) {
    // A bad PORT or PUBLIC_BASE_URL: the same message the server would give, naming the variable.
    console.error((error as Error).message);
    process.exit(2);
  }
  if (command.kind === 'help') {
    console.log(USAGE);
    return;
  }
  if (command.kind === 'usage-error') {
    console.error(`${command.message}.\n\n${USAGE}`);
    process.exit(2);
  }
  const { options } = command;
  try {
    const result = await sendText(options);
    if (result.status !== 200) {
      console.error(`The server answered ${result.status}: ${result.twiml}`);
      process.exit(1);
    }
    console.log(result.reply || '(no reply — empty TwiML, e.g. after STOP)');
  } catch (error) {
    console.error(
      `Could not reach ${options.baseUrl}/sms (${(error as Error).message}). Is the server running (npm start)? ` +
        'If it runs on another port or URL, set PORT or PUBLIC_BASE_URL as for the server, or pass --url.',
    );
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) void main();
