/**
 * The promotion itself, with the SDK clients passed in (tests hand it an s3rver-backed S3 client and a mocked
 * CloudFront client). Each step is safe to repeat, so the answer to any failure is "fix the cause, run it again":
 * identical pages are skipped, the function is re-published from its current ETag, a new invalidation is created.
 */
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import type { S3Client } from '@aws-sdk/client-s3';
import { describeDevelopment, publishEdgeFunction } from './edge-function';
import { createInvalidation, waitForInvalidation } from './invalidation';
import { formatPlan, pagesPrefix, planPromotion, type PromotionPlan, type PromotionTarget } from './plan';
import { copyPage, listObjects } from './s3-pages';

export interface PromotionDeps {
  readonly s3: S3Client;
  readonly cloudfront: CloudFrontClient;
  readonly log: (line: string) => void;
  readonly sleep: (ms: number) => Promise<void>;
  /** Asked after the plan is printed, before the first write; absent means go ahead (`--yes`). */
  readonly confirm?: (plan: PromotionPlan) => Promise<boolean>;
}

export interface PromotionRequest extends PromotionTarget {
  /** Where the `from` pages are; default `bucket`. */
  readonly fromBucket?: string;
  /** The bytes of edge/rewrite.js (or --function-code). */
  readonly functionCode: Uint8Array;
  readonly dryRun: boolean;
  /** Unique per run, e.g. `promote-production-<timestamp>`; see createInvalidation. */
  readonly callerReference: string;
  readonly pollIntervalMs?: number;
  readonly maxWaitMs?: number;
}

export interface PromotionReport {
  readonly plan: PromotionPlan;
  readonly outcome: 'dry-run' | 'cancelled' | 'promoted';
  readonly copied: readonly string[];
  readonly publishedEtag: string | null;
  readonly invalidationId: string | null;
}

const STEPS = ['read the current state', 'copy pages', 'publish the edge function', 'invalidate the CDN cache'] as const;

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // SDK errors carry the AWS error code as name (AccessDenied, PreconditionFailed, ...): the useful part.
  return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
}

async function step<T>(index: number, to: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const done = index > 0 ? `Steps 1-${index} completed. ` : '';
    throw new Error(
      `promote stopped at step ${index + 1}/${STEPS.length} (${STEPS[index]}): ${describeError(error)}\n` +
        `${done}Nothing after this step ran, and ${to}/data/ was not touched. ` +
        'Fix the cause and run the same command again: it is safe to repeat.',
      { cause: error },
    );
  }
}

/**
 * Reads both stages, prints the plan, and (unless dry-run or not confirmed) copies the pages, publishes the edge
 * function and invalidates the cache, waiting for it.
 * @example await runPromotion({ s3, cloudfront, log: console.log, sleep }, { ...target, functionCode, dryRun: true, callerReference })
 */
export async function runPromotion(deps: PromotionDeps, request: PromotionRequest): Promise<PromotionReport> {
  const { s3, cloudfront, log } = deps;
  const { bucket, from, to, functionName, distributionId } = request;
  const target = { bucket, from, to, functionName, distributionId };
  const fromBucket = request.fromBucket ?? bucket;

  const { plan, fn } = await step(0, to, async () => {
    // Reading the destination listing only compares ETags; it is still limited to <to>/pages/.
    const [source, destination] = await Promise.all([
      listObjects(s3, fromBucket, pagesPrefix(from)),
      listObjects(s3, bucket, pagesPrefix(to)),
    ]);
    if (source.length === 0) throw new Error(`no pages under s3://${fromBucket}/${pagesPrefix(from)}: deploy ${from} first`);
    const fn = await describeDevelopment(cloudfront, functionName);
    return { plan: planPromotion({ ...target, source, destination }), fn };
  });
  log(formatPlan(plan));
  log(`     (function ${functionName} is ${fn.status}, DEVELOPMENT ETag ${fn.etag})`);

  const report = { plan, copied: [] as string[], publishedEtag: null, invalidationId: null };
  if (request.dryRun) {
    log('Dry run: nothing was changed.');
    return { ...report, outcome: 'dry-run' };
  }
  if (deps.confirm && !(await deps.confirm(plan))) {
    log('Cancelled: nothing was changed.');
    return { ...report, outcome: 'cancelled' };
  }

  log(`step 2/4: copying ${plan.copies.length} page(s)`);
  await step(1, to, async () => {
    for (const copy of plan.copies) {
      await copyPage(s3, bucket, to, copy, fromBucket);
      report.copied.push(copy.destinationKey);
      log(`  copied ${copy.destinationKey}`);
    }
  });

  log(`step 3/4: publishing edge function ${functionName}`);
  const published = await step(2, to, () => publishEdgeFunction(cloudfront, functionName, request.functionCode, log));

  log(`step 4/4: invalidating ${plan.invalidationPaths.join(' ')} on ${distributionId}`);
  const invalidationId = await step(3, to, async () => {
    const id = await createInvalidation(cloudfront, distributionId, plan.invalidationPaths, request.callerReference);
    await waitForInvalidation(cloudfront, distributionId, id, {
      sleep: deps.sleep,
      log,
      pollIntervalMs: request.pollIntervalMs,
      maxWaitMs: request.maxWaitMs,
    });
    return id;
  });

  log(`Promoted ${from} → ${to}: ${report.copied.length} page(s) copied, function published, cache invalidated.`);
  return { ...report, outcome: 'promoted', publishedEtag: published.publishedEtag, invalidationId };
}
