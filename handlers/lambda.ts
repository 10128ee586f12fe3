/** Lambda entry for the HTTP API (POST /sms, /api/*, GET /healthz). Adapters are built once per container. */
import { handle } from 'hono/aws-lambda';
import { createApp } from './app';
import { parseConfig } from './config';
import { settled } from './state';
import { depsFromConfig } from './wiring';

const deps = depsFromConfig(parseConfig(process.env, { local: false }));
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
