/** Reading a JSON request body for the API routes, with a clear answer for anything that is not JSON. */
import type { Context } from 'hono';

export type JsonBody = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly response: Response };

/**
 * The parsed JSON body, or the response to send: 415 when it is not sent as JSON (which also keeps a cross-site
 * <form> from posting without a CORS preflight), 400 when it does not parse.
 * @example const body = await readJsonBody(c); if (!body.ok) return body.response;
 */
export async function readJsonBody(c: Context): Promise<JsonBody> {
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    return { ok: false, response: c.json({ error: 'Send JSON with Content-Type: application/json' }, 415, NO_STORE) };
  }
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false, response: c.json({ error: 'The request body is not valid JSON' }, 400, NO_STORE) };
  }
}

export const NO_STORE = { 'Cache-Control': 'no-store' } as const;
