/**
 * The pure half of `npm run promote`: from two bucket listings, decide what to copy and what to invalidate.
 * The guard that production data is never touched lives here too: every key the plan names must sit under
 * `<stage>/pages/`, checked again right before each copy.
 */

/** An object as ListObjectsV2 reports it. */
export interface StoredObject {
  readonly key: string;
  /** As S3 returns it, quotes included; compared verbatim between the two prefixes. */
  readonly etag: string;
  readonly size: number;
}

export interface PageCopy {
  readonly sourceKey: string;
  /** CopySourceIfMatch: the copy fails instead of publishing a file that changed after it was planned. */
  readonly sourceEtag: string;
  readonly destinationKey: string;
  readonly size: number;
}

export interface PromotionTarget {
  readonly bucket: string;
  readonly from: string;
  readonly to: string;
  readonly functionName: string;
  readonly distributionId: string;
}

export interface PromotionPlan extends PromotionTarget {
  readonly copies: readonly PageCopy[];
  /** Destination keys already byte-identical (same ETag): skipped, which is what makes a re-run cheap and safe. */
  readonly unchanged: readonly string[];
  /** Pages only in the destination. Left in place: promote adds and replaces, it never deletes. */
  readonly onlyInDestination: readonly string[];
  readonly invalidationPaths: readonly string[];
}

/**
 * Always invalidated: the edge function is re-published on every run and decides what these URLs serve, and a
 * viewer-request rewrite makes the rewritten URI the cache key (/track/<token> is cached as /track.html).
 * `/` is there because the default root object is cached under `/`, not `/index.html`.
 */
export const ALWAYS_INVALIDATED: readonly string[] = ['/', '/index.html', '/track*', '/book*', '/dashboard*', '/assets/*'];

/** Past this many extra changed paths one `/*` is cheaper (a wildcard is billed as one path) and just as correct. */
export const MAX_EXTRA_INVALIDATION_PATHS = 20;

const STAGE_NAME = /^[a-z][a-z0-9-]{0,31}$/;

/** @example isStageName('production') // true; isStageName('../data') // false */
export function isStageName(value: string): boolean {
  return STAGE_NAME.test(value);
}

/** @example pagesPrefix('production') // 'production/pages/' */
export function pagesPrefix(stage: string): string {
  return `${stage}/pages/`;
}

/**
 * Throws unless `key` is a page of `stage`: the one check standing between promote and `<stage>/data/jobs.json`.
 * @example assertPagesKey('production/pages/track.html', 'production') // ok; 'production/data/jobs.json' throws
 */
export function assertPagesKey(key: string, stage: string): void {
  const prefix = pagesPrefix(stage);
  const rel = key.slice(prefix.length);
  if (!key.startsWith(prefix) || rel === '' || rel.split('/').some((part) => part === '..' || part === '')) {
    throw new Error(`refusing key "${key}": promote only reads and writes objects under "${prefix}"`);
  }
}

/**
 * The viewer URL of a page key.
 * @example viewerPath('production/pages/assets/logo.svg', 'production') // '/assets/logo.svg'
 */
export function viewerPath(key: string, stage: string): string {
  return `/${encodeURI(key.slice(pagesPrefix(stage).length))}`;
}

/** @example isCoveredBy('/track.html', '/track*') // true */
export function isCoveredBy(path: string, pattern: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

/**
 * The fixed paths plus any changed page they do not already cover (e.g. /styles.css).
 * @example invalidationPathsFor(['/styles.css', '/track.js']) // [...ALWAYS_INVALIDATED, '/styles.css']
 */
export function invalidationPathsFor(changedPaths: readonly string[]): string[] {
  const extra = [...new Set(changedPaths)].filter((path) => !ALWAYS_INVALIDATED.some((p) => isCoveredBy(path, p)));
  if (extra.length > MAX_EXTRA_INVALIDATION_PATHS) return ['/*'];
  return [...ALWAYS_INVALIDATED, ...extra.sort()];
}

/**
 * Decides the copies (source pages whose ETag differs from the destination's) and the invalidation paths.
 * Throws on a same-stage promotion or on any listed key outside the stages' pages/ prefixes.
 * @example planPromotion({ ...target, source: [{ key: 'staging/pages/a.html', etag: '"1"', size: 3 }], destination: [] }).copies.length // 1
 */
export function planPromotion(
  input: PromotionTarget & { readonly source: readonly StoredObject[]; readonly destination: readonly StoredObject[] },
): PromotionPlan {
  const { source, destination, ...target } = input;
  for (const stage of [target.from, target.to]) {
    if (!isStageName(stage)) throw new Error(`"${stage}" is not a stage name (lowercase letters, digits, dashes)`);
  }
  if (target.from === target.to) throw new Error(`--from and --to are both "${target.from}": nothing to promote`);
  source.forEach((object) => assertPagesKey(object.key, target.from));
  destination.forEach((object) => assertPagesKey(object.key, target.to));

  const destinationEtags = new Map(destination.map((object) => [object.key, object.etag]));
  const copies: PageCopy[] = [];
  const unchanged: string[] = [];
  for (const object of [...source].sort((a, b) => a.key.localeCompare(b.key))) {
    const destinationKey = pagesPrefix(target.to) + object.key.slice(pagesPrefix(target.from).length);
    if (destinationEtags.get(destinationKey) === object.etag) unchanged.push(destinationKey);
    else copies.push({ sourceKey: object.key, sourceEtag: object.etag, destinationKey, size: object.size });
  }
  const wanted = new Set([...copies.map((c) => c.destinationKey), ...unchanged]);
  const onlyInDestination = destination.map((object) => object.key).filter((key) => !wanted.has(key)).sort();
  const invalidationPaths = invalidationPathsFor(copies.map((c) => viewerPath(c.destinationKey, target.to)));
  return { ...target, copies, unchanged, onlyInDestination, invalidationPaths };
}

/**
 * What the owner reads before anything happens (and all that --dry-run does).
 * @example formatPlan(plan) // 'Promote staging → production (bucket my-bucket)\n  copy 3 page(s): ...'
 */
export function formatPlan(plan: PromotionPlan): string {
  const lines = [
    `Promote ${plan.from} → ${plan.to} (bucket ${plan.bucket}; ${plan.to}/data/ is never touched)`,
    `  2. copy ${plan.copies.length} page(s) from ${pagesPrefix(plan.from)} to ${pagesPrefix(plan.to)}` +
      ` (${plan.unchanged.length} already identical, skipped)`,
    ...plan.copies.map((c) => `       ${c.sourceKey} → ${c.destinationKey} (${c.size} bytes)`),
    ...plan.onlyInDestination.map((key) => `       left in place (not in ${plan.from}): ${key}`),
    `  3. update and publish CloudFront function ${plan.functionName} (code from the local edge/ file)`,
    `  4. invalidate on distribution ${plan.distributionId}: ${plan.invalidationPaths.join(' ')} and wait`,
  ];
  return lines.join('\n');
}
