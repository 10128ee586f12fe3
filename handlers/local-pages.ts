/**
 * Local stand-in for CloudFront + S3: every page request goes through the real edge function (edge/rewrite.js,
 * run in node:vm exactly as CloudFront would run it), then is served from the built pages folder.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Hono } from 'hono';
import { loadEdgeFunction, runEdge } from './edge-runner';
import { PAGE_HEADERS } from './security-headers';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

export async function pageRoutes(pagesDir: string): Promise<Hono> {
  const edge = await loadEdgeFunction();
  const app = new Hono();
  app.get('*', async (c) => {
    const rewritten = runEdge(edge, 'GET', new URL(c.req.url));
    const path = normalize(join(pagesDir, decodeURIComponent(rewritten.uri)));
    // Never serve outside the pages folder (../ tricks), like an S3 origin scoped to the pages prefix.
    if (!path.startsWith(normalize(pagesDir) + sep)) return c.json({ error: 'Not found' }, 404);
    try {
      const body = await readFile(path);
      return c.body(body, 200, {
        ...PAGE_HEADERS,
        'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
        'Cache-Control': extname(path) === '.html' ? 'no-cache' : 'public, max-age=300',
      });
    } catch {
      return c.text('Not found', 404, PAGE_HEADERS);
    }
  });
  return app;
}
