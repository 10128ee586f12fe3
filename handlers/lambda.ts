/** Lambda entry for the HTTP API (POST /sms, /api/*, GET /healthz). Adapters are built once per container. */
import { handle } from 'hono/aws-lambda';
import { createApp } from './app';
import { parseConfig } from './config';
import { depsFromConfig } from './wiring';

const deps = depsFromConfig(parseConfig(process.env, { local: false }));
export const handler = handle(createApp(deps));
