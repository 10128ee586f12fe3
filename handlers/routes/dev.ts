/**
 * The /dev phone simulator's API — local mode only (handlers/local-app.ts mounts it; Lambda never does).
 *
 * - `POST /dev/api/text {from, body, media?}` texts the bot as any number. It builds the form body Twilio would
 *   post, signs it with the configured auth token exactly as Twilio does (HMAC-SHA1 over the public URL plus the
 *   sorted parameters, via the twilio package's own `getExpectedTwilioSignature`), and sends it through the real
 *   /sms route — signature checking stays on, so the simulator exercises the same path a real text takes.
 * - `GET /dev/api/outbox` returns both outbox files and, per phone number, the whole conversation: texts in, the
 *   bot's TwiML replies (both kept in jobs.json) and the notification texts delivered to DATA_DIR/outbox/sms.jsonl.
 *
 * It answers only this machine (a loopback peer) and only JSON requests, so neither another device on the network
 * nor a web page in the owner's browser can drive it.
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { toE164 } from '../../domain/phone';
import { isLoopbackAddress } from '../client-address';
import type { Deps } from '../deps';
import { readOutboxFile, type EmailLine, type SmsLine } from '../outbox-files';
import { readCrew, readJobs } from '../state';

/** What the simulator posts through: the local app itself (hono's `app.request`). */
export interface RequestTarget {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/** The business number texts are "sent to" when TWILIO_FROM is not configured (as `npm run text` uses). */
export const DEV_BUSINESS_NUMBER = '+15555550100';
const MAX_BODY = 1600;
const MAX_MEDIA = 10;

export interface ThreadEntry {
  readonly at: string;
  /** 'in': the phone texted the bot; 'out': the phone received a text. */
  readonly direction: 'in' | 'out';
  readonly body: string;
  /** text: sent by this phone; reply: the bot's TwiML answer; outbox: a notification delivered later. */
  readonly via: 'text' | 'reply' | 'outbox';
  readonly media: number;
}

export interface DevOutbox {
  readonly businessNumber: string;
  readonly crew: readonly { readonly name: string; readonly phone: string; readonly roles: readonly string[] }[];
  readonly sms: readonly SmsLine[];
  readonly email: readonly EmailLine[];
  readonly conversations: Readonly<Record<string, readonly ThreadEntry[]>>;
}

export function devRoutes(deps: Deps, target: RequestTarget): Hono {
  if (!deps.config.local) throw new Error('devRoutes: the /dev simulator is for local mode (npm start) only');
  const businessNumber = deps.config.twilio.from ?? DEV_BUSINESS_NUMBER;
  const app = new Hono();

  app.get('/dev', (c) => c.redirect('/dev.html'));

  app.use('/dev/api/*', async (c, next) => {
    const peer = (c.env as { incoming?: { socket?: { remoteAddress?: unknown } } } | undefined)?.incoming?.socket?.remoteAddress;
    if (typeof peer === 'string' && !isLoopbackAddress(peer)) {
      return c.json({ error: 'The /dev simulator only answers on this machine (open it at http://localhost).' }, 403);
    }
    if (c.req.method === 'POST') {
      // JSON only: a cross-site form or no-cors fetch cannot send application/json without a CORS preflight,
      // which nothing here answers.
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
        return c.json({ error: 'Send JSON with Content-Type: application/json' }, 415);
      }
      const origin = c.req.header('origin');
      if (origin !== undefined && origin !== new URL(c.req.url).origin && origin !== new URL(deps.config.publicBaseUrl).origin) {
        return c.json({ error: 'Bad origin' }, 403);
      }
    }
    c.header('Cache-Control', 'no-store');
    await next();
  });

  app.post('/dev/api/text', async (c) => {
    let input: { from?: unknown; body?: unknown; media?: unknown };
    try {
      input = (await c.req.json()) as typeof input;
    } catch {
      return c.json({ error: 'The request body is not valid JSON' }, 400);
    }
    const problem = textProblem(input);
    if (problem) return c.json({ error: problem }, 400);
    const from = toE164(String(input.from));
    if (!from.ok) return c.json({ error: `from: ${from.error}` }, 400);
    const media = (input.media as string[] | undefined) ?? [];

    const params = twilioParams({
      from: from.phone,
      to: businessNumber,
      body: String(input.body ?? ''),
      media,
      accountSid: deps.config.twilio.accountSid ?? 'AC00000000000000000000000000000000',
    });
    // Twilio signs the URL it posts to: the public base URL + /sms (the route rebuilds the same URL to check it).
    const url = `${deps.config.publicBaseUrl}/sms`;
    const signature = getExpectedTwilioSignature(deps.config.twilio.authToken, url, params);
    const response = await target.request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    const twiml = await response.text();
    if (response.status !== 200) {
      return c.json({ error: `The /sms webhook answered ${response.status}: ${twiml.slice(0, 300)}` }, 502);
    }
    return c.json({ from: from.phone, to: businessNumber, sid: params.MessageSid, reply: twimlReplyText(twiml) });
  });

