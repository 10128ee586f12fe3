/**
 * Builds the static pages into one flat folder that is served as-is: by the local server (`buildPages('dist/pages')`
 * at start) and, through the staging prefix of the bucket, by CloudFront. It lives in handlers/ because both the
 * local server and `npm run build` (scripts/build.ts) use it, and handlers/ imports nothing from above itself.
 * Only the local entry imports it: esbuild never reaches a Lambda bundle.
 *
 * - top-level `pages/*.ts` are page scripts: each is bundled for the browser to `<outdir>/<name>.js`, pulling in
 *   what it imports (../domain/statuses and friends), so the browser never fetches a relative module;
 * - `.ts` files in sub-folders are modules those scripts import, not pages, so they are not emitted on their own;
 * - html, css and image/icon/manifest files are copied with their relative path kept.
 */
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * What gets copied besides the bundled scripts. An allowlist on purpose: the output is published to a public
 * site, so a stray notes.md or .env dropped into pages/ must not ride along.
 */
export const PAGE_ASSET_EXTENSIONS: readonly string[] = [
  '.html',
  '.css',
  '.png',
  '.svg',
  '.ico',
  '.jpg',
  '.jpeg',
  '.webp',
  '.webmanifest',
  '.txt',
  '.woff2',
];

/** Browser bundle settings for page scripts: modern evergreen browsers, one self-contained ES module per page. */
export const PAGE_SCRIPT_BUILD = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
} as const;

export interface BuildPagesOptions {
  /** Default true; the local server may pass false to get readable scripts while developing. */
  readonly minify?: boolean;
  /** Where the page sources are; default `pages`. Tests point this at a fixture folder. */
  readonly srcdir?: string;
  /** Page names to leave out, e.g. ['dev'] for deployments: the /dev simulator only works on the local server. */
  readonly exclude?: readonly string[];
}

/**
 * Bundles page scripts and copies page assets into `outdir`; returns the written files (sorted, joined to outdir).
 * Works with a pages/ folder that has no scripts yet.
 * @example await buildPages('dist/pages') // ['dist/pages/index.html', 'dist/pages/track.js', ...]
 */
export async function buildPages(outdir: string, options: BuildPagesOptions = {}): Promise<string[]> {
  const srcdir = options.srcdir ?? 'pages';
  const excluded = new Set(options.exclude ?? []);
  const files = (await listFiles(srcdir)).filter((rel) => rel.includes('/') || !excluded.has(path.basename(rel, path.extname(rel))));
  await mkdir(outdir, { recursive: true });

  const scripts = files.filter((rel) => isPageScript(rel));
  const assets = files.filter((rel) => PAGE_ASSET_EXTENSIONS.includes(path.extname(rel).toLowerCase()));
  const written: string[] = [];

  for (const rel of assets) {
    const target = path.join(outdir, rel);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(srcdir, rel), target);
    written.push(target);
  }

  if (scripts.length > 0) {
    const clash = assets.find((rel) => scripts.some((s) => scriptOutputName(s) === rel));
    if (clash) throw new Error(`pages: ${clash} would be overwritten by the bundle of ${clash.replace(/\.js$/, '.ts')}`);
    await build({
      ...PAGE_SCRIPT_BUILD,
      entryPoints: scripts.map((rel) => path.join(srcdir, rel)),
      outdir,
      entryNames: '[name]',
      minify: options.minify ?? true,
      // No shared chunks: each page loads exactly one script, which keeps the CloudFront cache story trivial.
      splitting: false,
      logLevel: 'silent',
    });
    written.push(...scripts.map((rel) => path.join(outdir, scriptOutputName(rel))));
  }

  return written.sort();
}

function isPageScript(rel: string): boolean {
  return !rel.includes('/') && rel.endsWith('.ts') && !rel.endsWith('.d.ts');
}

function scriptOutputName(rel: string): string {
  return rel.replace(/\.ts$/, '.js');
}

/** Relative paths (with `/`) of every file under `dir`, skipping dotfiles; an absent folder has no files. */
async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((rel) => !rel.split('/').some((part) => part.startsWith('.')))
    .sort();
}
