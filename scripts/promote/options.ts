/**
 * Command-line options of `npm run promote`, parsed in one place. Flags only, except the region, which falls back
 * to the standard AWS_REGION / AWS_DEFAULT_REGION the AWS CLI also uses. Credentials come from the usual AWS chain
 * (profile, SSO, env) and are never read here.
 */
import { parseArgs } from 'node:util';
import { ConfigError } from '../../domain/errors';
import { isStageName } from './plan';

export const PROMOTE_USAGE = `Usage: npm run promote -- --from staging --to production --bucket <bucket> \\
         --distribution-id <production distribution id> --function-name <production edge function name> \\
         [--region <bucket region>] [--function-code edge/rewrite.js] [--wait-minutes 20] [--dry-run] [--yes]

  --bucket, --distribution-id, --function-name   required; the production stack's outputs / resources
  --from-bucket     the staging stack's BucketName output (each stack has its own bucket); default --bucket
                                                 (aws cloudformation describe-stacks --stack-name <production stack>)
  --region          the bucket's region; default AWS_REGION, then AWS_DEFAULT_REGION, then us-east-1
  --function-code   the CloudFront Function source to publish; default edge/rewrite.js
  --wait-minutes    how long to wait for the invalidation; default 20
  --s3-endpoint     an S3-compatible endpoint (s3rver, MinIO) to rehearse against; default: AWS
  --dry-run         print the plan and change nothing
  --yes             do not ask for confirmation (needed when not run from a terminal)`;

export interface PromoteOptions {
  readonly from: string;
  readonly to: string;
  readonly bucket: string;
  /** The staging stack's bucket when each stage has its own (template.yaml makes one per stack); default: bucket. */
  readonly fromBucket: string;
  readonly distributionId: string;
  readonly functionName: string;
  readonly region: string;
  readonly functionCodePath: string;
  readonly waitMinutes: number;
  readonly s3Endpoint: string | null;
  readonly dryRun: boolean;
  readonly yes: boolean;
}

/**
 * Parses argv (without node and the script path); every error is a ConfigError naming the flag.
 * @example parsePromoteArgs(['--from', 'staging', '--to', 'production', '--bucket', 'b', ...], {}).to // 'production'
 */
export function parsePromoteArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): PromoteOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        bucket: { type: 'string' },
        'from-bucket': { type: 'string' },
        'distribution-id': { type: 'string' },
        'function-name': { type: 'string' },
        region: { type: 'string' },
        'function-code': { type: 'string', default: 'edge/rewrite.js' },
        'wait-minutes': { type: 'string', default: '20' },
        's3-endpoint': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        yes: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new ConfigError('arguments', error instanceof Error ? error.message : String(error));
  }

  const required = (flag: 'from' | 'to' | 'bucket' | 'distribution-id' | 'function-name'): string => {
    const value = values[flag]?.trim();
    if (!value) throw new ConfigError(`--${flag}`, `missing; it is required.\n\n${PROMOTE_USAGE}`);
    return value;
  };
  const from = required('from');
  const to = required('to');
  for (const [flag, stage] of [['--from', from], ['--to', to]] as const) {
    if (!isStageName(stage)) throw new ConfigError(flag, `"${stage}" is not a stage name (lowercase letters, digits, dashes)`);
  }
  if (from === to) throw new ConfigError('--to', `is the same stage as --from ("${from}"): refusing to promote a stage onto itself`);

  const waitMinutes = Number(values['wait-minutes']);
  if (!Number.isFinite(waitMinutes) || waitMinutes <= 0) {
    throw new ConfigError('--wait-minutes', `"${values['wait-minutes']}" is not a positive number of minutes`);
  }

  return {
    from,
    to,
    bucket: required('bucket'),
    fromBucket: values['from-bucket']?.trim() || required('bucket'),
    distributionId: required('distribution-id'),
    functionName: required('function-name'),
    region: values.region?.trim() || env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    functionCodePath: values['function-code'] ?? 'edge/rewrite.js',
    waitMinutes,
    s3Endpoint: values['s3-endpoint']?.trim() || null,
    dryRun: values['dry-run'] ?? false,
    yes: values.yes ?? false,
  };
}
