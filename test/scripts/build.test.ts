import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_BUNDLE_BUDGET_BYTES } from '../../scripts/build-options';
import { budgetFailure, bundleLambda, formatSizeTable, topInputs } from '../../scripts/build-lambda';
import { buildPages } from '../../handlers/build-pages';

const STATUSES_MODULE = path.resolve('domain/statuses.ts');
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'build-test-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Writes files (relative path → content) under a fresh folder and returns it. */
async function fixture(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(work, name);
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  return dir;
}

describe('buildPages', () => {
  it('bundles a page script with what it imports, so the browser never fetches a relative module', async () => {
    const srcdir = await fixture('pages-with-script', {
      'track.html': '<!doctype html><title>Track</title><script type="module" src="/track.js"></script>',
      'site.css': 'body { color: #111; }',
      'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'lib/greeting.ts': "export const GREETING = 'hello-from-a-relative-module';",
      'track.ts': [
        "import { GREETING } from './lib/greeting';",
        `import { STATUSES } from ${JSON.stringify(STATUSES_MODULE)};`,
        '(globalThis as Record<string, unknown>).__trackPage = `${GREETING}|${STATUSES.en_route.label}`;',
      ].join('\n'),
    });
    const outdir = path.join(work, 'out-with-script');

    const written = await buildPages(outdir, { srcdir });

    expect(written).toEqual(
      ['assets/logo.svg', 'site.css', 'track.html', 'track.js'].map((rel) => path.join(outdir, rel)),
    );
    const js = await readFile(path.join(outdir, 'track.js'), 'utf8');
    expect(js).toContain('hello-from-a-relative-module');
    expect(js).toContain('Crew on the way');
    expect(js).not.toMatch(/\bimport\b[^;]*["']\.{0,2}\//);
    // The bundle runs on its own: what the page script computed from both imports is there.
    await import(pathToFileURL(path.join(outdir, 'track.js')).href);
    expect((globalThis as Record<string, unknown>).__trackPage).toBe('hello-from-a-relative-module|Crew on the way');
    expect(await readFile(path.join(outdir, 'site.css'), 'utf8')).toBe('body { color: #111; }');
  });

  it('copies html, css and images when there are no page scripts yet, and leaves stray files out', async () => {
    const srcdir = await fixture('pages-static-only', {
      'index.html': '<!doctype html><title>Home</title>',
      'site.css': 'body{}',
      'favicon.ico': 'ico',
      'icon.png': 'png',
      'site.webmanifest': '{}',
      'notes.md': 'internal notes',
      '.env': 'SECRET=1',
    });
    const outdir = path.join(work, 'out-static-only');

    const written = await buildPages(outdir, { srcdir });

    const expected = ['favicon.ico', 'icon.png', 'index.html', 'site.css', 'site.webmanifest'];
    expect(written).toEqual(expected.map((rel) => path.join(outdir, rel)));
    expect((await readdir(outdir)).sort()).toEqual(expected);
  });

  it('leaves the local-only /dev simulator out of a deployment build', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'pages-deploy-'));
    try {
      const written = (await buildPages(out, { exclude: ['dev'] })).map((file) => path.basename(file));
      expect(written).toEqual(expect.arrayContaining(['track.html', 'track.js', 'book.html', 'dashboard.js']));
      expect(written.filter((name) => name.startsWith('dev.'))).toEqual([]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('builds nothing, without failing, when the pages folder does not exist', async () => {
    expect(await buildPages(path.join(work, 'out-none'), { srcdir: path.join(work, 'no-such-pages') })).toEqual([]);
  });
});

describe('Lambda bundles', () => {
  it('produce a CommonJS index.js whose handler runs on its own', async () => {
    const entryDir = await fixture('lambda-entry', {
      'padding.ts': `export const PADDING = ${JSON.stringify('x'.repeat(20_000))};`,
      'entry.ts': [
        "import { createHash } from 'node:crypto';",
        "import { PADDING } from './padding';",
        `import { STATUSES, type StatusId } from ${JSON.stringify(STATUSES_MODULE)};`,
        'export const handler = async (event: { status: StatusId }) => ({',
        '  statusCode: 200,',
        "  body: JSON.stringify({ label: STATUSES[event.status].label, padding: PADDING.length, hash: createHash('sha256').update('a').digest('hex').slice(0, 8) }),",
        '});',
      ].join('\n'),
    });

    const bundle = await bundleLambda('http', path.join(entryDir, 'entry.ts'), path.join(work, 'lambda'));

    expect(bundle.outfile).toBe(path.join(work, 'lambda', 'http', 'index.js'));
    const loaded = createRequire(import.meta.url)(bundle.outfile) as { handler: (e: unknown) => Promise<unknown> };
    await expect(loaded.handler({ status: 'completed' })).resolves.toEqual({
      statusCode: 200,
      body: JSON.stringify({ label: 'All done', padding: 20_000, hash: 'ca978112' }),
    });
    expect(bundle.bytes).toBe((await readFile(bundle.outfile)).length);
    expect(bundle.gzipBytes).toBeLessThan(bundle.bytes);
    expect(topInputs(bundle.metafile)[0]?.input).toMatch(/padding\.ts$/);

    const table = formatSizeTable([bundle]);
    expect(table).toContain(String(bundle.bytes));
    expect(table).toContain(`${(bundle.bytes / 1024).toFixed(1)} KB`);
    expect(table).toContain(String(bundle.gzipBytes));
  });

  it.each([
    { bytes: HTTP_BUNDLE_BUDGET_BYTES, fails: false },
    { bytes: HTTP_BUNDLE_BUDGET_BYTES + 1, fails: true },
  ])('an http bundle of $bytes bytes fails the build: $fails', ({ bytes, fails }) => {
    const failure = budgetFailure({ name: 'http', bytes }, HTTP_BUNDLE_BUDGET_BYTES);
    if (fails) expect(failure).toContain(`HTTP_BUNDLE_BUDGET_BYTES budget of ${(HTTP_BUNDLE_BUDGET_BYTES / 1024).toFixed(1)} KB (${HTTP_BUNDLE_BUDGET_BYTES} bytes)`);
    else expect(failure).toBeNull();
  });
});
