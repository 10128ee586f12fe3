/**
 * Checks X-Twilio-Signature on a request Twilio sent us (the inbound webhook, the delivery-status callback), as
 * Twilio's "Webhooks security" document describes: HMAC-SHA1 with the auth token over the exact URL Twilio requested
 * plus the sorted form parameters (twilio's own validateRequest does the arithmetic).
 *
 * Which URL Twilio requested: behind CloudFront and API Gateway the request's own Host is the execute-api domain, so
 * the public one is rebuilt from PUBLIC_BASE_URL (path and query kept). The URL as received is accepted too: a
 * signature over it is just as much proof of the auth token, and it is what `npm run text --url
 * http://127.0.0.1:PORT` signs when it posts to the server directly.
 */
import { validateRequest } from 'twilio/lib/webhooks/webhooks';
import type { Deps } from './deps';

/** @example isSignedByTwilio(deps, c.req.url, c.req.header('x-twilio-signature'), params) // true */
export function isSignedByTwilio(
  deps: Pick<Deps, 'config' | 'log'>,
  requestUrl: string,
  signature: string | undefined,
  params: Record<string, string | string[]>,
): boolean {
  if (!signature) return false;
  const received = new URL(requestUrl);
  const publicUrl = `${deps.config.publicBaseUrl}${received.pathname}${received.search}`;
  const token = deps.config.twilio.authToken;
  if (validateRequest(token, signature, publicUrl, params)) return true;
  if (received.href !== publicUrl && validateRequest(token, signature, received.href, params)) return true;
  deps.log('warn', 'rejected a Twilio request with a bad signature', { signedUrl: publicUrl });
  return false;
}
