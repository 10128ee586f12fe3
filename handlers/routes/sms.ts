/**
 * POST /sms — Twilio's inbound-message webhook. Validate → read → pure conversation → one CAS write → deliver
 * what the change queued → TwiML. Shapes follow Twilio's webhook docs (form-encoded; behind API Gateway HTTP API
 * the body arrives base64-encoded and hono/aws-lambda decodes it before we see it).
 *
 * A signed text is never lost: when its write does not land within the time budget (handlers/state.ts) or the
 * store fails, the text is parked (handlers/inbox.ts) and Twilio gets 200 with an empty <Response/>. Empty, not a
 * "got it, one moment" holding reply: the real reply follows as a text within seconds, when the parked text is
 * applied, so the customer gets one answer rather than two (and we pay one segment, not two).
 */
import { Hono } from 'hono';
import type { CountryCode } from 'libphonenumber-js';
import type { InboundMedia, InboundText } from '../../domain/inbound';
import { countryOfNumber, readSender } from '../../domain/phone';
import { StoreUnreadableError } from '../../domain/errors';
import type { Deps } from '../deps';
import { applyParked, applyText, parkedHere, parkText } from '../inbox';
import { readBusiness, usableRoster } from '../state';
import { twiml } from '../twiml';
import { isSignedByTwilio } from '../twilio-signature';


export function smsRoutes(deps: Deps): Hono {
  const app = new Hono();
  app.post('/sms', async (c) => {
    const raw = await c.req.text();
    const params = formParams(raw);
    if (!isSignedByTwilio(deps, c.req.url, c.req.header('x-twilio-signature'), params)) {
      return c.text('Forbidden: bad or missing X-Twilio-Signature', 403);
    }
    const text = inboundText(params, countryOfNumber(deps.config.businessPhone));
    if (!text) return c.text('Bad Request: MessageSid and From are required', 400);
    const receivedAt = deps.clock();

    let reply: string | null;
    try {
      const [roster, business] = await Promise.all([usableRoster(deps.store, deps.log), readBusiness(deps.store)]);
      reply = (await applyText(deps, text, roster, { business })).reply;
    } catch (error) {
      // Out of budget, the store failing, or a change the document refused: keep the text, answer 200.
      deps.log('warn', 'could not record a text in time; parking it', { sid: text.sid, error: String(error) });
      await parkText(deps, text, receivedAt);
      // jobs.json itself cannot be read: the text is kept (parked) but this is an incident, not a slow write; app.ts
      // answers 503 and emails the dispatcher. Nothing is written over the bad file (handlers/state.ts).
      if (error instanceof StoreUnreadableError) throw error;
      return c.body(twiml(null), 200, { 'Content-Type': 'text/xml; charset=utf-8' });
    }
    // The next writer applies what this process parked (the sweep does it too, for every process).
    if (parkedHere(deps)) {
      void applyParked(deps).catch((error: unknown) => deps.log('warn', 'applying parked texts failed; the sweep will retry', { error: String(error) }));
    }
    return c.body(twiml(reply), 200, { 'Content-Type': 'text/xml; charset=utf-8' });
  });
  return app;
}

/** Form fields as Twilio's validator expects them: repeated keys become arrays. */
export function formParams(raw: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const existing = params[key];
    params[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return params;
}

function field(params: Record<string, string | string[]>, name: string): string {
  const value = params[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * The message as the domain sees it, with every photo (MediaUrl0..N-1). Null when required fields are missing.
 * `From` and `To` are normalised here, at the boundary: E.164 (numbers without a country code read in `country`,
 * the business's own), the `whatsapp:` / `messenger:` prefix kept as the channel, and a sender that is no phone
 * (short code, alphanumeric id, Messenger id) marked unreachable so it never becomes a customer or gets a text.
 */
export function inboundText(params: Record<string, string | string[]>, country?: CountryCode): InboundText | null {
  const sid = field(params, 'MessageSid') || field(params, 'SmsMessageSid');
  const rawFrom = field(params, 'From');
  if (!sid || !rawFrom.trim()) return null;
  const sender = readSender(rawFrom, country);
  const recipient = readSender(field(params, 'To'), country);
  const count = Math.min(Number.parseInt(field(params, 'NumMedia') || '0', 10) || 0, 10);
  const media: InboundMedia[] = [];
  for (let i = 0; i < count; i++) {
    const url = field(params, `MediaUrl${i}`);
    if (url) media.push({ url, contentType: field(params, `MediaContentType${i}`) || 'application/octet-stream' });
  }
  // OptOutType: STOP / START / HELP, sent with Advanced Opt-Out (Twilio docs, "Advanced Opt-Out", webhook
  // parameters); anything else is ignored.
  const type = field(params, 'OptOutType').trim().toUpperCase();
  const optOutType = type === 'STOP' || type === 'START' || type === 'HELP' ? type : null;
  return {
    sid,
    from: sender.phone ?? sender.raw,
    to: recipient.phone ?? recipient.raw,
    body: field(params, 'Body'),
    media,
    optOutType,
    ...(sender.channel === 'sms' ? {} : { channel: sender.channel }),
    ...(sender.phone === null ? { unreachable: true } : {}),
  };
}

