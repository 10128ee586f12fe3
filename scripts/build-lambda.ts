/**
 * Lambda bundling for `npm run build`, with the settings taken verbatim from build-options.ts (the one statement
 * the template test also checks), plus the size report and the budget check.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { LAMBDA_BUILD } from './build-options';

export interface LambdaBundle {
  readonly name: string;
  readonly outfile: string;
  readonly bytes: number;
  /** What the deployment zip roughly costs; the budget is on the raw size, which is what Lambda loads. */
  readonly gzipBytes: number;
  readonly metafile: Metafile;
}

/**
 * Bundles one entry to `<outroot>/<name>/index.js` (CommonJS, exports.handler).
 * @example await bundleLambda('http', 'handlers/lambda.ts', 'dist/lambda') // { outfile: 'dist/lambda/http/index.js', ... }
 */
export async function bundleLambda(name: string, entry: string, outroot: string): Promise<LambdaBundle> {
  const outdir = path.join(outroot, name);
  // A stale file from an earlier build must not ride along in a zip of this folder.
  await rm(outdir, { recursive: true, force: true });
  const outfile = path.join(outdir, 'index.js');
  const result = await build({
    ...LAMBDA_BUILD,
    mainFields: [...LAMBDA_BUILD.mainFields],
    external: [...LAMBDA_BUILD.external],
    entryPoints: [entry],
    outfile,
    metafile: true,
    logLevel: 'warning',
  });
  const code = await readFile(outfile);
  return { name, outfile, bytes: code.length, gzipBytes: gzipSync(code).length, metafile: result.metafile };
}

/** @example formatKb(2048) // '2.0 KB' */
export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * The size table printed by the build.
 * @example formatSizeTable([{ name: 'http', bytes: 2048, gzipBytes: 900, ... }]) // 'bundle  bytes ...'
 */
export function formatSizeTable(bundles: readonly Pick<LambdaBundle, 'name' | 'outfile' | 'bytes' | 'gzipBytes'>[]): string {
  const rows = [
    ['bundle', 'file', 'bytes', 'size', 'gzip bytes', 'gzip size'],
    ...bundles.map((b) => [b.name, b.outfile, String(b.bytes), formatKb(b.bytes), String(b.gzipBytes), formatKb(b.gzipBytes)]),
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows
    .map((row) => row.map((cell, col) => (col < 2 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  '))
    .join('\n');
}

/**
 * Null when the bundle fits, else the message the build fails with.
 * @example budgetFailure({ name: 'http', bytes: 600_000 }, 512_000) // 'http bundle is 585.9 KB (600000 bytes), over ...'
 */
export function budgetFailure(bundle: Pick<LambdaBundle, 'name' | 'bytes'>, budgetBytes: number): string | null {
  if (bundle.bytes <= budgetBytes) return null;
  return (
    `${bundle.name} bundle is ${formatKb(bundle.bytes)} (${bundle.bytes} bytes), over the HTTP_BUNDLE_BUDGET_BYTES ` +
    `budget of ${formatKb(budgetBytes)} (${budgetBytes} bytes) in scripts/build-options.ts. ` +
    'Run `npm run build -- --analyze` to see which inputs take the room.'
  );
}

export interface InputSize {
  readonly input: string;
  readonly bytesInOutput: number;
}

/**
 * The largest contributors to the bundle, by bytes they take in the output (after minification), not by source size.
 * @example topInputs(bundle.metafile, 10)[0] // { input: 'node_modules/twilio/lib/...', bytesInOutput: 81234 }
 */
export function topInputs(metafile: Metafile, count = 10): InputSize[] {
  const sizes = Object.values(metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs).map(([input, info]) => ({ input, bytesInOutput: info.bytesInOutput })),
  );
  return sizes.sort((a, b) => b.bytesInOutput - a.bytesInOutput).slice(0, count);
}

/**
 * The same, summed per npm package: usually the more useful answer to "what blew the budget".
 * @example topPackages(bundle.metafile)[0] // { input: '@aws-sdk/client-s3', bytesInOutput: 120345 }
 */
export function topPackages(metafile: Metafile, count = 10): InputSize[] {
  const totals = new Map<string, number>();
  for (const { input, bytesInOutput } of topInputs(metafile, Number.POSITIVE_INFINITY)) {
    // Greedy prefix: a nested node_modules/a/node_modules/b is credited to b, the package actually bundled.
    const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    const key = match ? match[1]! : '(project source)';
    totals.set(key, (totals.get(key) ?? 0) + bytesInOutput);
  }
  return [...totals]
    .map(([input, bytesInOutput]) => ({ input, bytesInOutput }))
    .sort((a, b) => b.bytesInOutput - a.bytesInOutput)
    .slice(0, count);
}

/** @example formatInputSizes('largest inputs', sizes) // 'largest inputs\n   81.2 KB  node_modules/...' */
export function formatInputSizes(title: string, sizes: readonly InputSize[]): string {
  return [title, ...sizes.map((s) => `  ${formatKb(s.bytesInOutput).padStart(10)}  ${s.input}`)].join('\n');
}
