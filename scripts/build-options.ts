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

export const LAMBDA_BUILD = {
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  mainFields: ['module', 'main'],
  sourcemap: false,
  /** Nothing external: the AWS SDK is bundled, not taken from the runtime (If-Match needs client-s3 >= 3.700). */
  external: [] as string[],
} as const;

/** The SMS webhook bundle budget from the AWS issue. */
export const HTTP_BUNDLE_BUDGET_BYTES = 500 * 1024;
