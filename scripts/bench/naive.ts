/**
 * The naive baseline handler (fixtures/naive-handler.ts) and an environment in which both it and our Lambda
 * bundles load: our configuration is parsed at module load and requires the Lambda variables.
 */
export const NAIVE_HANDLER = 'scripts/bench/fixtures/naive-handler.ts';

/** Placeholder Lambda settings: enough for every bundle's module-level code; nothing is contacted by loading. */
export const LOAD_ENV: Readonly<Record<string, string>> = {
  PUBLIC_BASE_URL: 'https://dispatch.example.com',
  TWILIO_AUTH_TOKEN: 'load-time-token',
  TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
  TWILIO_FROM: '+15555550100',
  STORE: 's3',
  S3_BUCKET: 'qdn-load-time',
  S3_PREFIX: 'load/data',
  S3_REGION: 'us-east-1',
  SES_REGION: 'us-east-1',
  MAIL_FROM: 'bot@example.com',
  DASHBOARD_PASSWORD_HASH: 'scrypt$N=16384,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=',
  SESSION_SECRET: 'l'.repeat(40),
  AWS_ACCESS_KEY_ID: 'LOADTIME',
  AWS_SECRET_ACCESS_KEY: 'LOADTIME',
};
