/**
 * The dispatcher's inbox, behind the same session and Origin guard as the rest of the dashboard API:
 * - GET  /api/threads                       one thread per phone, newest first (unread, needs a reply, linked jobs)
 * - GET  /api/threads/:phone                every message both ways with its delivery state, and canned replies
 * - POST /api/threads/:phone/messages       {"body"} → 201: texted from the business number through the outbox
 * - POST /api/threads/:phone/read | /handled
 * `:phone` is E.164, URL-encoded ("%2B15555550123"); anything else is a 400.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import type { BusinessContext } from '../../domain/context';
import { CANNED_REPLIES, dispatcherReply, markThread, thread, threadList, type ReplyOutcome } from '../../domain/inbox';
import { enqueue } from '../../domain/outbox';
import { writeAndDeliver } from '../deliver';
import { businessContext, type Deps } from '../deps';
import { readJobs, updateJobs, usableRoster } from '../state';
import { NO_STORE, readJsonBody } from './json-body';

const E164 = /^\+[1-9]\d{6,14}$/;

/** @example app.route('/', inboxRoutes(deps, requireSession(auth))) */
export function inboxRoutes(deps: Deps, guard: MiddlewareHandler): Hono {
  const app = new Hono();

  app.get('/api/threads', guard, async (c) => {
    const [{ doc }, roster] = await Promise.all([readJobs(deps.store), usableRoster(deps.store, deps.log)]);
    return c.json({ threads: threadList(doc, businessContext(deps, roster)) }, 200, NO_STORE);
  });

  app.get('/api/threads/:phone', guard, async (c) => {
    const phone = c.req.param('phone');
    if (!E164.test(phone)) return c.json({ error: 'Not a phone number (E.164, e.g. +15555550123).' }, 400, NO_STORE);
    const [{ doc }, roster] = await Promise.all([readJobs(deps.store), usableRoster(deps.store, deps.log)]);
    return c.json({ thread: thread(doc, phone, businessContext(deps, roster)), canned: CANNED_REPLIES }, 200, NO_STORE);
  });

  app.post('/api/threads/:phone/messages', guard, async (c) => {
    const phone = c.req.param('phone');
    if (!E164.test(phone)) return c.json({ error: 'Not a phone number (E.164, e.g. +15555550123).' }, 400, NO_STORE);
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const text = (body.value as { body?: unknown } | null)?.body;
    if (typeof text !== 'string') return c.json({ errors: { body: 'Write a message first.' } }, 400, NO_STORE);
    const roster = await usableRoster(deps.store, deps.log);
    const written = await writeAndDeliver<{ outcome: ReplyOutcome; ctx: BusinessContext }>(deps, (doc) => {
      const ctx = businessContext(deps, roster);
      const outcome = dispatcherReply(doc, phone, text, ctx);
      if (!outcome.ok) return { doc, result: { outcome, ctx }, keys: [] };
      const { doc: next, added } = enqueue(outcome.doc, outcome.notify, ctx.now);
      return { doc: next, result: { outcome, ctx }, keys: added.map((item) => item.key) };
    });
    const { outcome } = written;
    if (!outcome.ok && outcome.problem === 'opted_out') return c.json({ error: outcome.message }, 409, NO_STORE);
    if (!outcome.ok) return c.json({ errors: { body: outcome.message } }, 400, NO_STORE);
    // The thread as it is now: the delivery of the reply has been attempted already.
    const { doc } = await readJobs(deps.store);
    return c.json({ thread: thread(doc, phone, written.ctx) }, 201, NO_STORE);
  });

  for (const what of ['read', 'handled'] as const) {
    app.post(`/api/threads/:phone/${what}`, guard, async (c) => {
      const phone = c.req.param('phone');
      if (!E164.test(phone)) return c.json({ error: 'Not a phone number (E.164, e.g. +15555550123).' }, 400, NO_STORE);
      await updateJobs(deps.store, (doc) => ({ doc: markThread(doc, phone, { [what]: true }, deps.clock()), result: {} }));
      return c.body(null, 204, NO_STORE);
    });
  }
  return app;
}
