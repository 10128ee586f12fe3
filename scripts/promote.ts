/**
 * `npm run promote -- --from staging --to production --bucket … --distribution-id … --function-name … [--dry-run] [--yes]`
 *
 * Copies the staging pages to the production prefix, publishes the edge function, invalidates the production
 * distribution and waits for it. Never touches <to>/data/. Options: scripts/promote/options.ts (PROMOTE_USAGE);
 * the work: scripts/promote/run.ts.
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { S3Client } from '@aws-sdk/client-s3';
import { ConfigError } from '../domain/errors';
import { parsePromoteArgs, PROMOTE_USAGE, type PromoteOptions } from './promote/options';
import type { PromotionPlan } from './promote/plan';
import { runPromotion } from './promote/run';
import { shipEdgeCode } from './sync-edge';

// The one place this script reads its command line and environment.
const ARGV = process.argv.slice(2);
const ENV = { AWS_REGION: process.env.AWS_REGION, AWS_DEFAULT_REGION: process.env.AWS_DEFAULT_REGION };

async function confirmOnTerminal(plan: PromotionPlan): Promise<boolean> {
  if (!process.stdin.isTTY) {
    console.error('Not running in a terminal, so no one can confirm: re-run with --yes (or --dry-run to only see the plan).');
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`\nPromote ${plan.from} → ${plan.to} now? Type "yes" to go on: `);
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}

/** The function source, shipped as sync-edge ships it into template.yaml (without comments). */
async function readFunctionCode(options: PromoteOptions): Promise<Uint8Array> {
  try {
    return Buffer.from(shipEdgeCode(await readFile(options.functionCodePath, 'utf8')), 'utf8');
  } catch (error) {
    throw new ConfigError('--function-code', `cannot read ${options.functionCodePath}: ${(error as Error).message}`);
  }
}

async function main(): Promise<number> {
  const options = parsePromoteArgs(ARGV, ENV);
  const functionCode = await readFunctionCode(options);
  const s3 = new S3Client({
    region: options.region,
    ...(options.s3Endpoint ? { endpoint: options.s3Endpoint, forcePathStyle: true } : {}),
  });
  // CloudFront is a global service whose API is signed for us-east-1 whatever the bucket's region.
  const cloudfront = new CloudFrontClient({ region: 'us-east-1' });
  const report = await runPromotion(
    {
      s3,
      cloudfront,
      log: (line) => console.log(line),
      sleep: (ms) => sleep(ms),
      confirm: options.yes ? undefined : confirmOnTerminal,
    },
    {
      bucket: options.bucket,
      fromBucket: options.fromBucket,
      from: options.from,
      to: options.to,
      functionName: options.functionName,
      distributionId: options.distributionId,
      functionCode,
      dryRun: options.dryRun,
      callerReference: `promote-${options.to}-${new Date().toISOString()}-${Math.random().toString(36).slice(2, 8)}`,
      maxWaitMs: options.waitMinutes * 60_000,
    },
  );
  return report.outcome === 'cancelled' ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(`promote: ${error.message}`);
    else console.error(error instanceof Error ? error.message : String(error));
    if (error instanceof ConfigError && !error.message.includes('Usage:')) console.error(`\n${PROMOTE_USAGE}`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);
