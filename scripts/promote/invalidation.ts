/** CloudFront invalidation: create one, then poll until CloudFront says Completed, printing progress lines. */
import { CreateInvalidationCommand, GetInvalidationCommand, type CloudFrontClient } from '@aws-sdk/client-cloudfront';

export interface WaitOptions {
  readonly sleep: (ms: number) => Promise<void>;
  readonly log: (line: string) => void;
  /** Default 10 s: invalidations usually take a minute or two. */
  readonly pollIntervalMs?: number;
  /** Default 20 min; past it we stop waiting (the invalidation itself carries on at CloudFront). */
  readonly maxWaitMs?: number;
}

/**
 * Creates the invalidation. `callerReference` must be unique per run: CloudFront treats a repeated reference with
 * the same paths as the same request and returns the old invalidation instead of making a new one.
 * @example await createInvalidation(cf, 'EDFDVBD6EXAMPLE', ['/track*'], 'promote-production-…') // 'I2J0I21PCUYOIK'
 */
export async function createInvalidation(
  cloudfront: CloudFrontClient,
  distributionId: string,
  paths: readonly string[],
  callerReference: string,
): Promise<string> {
  const created = await cloudfront.send(
    new CreateInvalidationCommand({
      DistributionId: distributionId,
      InvalidationBatch: { CallerReference: callerReference, Paths: { Quantity: paths.length, Items: [...paths] } },
    }),
  );
  const id = created.Invalidation?.Id;
  if (!id) throw new Error(`CreateInvalidation on ${distributionId} returned no invalidation id`);
  return id;
}

/** @example formatElapsed(75_000) // '1m15s' */
export function formatElapsed(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/**
 * Polls GetInvalidation until Status is Completed. Elapsed time is counted from the sleeps, so tests with an
 * instant sleep still see the bound apply.
 */
export async function waitForInvalidation(
  cloudfront: CloudFrontClient,
  distributionId: string,
  id: string,
  options: WaitOptions,
): Promise<void> {
  const interval = options.pollIntervalMs ?? 10_000;
  const maxWait = options.maxWaitMs ?? 20 * 60_000;
  for (let waited = 0; ; waited += interval) {
    const got = await cloudfront.send(new GetInvalidationCommand({ DistributionId: distributionId, Id: id }));
    const status = got.Invalidation?.Status ?? 'unknown';
    if (status === 'Completed') {
      options.log(`  invalidation ${id}: Completed after ${formatElapsed(waited)}`);
      return;
    }
    if (waited >= maxWait) {
      throw new Error(
        `invalidation ${id} is still ${status} after ${formatElapsed(waited)}; it carries on without us. Check it with ` +
          `\`aws cloudfront get-invalidation --distribution-id ${distributionId} --id ${id}\``,
      );
    }
    options.log(`  invalidation ${id}: ${status} (${formatElapsed(waited)})…`);
    await options.sleep(interval);
  }
}
