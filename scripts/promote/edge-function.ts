/**
 * Publishing the CloudFront Function: DescribeFunction (DEVELOPMENT) → ETag → UpdateFunction IfMatch → new ETag →
 * PublishFunction IfMatch. CloudFront's optimistic locking: an ETag that went stale (someone else updated the
 * function in between) is rejected with PreconditionFailed, and we re-describe and try once more.
 */
import {
  DescribeFunctionCommand,
  PublishFunctionCommand,
  UpdateFunctionCommand,
  type CloudFrontClient,
  type KeyValueStoreAssociations,
} from '@aws-sdk/client-cloudfront';

export const EDGE_RUNTIME = 'cloudfront-js-2.0';
export const DEFAULT_FUNCTION_COMMENT = 'sms-dispatcher: rewrites /track/<token> and /book/<slug> to their pages';

export interface DevelopmentFunction {
  readonly etag: string;
  readonly comment: string;
  readonly status: string;
  readonly keyValueStores: KeyValueStoreAssociations | undefined;
}

/**
 * The DEVELOPMENT stage of the function: the ETag to update from, and the config to keep.
 * @example await describeDevelopment(cf, 'sms-dispatcher-production-rewrite') // { etag: 'ETVPDKIKX0DER', ... }
 */
export async function describeDevelopment(cloudfront: CloudFrontClient, name: string): Promise<DevelopmentFunction> {
  const described = await cloudfront.send(new DescribeFunctionCommand({ Name: name, Stage: 'DEVELOPMENT' }));
  if (!described.ETag) throw new Error(`DescribeFunction ${name} returned no ETag`);
  const config = described.FunctionSummary?.FunctionConfig;
  return {
    etag: described.ETag,
    comment: config?.Comment || DEFAULT_FUNCTION_COMMENT,
    status: described.FunctionSummary?.Status ?? 'unknown',
    keyValueStores: config?.KeyValueStoreAssociations,
  };
}

/** PreconditionFailed is what the API returns for a stale IfMatch; InvalidIfMatchVersion for a malformed one. */
function isStaleEtag(error: unknown): boolean {
  return error instanceof Error && (error.name === 'PreconditionFailed' || error.name === 'InvalidIfMatchVersion');
}

export interface PublishedFunction {
  /** The ETag PublishFunction was called with: the DEVELOPMENT version that is now LIVE. */
  readonly publishedEtag: string;
  /** 1, or 2 when the first ETag was stale. */
  readonly attempts: number;
}

/**
 * Uploads `code` to the DEVELOPMENT stage and publishes it to LIVE, retrying once on a stale ETag.
 * @example await publishEdgeFunction(cf, 'fn-name', code, console.log) // { publishedEtag: 'E3UN6WX5RRO2AG', attempts: 1 }
 */
export async function publishEdgeFunction(
  cloudfront: CloudFrontClient,
  name: string,
  code: Uint8Array,
  log: (line: string) => void,
): Promise<PublishedFunction> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await describeDevelopment(cloudfront, name);
    try {
      const updated = await cloudfront.send(
        new UpdateFunctionCommand({
          Name: name,
          IfMatch: current.etag,
          FunctionCode: code,
          // Config is replaced wholesale by UpdateFunction: keep the comment and any key-value store the stack set.
          FunctionConfig: { Runtime: EDGE_RUNTIME, Comment: current.comment, KeyValueStoreAssociations: current.keyValueStores },
        }),
      );
      if (!updated.ETag) throw new Error(`UpdateFunction ${name} returned no ETag`);
      log(`  updated ${name} (DEVELOPMENT, ETag ${current.etag} → ${updated.ETag})`);
      await cloudfront.send(new PublishFunctionCommand({ Name: name, IfMatch: updated.ETag }));
      log(`  published ${name} to LIVE`);
      return { publishedEtag: updated.ETag, attempts: attempt };
    } catch (error) {
      if (!isStaleEtag(error)) throw error;
      if (attempt >= 2) {
        throw new Error(
          `the function ${name} changed again while we were publishing it (stale ETag twice). ` +
            'Someone or something else (a `sam deploy`?) is updating it: let that finish, then re-run promote.',
          { cause: error },
        );
      }
      log(`  ETag ${current.etag} went stale (the function changed meanwhile); re-reading it and retrying once`);
    }
  }
}
