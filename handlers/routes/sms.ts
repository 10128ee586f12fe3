/**
 * POST /sms — Twilio's inbound-message webhook. Validate → read → pure conversation → one CAS write → deliver
 * what the change queued → TwiML. Shapes follow Twilio's webhook docs (form-encoded; behind API Gateway HTTP API
 * the body arrives base64-encoded and hono/aws-lambda decodes it before we see it).
 */
import { Hono } from 'hono';
import { validateRequest } from 'twilio/lib/webhooks/webhooks';
import { handleInboundText } from '../../domain/conversation';
import type { InboundMedia, InboundText } from '../../domain/inbound';
import { businessContext, type Deps } from '../deps';
import { writeAndDeliver } from '../deliver';
import { readCrew } from '../state';
import { twiml } from '../twiml';


export function smsRoutes(deps: Deps): Hono {
  const app = new Hono();
  app.post('/sms', async (c) => {
    const raw = await c.req.text();
    const params = formParams(raw);
    // Twilio signs the public URL it posted to; behind CloudFront and API Gateway the request's own Host is the
    // execute-api domain, so rebuild the URL from configuration, keeping the path and query string.
    const requestUrl = new URL(c.req.url);
    const signedUrl = `${deps.config.publicBaseUrl}${requestUrl.pathname}${requestUrl.search}`;
    const signature = c.req.header('x-twilio-signature') ?? '';
    if (!signature || !validateRequest(deps.config.twilio.authToken, signature, signedUrl, params)) {
      deps.log('warn', 'rejected webhook with a missing or bad signature', { signedUrl });
      return c.text('Forbidden: bad or missing X-Twilio-Signature', 403);
    }
    const text = inboundText(params);
    if (!text) return c.text('Bad Request: MessageSid and From are required', 400);

    const crew = await readCrew(deps.store);
    if (!crew.ok) deps.log('error', 'crew.json is invalid; treating every sender as a customer', { errors: crew.errors });
    const roster = crew.ok ? crew.roster : { crew: [] };
    const outcome = await writeAndDeliver(deps, (doc) => {
      const result = handleInboundText(doc, text, businessContext(deps, roster));
      return { doc: result.doc, result: { reply: result.reply }, keys: result.outbox.map((item) => item.key) };
    });
    return c.body(twiml(outcome.reply), 200, { 'Content-Type': 'text/xml; charset=utf-8' });
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

/** The message as the domain sees it, with every photo (MediaUrl0..N-1). Null when required fields are missing. */
export function inboundText(params: Record<string, string | string[]>): InboundText | null {
  const sid = field(params, 'MessageSid') || field(params, 'SmsMessageSid');
  const from = field(params, 'From');
  if (!sid || !from) return null;
  const count = Math.min(Number.parseInt(field(params, 'NumMedia') || '0', 10) || 0, 10);
  const media: InboundMedia[] = [];
  for (let i = 0; i < count; i++) {
    const url = field(params, `MediaUrl${i}`);
    if (url) media.push({ url, contentType: field(params, `MediaContentType${i}`) || 'application/octet-stream' });
  }
  return { sid, from, to: field(params, 'To'), body: field(params, 'Body'), media };
}

