/**
 * Section 5: Lambda bundle sizes, built by the same function `npm run build` uses (scripts/build-lambda.ts, with
 * the settings from scripts/build-options.ts) into a temp dir, and where the bytes come from.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HTTP_BUNDLE_BUDGET_BYTES, LAMBDA_ENTRIES } from '../build-options';
import { bundleLambda, topPackages, type LambdaBundle } from '../build-lambda';
import { kb, msSince } from './stats';

export async function benchBundles(problems: string[]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'sms-dispatcher-bundle-'));
  try {
    const bundles: { bundle: LambdaBundle; ms: number }[] = [];
    for (const [name, entry] of Object.entries(LAMBDA_ENTRIES)) {
      const t0 = process.hrtime.bigint();
      bundles.push({ bundle: await bundleLambda(name, entry, dir), ms: msSince(t0) });
    }
    const header = ['bundle', 'entry', 'bytes', 'size', 'gzip', 'vs HTTP budget', 'esbuild ms'];
    const rows = bundles.map(({ bundle, ms }) => [
      bundle.name,
      LAMBDA_ENTRIES[bundle.name as keyof typeof LAMBDA_ENTRIES],
      String(bundle.bytes),
      kb(bundle.bytes),
      kb(bundle.gzipBytes),
      `${((bundle.bytes / HTTP_BUNDLE_BUDGET_BYTES) * 100).toFixed(0)}% of ${kb(HTTP_BUNDLE_BUDGET_BYTES)}`,
      ms.toFixed(0),
    ]);
    const cells = [header, ...rows];
    const widths = header.map((_, col) => Math.max(...cells.map((row) => row[col]!.length)));
    const lines = cells.map((row) => row.map((cell, col) => (col < 2 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  '));
    for (const { bundle } of bundles) {
      lines.push(`${bundle.name}: top 8 packages by bytes in output`);
      for (const pkg of topPackages(bundle.metafile, 8)) {
        lines.push(`  ${kb(pkg.bytesInOutput).padStart(9)}  ${((pkg.bytesInOutput / bundle.bytes) * 100).toFixed(1).padStart(5)}%  ${pkg.input}`);
      }
    }
    const http = bundles.find(({ bundle }) => bundle.name === 'http')?.bundle;
    if (http && http.bytes > HTTP_BUNDLE_BUDGET_BYTES) {
      problems.push(`bundle: http is ${http.bytes} bytes, over HTTP_BUNDLE_BUDGET_BYTES (${HTTP_BUNDLE_BUDGET_BYTES})`);
    }
    return lines;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
