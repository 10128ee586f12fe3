/**
 * The one statement of how Lambda code is bundled. `npm run build` uses it, and the template test checks that
 * template.yaml's `Metadata.BuildProperties` (what `sam build` uses) says the same.
 *
 * CommonJS output: bundled CommonJS dependencies (twilio, the AWS SDK) call `require` for Node built-ins, which an
 * ESM bundle only supports with a `createRequire` banner; CJS needs no such shim and SAM's esbuild build takes it as is.
 */
export const LAMBDA_ENTRIES = {
  /** HTTP API: POST /sms, /api/*, GET /healthz. */
  http: 'handlers/lambda.ts',
  /** EventBridge schedule, every minute: delivers the notification outbox. */
  sweep: 'handlers/sweep-lambda.ts',
} as const;

/** The functions' memory (template.yaml Globals.Function.MemorySize; test/template.test.ts keeps the two equal). */
export const LAMBDA_MEMORY_MB = 512;

export const LAMBDA_BUILD = {
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  mainFields: ['module', 'main'],
  sourcemap: false,
  /**
   * The SDK clients come from the Lambda runtime (nodejs22.x ships AWS SDK v3), never from the bundle: the webhook
   * reaches S3 through aws4 (SigV4 over node:http) with the role's keys (handlers/s3-http-store.ts) and loads the
   * SES client only when an email goes out, so neither costs a cold start its parse time (npm run bench, "Lambda
   * cold start"). The S3 client is only a fallback without keys in the environment, which Lambda always sets;
   * If-Match, which needs client-s3 >= 3.700, is sent by the node:http store. SES SendEmail is stable across
   * every v3 release.
   */
  external: ['@aws-sdk/client-s3', '@aws-sdk/client-ses'] as string[],
} as const;

/**
 * The HTTP bundle budget in bytes, the coarse guard (load time, LOAD_BUDGET_RATIO below, is the real one). Measured
 * (npm run build -- --analyze): ~546 KB, of it libphonenumber-js 191 KB (the 'max' metadata, the only set that knows
 * number types, so the booking form can refuse premium-rate numbers), zod 98 KB (imported as a namespace, so its
 * locales are dropped), hono 27 KB, aws4 8 KB and our own code ~206 KB. The AWS SDK is not in it (the runtime's,
 * see `external`). The budget leaves room for a feature, not for a dependency.
 */
export const HTTP_BUNDLE_BUDGET_BYTES = 650 * 1024;

/**
 * The cold-start budget, a regression guard on load time rather than bytes: `npm run build` loads each bundle in
 * fresh processes beside the naive baseline handler (scripts/bench/fixtures/naive-handler.ts: the whole twilio
 * package and the S3 and SES clients at module load) and fails when the HTTP bundle takes more than this share of
 * the naive handler's load CPU time, Node's own start-up taken off both. Measured: see README, "Tests and benchmarks".
 */
export const LOAD_BUDGET_RATIO = 0.5;
