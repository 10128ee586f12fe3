/**
 * The layering the README promises, read from the import lines themselves: domain/ is pure (no Node built-ins, no
 * handlers, scripts or pages), and handlers/ depends on nothing above it (no scripts/, no test/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(dir, file));
}

/** Every module specifier a file imports, resolved to a path relative to the project root when relative. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g), ...text.matchAll(/import\('([^']+)'\)/g)].map(
    (match) => match[1]!,
  );
  return specifiers.map((spec) => (spec.startsWith('.') ? path.relative(root, path.resolve(root, path.dirname(file), spec)) : spec));
}

describe('the layers import only downwards', () => {
  it.each(sources('domain'))('%s imports no Node built-in and nothing from handlers/, scripts/, pages/ or test/', (file) => {
    const bad = importsOf(file).filter((spec) => spec.startsWith('node:') || /^(handlers|scripts|pages|test)\//.test(spec));
    expect(bad).toEqual([]);
  });

  it.each(sources('handlers'))('%s imports nothing from scripts/, pages/ or test/', (file) => {
    expect(importsOf(file).filter((spec) => /^(scripts|pages|test)\//.test(spec))).toEqual([]);
  });
});
