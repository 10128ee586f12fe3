/**
 * `npm start`: the whole product on one machine — the same HTTP app as Lambda, the pages through the real edge
 * function, a file store (or any S3-compatible endpoint), outbox files instead of Twilio/SES, a sweep timer
 * (delivery, then the archive pass).
 */
import { serve } from '@hono/node-server';
import { buildPages } from './build-pages';
import { ConfigError } from '../domain/errors';
import { parseConfig } from './config';
import { createLocalApp } from './local-app';
import { runSweep } from './sweep';
import { depsFromConfig } from './wiring';

const SWEEP_EVERY_MS = 15_000;

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env, { local: true });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const deps = depsFromConfig(config);
  await buildPages('dist/pages');
  const { app, banner } = await createLocalApp(deps, { pagesDir: 'dist/pages' });
  // 127.0.0.1 unless HOST says otherwise (the banner warns then): the /dev simulator and a one-time password are
  // not for the whole network.
  serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
    console.log(banner.join('\n'));
  });
  setInterval(() => {
    runSweep(deps).catch((error) => deps.log('error', 'sweep failed', { error: String(error) }));
  }, SWEEP_EVERY_MS).unref();
}

void main();
