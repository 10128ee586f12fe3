/**
 * A local node:http server standing in for api.twilio.com's Messages resource. Twilio's servers cannot run here,
 * so it answers with the documented shapes: 201 + the Message JSON (as in twilio-node's own spec for
 * messages.create), and errors as `{ code, message, more_info, status }` (https://www.twilio.com/docs/errors/<code>).
 * It records what arrived so tests can assert the request on the wire.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
export const AUTH_TOKEN = 'test-auth-token-0123456789abcdef';

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly form: Record<string, string>;
}

/** What the stand-in does with the next request. */
export type Reply =
  | { readonly kind: 'created' }
  | { readonly kind: 'json'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'text'; readonly status: number; readonly body: string }
  /** Close the connection without answering, as a dropped network path would. */
  | { readonly kind: 'hang-up' };

export const TWILIO_ERRORS = {
  unsubscribed: {
    code: 21610,
    message: 'Attempt to send to unsubscribed recipient',
    more_info: 'https://www.twilio.com/docs/errors/21610',
    status: 400,
  },
  invalidTo: {
    code: 21211,
    message: "Invalid 'To' Phone Number: +1555555012",
    more_info: 'https://www.twilio.com/docs/errors/21211',
    status: 400,
  },
  authentication: {
    code: 20003,
    message: 'Authenticate',
    more_info: 'https://www.twilio.com/docs/errors/20003',
    status: 401,
  },
  tooManyRequests: {
    code: 20429,
    message: 'Too Many Requests',
    more_info: 'https://www.twilio.com/docs/errors/20429',
    status: 429,
  },
  internal: {
    code: 20500,
    message: 'Internal Server Error',
    more_info: 'https://www.twilio.com/docs/errors/20500',
    status: 500,
  },
} as const;

export interface TwilioStandIn {
  /** http://127.0.0.1:<port>, to use in place of https://api.twilio.com */
  readonly baseUrl: string;
  readonly requests: ReceivedRequest[];
  /** Replies for the next requests, in order; after they run out every request gets 201 Created. */
  reply(...replies: Reply[]): void;
  close(): Promise<void>;
}

let sidCounter = 0;

export async function startTwilioStandIn(): Promise<TwilioStandIn> {
  const requests: ReceivedRequest[] = [];
  const queue: Reply[] = [];
  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    requests.push({
      method: req.method ?? '',
      path: req.url ?? '',
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      form,
    });
    const reply = queue.shift() ?? { kind: 'created' };
    if (reply.kind === 'hang-up') {
      req.socket.destroy();
      return;
    }
    if (reply.kind === 'text') {
      res.writeHead(reply.status, { 'Content-Type': 'text/html' }).end(reply.body);
      return;
    }
    const status = reply.kind === 'created' ? 201 : reply.status;
    const body = reply.kind === 'created' ? createdMessage(form) : reply.body;
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => void queue.push(...replies),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The Message resource as Twilio returns it from create (shape from twilio-node's messages.create spec). */
function createdMessage(form: Record<string, string>): Record<string, unknown> {
  sidCounter += 1;
  const sid = `SM${sidCounter.toString(16).padStart(32, '0')}`;
  return {
    account_sid: ACCOUNT_SID,
    api_version: '2010-04-01',
    body: form.Body ?? '',
    date_created: 'Thu, 30 Jul 2015 20:12:31 +0000',
    date_sent: null,
    date_updated: 'Thu, 30 Jul 2015 20:12:31 +0000',
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: form.From ?? null,
    messaging_service_sid: form.MessagingServiceSid ?? null,
    num_media: '0',
    num_segments: '1',
    price: null,
    price_unit: 'USD',
    sid,
    status: 'queued',
    subresource_uris: { media: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${sid}/Media.json` },
    to: form.To ?? '',
    uri: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${sid}.json`,
  };
}
