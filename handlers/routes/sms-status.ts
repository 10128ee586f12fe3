/**
 * POST /sms/status — Twilio's delivery-status callback for every text we send (we pass StatusCallback on create).
 * Form fields per Twilio's "Track the Message Status of Outbound Messages": MessageSid, MessageStatus and, on a
 * failure, ErrorCode. Signature-checked exactly like the inbound webhook; recorded on the outbox item that carries
 * the MessageSid (out-of-order callbacks never move a text backwards: domain/delivery-status.ts).
 */
import { Hono } from 'hono';
import { recordDeliveryStatus } from '../../domain/delivery-status';
import type { Deps } from '../deps';
import { updateJobs } from '../state';
import { isSignedByTwilio } from '../twilio-signature';
import { formParams } from './sms';

export function smsStatusRoutes(deps: Deps): Hono {
  const app = new Hono();
  app.post('/sms/status', async (c) => {
    const params = formParams(await c.req.text());
    if (!isSignedByTwilio(deps, c.req.url, c.req.header('x-twilio-signature'), params)) {
      return c.text('Forbidden: bad or missing X-Twilio-Signature', 403);
    }
    const one = (name: string) => {
      const value = params[name];
      return (Array.isArray(value) ? value[0] : value) ?? '';
    };
    const providerId = one('MessageSid') || one('SmsSid');
    const status = one('MessageStatus') || one('SmsStatus');
    if (!providerId || !status) return c.text('Bad Request: MessageSid and MessageStatus are required', 400);
    await updateJobs(deps.store, (doc) => ({
      doc: recordDeliveryStatus(doc, { providerId, status, errorCode: one('ErrorCode') || null }, deps.clock()),
      result: {},
    }));
    // Twilio only needs a 2xx; an empty body is fine.
    return c.body(null, 204);
  });
  return app;
}