  app.get('/dev/api/outbox', async (c) => {
    const [sms, email, jobs, crew] = await Promise.all([
      readOutboxFile(deps.config.dataDir, 'sms'),
      readOutboxFile(deps.config.dataDir, 'email'),
      readJobs(deps.store),
      readCrew(deps.store),
    ]);
    const conversations: Record<string, ThreadEntry[]> = {};
    const add = (phone: string, entry: ThreadEntry) => (conversations[phone] ??= []).push(entry);
    const messages = [...Object.values(jobs.doc.jobs).flatMap((job) => job.messages), ...jobs.doc.unmatched];
    for (const m of messages) {
      if (m.direction === 'in') add(m.from, { at: m.at, direction: 'in', body: m.body, via: 'text', media: m.media });
      else add(m.to, { at: m.at, direction: 'out', body: m.body, via: 'reply', media: 0 });
    }
    for (const line of sms) add(line.to, { at: line.at, direction: 'out', body: line.body, via: 'outbox', media: 0 });
    // Stable sort: a text and its reply share a timestamp and keep their order.
    for (const thread of Object.values(conversations)) thread.sort((a, b) => a.at.localeCompare(b.at));
    const result: DevOutbox = {
      businessNumber,
      crew: crew.roster.crew.map(({ name, phone, roles }) => ({ name, phone, roles })),
      sms,
      email,
      conversations,
    };
    return c.json(result);
  });

  return app;
}

function textProblem(input: { from?: unknown; body?: unknown; media?: unknown } | null): string | null {
  if (typeof input !== 'object' || input === null) return 'Send {"from": "+15555550123", "body": "…"}';
  if (typeof input.from !== 'string' || !input.from.trim()) return 'from: the phone number to text from is required';
  if (input.body !== undefined && typeof input.body !== 'string') return 'body: must be text';
  if (typeof input.body === 'string' && input.body.length > MAX_BODY) return `body: at most ${MAX_BODY} characters`;
  if (input.media !== undefined) {
    if (!Array.isArray(input.media) || input.media.length > MAX_MEDIA) return `media: a list of at most ${MAX_MEDIA} photo URLs`;
    if (!input.media.every((url) => typeof url === 'string' && /^https?:\/\/\S+$/.test(url))) return 'media: each item must be an http(s) URL';
  }
  if (!input.body && !(Array.isArray(input.media) && input.media.length > 0)) return 'body: type a message or attach a photo';
  return null;
}

/** The fields of Twilio's inbound-message webhook (form-encoded), as documented for the Messaging webhook. */
export function twilioParams(text: {
  from: string;
  to: string;
  body: string;
  media: readonly string[];
  accountSid: string;
}): Record<string, string> {
  const params: Record<string, string> = {
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    AccountSid: text.accountSid,
    From: text.from,
    To: text.to,
    Body: text.body,
    NumMedia: String(text.media.length),
  };
  text.media.forEach((url, i) => {
    params[`MediaUrl${i}`] = url;
    params[`MediaContentType${i}`] = contentTypeOf(url);
  });
  return params;
}

function contentTypeOf(url: string): string {
  const path = url.split(/[?#]/)[0]!.toLowerCase();
  if (path.endsWith('.png')) return 'image/png';
  if (path.endsWith('.gif')) return 'image/gif';
  if (path.endsWith('.webp')) return 'image/webp';
  return 'image/jpeg';
}

/** The text inside TwiML <Message> elements, unescaped (the same reading `npm run text` does). */
export function twimlReplyText(twiml: string): string {
  const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };
  return [...twiml.matchAll(/<Message>([\s\S]*?)<\/Message>/g)]
    .map((match) => (match[1] ?? '').replace(/&(?:lt|gt|quot|apos|amp);/g, (entity) => entities[entity] ?? entity))
    .join('\n');
}
