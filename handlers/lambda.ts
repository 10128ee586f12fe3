/** Lambda entry for the HTTP API (POST /sms, /api/*, GET /healthz). Adapters are built once per container. */
import { handle } from 'hono/aws-lambda';
import * as z from 'zod';
import { performance } from 'node:perf_hooks';
import { createApp } from './app';
import { parseConfig } from './config';
import { prefetching } from './prefetch-store';
import { BUSINESS_KEY, CREW_KEY, JOBS_KEY, settled } from './state';
import { depsFromConfig } from './wiring';

// Nearly every text meets a cold container, where zod's JIT (it writes and compiles a parser per object schema on
// first use) cost more than it saved: the few records a text touches are checked once, then the container is gone.
// Without it the first reply came sooner (npm run bench, "Lambda cold start"); validation itself is the same.
z.config({ jitless: true });

const configured = depsFromConfig(parseConfig(process.env, { local: false }));
// Nearly every container starts for a text, and a text reads these three: ask for them now, while the runtime
// fetches the event, rather than one after another once it has arrived (handlers/prefetch-store.ts).
const deps = { ...configured, store: prefetching(configured.store, [JOBS_KEY, CREW_KEY, BUSINESS_KEY], () => performance.now()) };
const http = handle(createApp(deps));

/**
 * Writes this container queued after answering (the record of a delivery rides along lazily, handlers/deliver.ts)
 * are finished before the invocation returns: Lambda freezes a container between invocations and may reclaim it.
 */
export const handler: typeof http = async (event, context) => {
  const response = await http(event, context);
  await settled(deps.store);
  return response;
};
