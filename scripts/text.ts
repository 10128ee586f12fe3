/**
 * `npm run text -- --from +15555550123 "ready this afternoon, Soderblom Ave"`
 * Texts the running bot the way Twilio would: a form-encoded POST to /sms signed with X-Twilio-Signature, then
 * prints the reply. The owner's way to try the bot without a Twilio account.
 *   --from NUMBER   sender (E.164); default +15555550123
 *   --to NUMBER     the business number; default +15555550100
 *   --media URL     attach a photo URL (repeatable)
 *   --sid SID       reuse a MessageSid (to see that a duplicate delivery changes nothing)
 *   --url URL       server base URL; default PUBLIC_BASE_URL or http://localhost:PORT
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

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      from: { type: 'string', default: '+15555550123' },
      to: { type: 'string', default: '+15555550100' },
      media: { type: 'string', multiple: true },
      sid: { type: 'string' },
      url: { type: 'string' },
    },
  });
  const body = positionals.join(' ');
  if (!body && !values.media?.length) {
    console.error('Usage: npm run text -- --from +15555550123 "ready this afternoon, Soderblom Ave"');
    process.exit(2);
  }
  const config = parseConfig(process.env, { local: true });
  const baseUrl = values.url ?? config.publicBaseUrl;
  try {
    const result = await sendText({
      baseUrl,
      authToken: config.twilio.authToken,
      from: values.from,
      to: values.to,
      body,
      media: values.media ?? [],
      ...(values.sid ? { sid: values.sid } : {}),
    });
    if (result.status !== 200) {
      console.error(`The server answered ${result.status}: ${result.twiml}`);
      process.exit(1);
    }
    console.log(result.reply || '(no reply — empty TwiML, e.g. after STOP)');
  } catch (error) {
    console.error(`Could not reach ${baseUrl}/sms (${(error as Error).message}). Is the server running? Start it with: npm start`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) void main();
