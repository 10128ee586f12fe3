/**
 * `npm run sync-edge`: copies edge/rewrite.js (the only hand-edited copy of the CloudFront Function) into the
 * `FunctionCode: |` block of template.yaml, without its comments (`shipEdgeCode`), leaving the rest of the template
 * byte for byte as it was. test/template.test.ts fails while the two differ, and says to run this.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseCfnYaml } from './cfn-yaml';

export const TEMPLATE_PATH = fileURLToPath(new URL('../template.yaml', import.meta.url));
export const EDGE_PATH = fileURLToPath(new URL('../edge/rewrite.js', import.meta.url));
/** The template resource that holds the copy. */
export const EDGE_RESOURCE = 'EdgeRewriteFunction';

/**
 * The code CloudFront runs: edge/rewrite.js without its comments. CloudFront bills and limits a function by its
 * size (10 KB) and every viewer request compiles it, so the why-comments stay in the source only. esbuild with
 * target es5 only reprints (no renaming, no minifying): test/edge/rewrite.test.ts runs every case on both copies.
 * @example shipEdgeCode('// why\nfunction handler(event) { return event.request; }\n') // 'function handler(event) {\n  return event.request;\n}\n'
 */
export function shipEdgeCode(source: string): string {
  return transformSync(source, { loader: 'js', target: 'es5', legalComments: 'none', charset: 'utf8' }).code;
}

const KEY_LINE = /^( *)FunctionCode:[ \t]*(?:\|[-+0-9]*)?[ \t]*(?:#.*)?$/;

/**
 * Returns `template` with the FunctionCode block replaced by `code` as a literal block scalar. Throws when the
 * template has no such block, or more than one (it would not know which to replace).
 * @example syncEdgeCode('R:\n  FunctionCode: |\n    old\n', 'new\n') // 'R:\n  FunctionCode: |\n    new\n'
 */
export function syncEdgeCode(template: string, code: string): string {
  const lines = template.split('\n');
  const starts = lines.flatMap((line, index) => (KEY_LINE.test(line) ? [index] : []));
  if (starts.length !== 1) {
    throw new Error(`template.yaml must have exactly one "FunctionCode: |" line (found ${starts.length})`);
  }
  const start = starts[0]!;
  const keyIndent = KEY_LINE.exec(lines[start]!)![1]!.length;

  // The old block: every following line that is blank or indented deeper than the key, up to the last
  // non-blank one (blank lines after it separate the next key and stay).
  let end = start;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (line.length - line.trimStart().length <= keyIndent) break;
    end = i;
  }

  const indent = ' '.repeat(keyIndent + 2);
  const body = code.endsWith('\n') ? code.slice(0, -1) : code;
  // Chomping: `|` keeps exactly one final newline, `|-` none, `|+` all of them.
  const chomp = !code.endsWith('\n') ? '-' : code.endsWith('\n\n') ? '+' : '';
  // An explicit indentation indicator when the code itself starts with spaces (YAML would take them as indent).
  const indicator = /^[ \t]/.test(body) ? '2' : '';
  const block = body.split('\n').map((line) => (line === '' ? '' : indent + line));
  const header = `${' '.repeat(keyIndent)}FunctionCode: |${indicator}${chomp}`;

  let rest = lines.slice(end + 1);
  // With `|+` every blank line after the block belongs to the value: the code's own final blank lines are
  // already in the block, so the template's separating blank lines must go.
  if (chomp === '+') {
    const next = rest.findIndex((line) => line.trim() !== '');
    rest = next === -1 ? [] : rest.slice(next);
  }
  return [...lines.slice(0, start), header, ...block, ...rest].join('\n');
}

/** The FunctionCode string of the edge resource as CloudFormation will read it. */
export function templateEdgeCode(template: string): unknown {
  const parsed = parseCfnYaml(template) as { Resources?: Record<string, { Properties?: { FunctionCode?: unknown } }> };
  return parsed.Resources?.[EDGE_RESOURCE]?.Properties?.FunctionCode;
}

function main(): void {
  const template = readFileSync(TEMPLATE_PATH, 'utf8');
  const code = shipEdgeCode(readFileSync(EDGE_PATH, 'utf8'));
  const updated = syncEdgeCode(template, code);
  // Never write a template whose parsed copy would still differ (an indentation or chomping surprise).
  if (templateEdgeCode(updated) !== code) {
    throw new Error(`after the update, Resources.${EDGE_RESOURCE}.Properties.FunctionCode still differs from the shipped edge/rewrite.js`);
  }
  if (updated === template) {
    console.log('template.yaml already has the current edge/rewrite.js (shipped without comments)');
    return;
  }
  writeFileSync(TEMPLATE_PATH, updated);
  console.log(`template.yaml: ${EDGE_RESOURCE} FunctionCode updated from edge/rewrite.js (${Buffer.byteLength(code)} bytes shipped)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (error) {
    console.error(`sync-edge: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
