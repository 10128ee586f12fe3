/**
 * Runs the real CloudFront Function (edge/rewrite.js) outside CloudFront, so `npm start` rewrites /track/<token>,
 * /book/<slug>, /dashboard and / exactly as the deployed site does.
 *
 * Where this imitates CloudFront it follows the documented event shape (CloudFront Developer Guide, "CloudFront
 * Functions event structure"): `querystring` is `{ name: { value, multiValue? } }`, with `multiValue` present only
 * when a name repeats. Names and values are handed over as the viewer sent them, still percent-encoded (as
 * CloudFront does: the uri keeps its escapes too), and whatever the function leaves is sent on without re-encoding.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export interface CloudFrontValue {
  value: string;
  multiValue?: { value: string }[];
}

export type CloudFrontValues = Record<string, CloudFrontValue>;

export interface CloudFrontRequest {
  method: string;
  uri: string;
  querystring: CloudFrontValues;
  headers: CloudFrontValues;
  cookies: CloudFrontValues;
}

export interface CloudFrontViewerRequestEvent {
  version: '1.0';
  context: { eventType: 'viewer-request'; distributionDomainName?: string; distributionId?: string; requestId?: string };
  viewer: { ip: string };
  request: CloudFrontRequest;
}

/** What a viewer-request function returns: the (changed) request, or a response that CloudFront sends instead. */
export type EdgeHandler = (event: CloudFrontViewerRequestEvent) => unknown;

export const EDGE_FUNCTION_PATH = fileURLToPath(new URL('../edge/rewrite.js', import.meta.url));

/**
 * Reads the function file and evaluates it as a plain script in a fresh V8 context that has none of Node's globals
 * (no require, process, setTimeout): code that only works in Node fails here, as it would in CloudFront.
 * Throws naming the file when it does not define `function handler(event)`.
 */
export function loadEdgeFunction(path: string = EDGE_FUNCTION_PATH): EdgeHandler {
  const code = readFileSync(path, 'utf8');
  // CloudFront Functions have console.log; forward it so a debugging line does not break local runs.
  const sandbox = vm.createContext({
    console: Object.freeze({ log: (...args: unknown[]) => console.log('[edge]', ...args) }),
  });
  new vm.Script(code, { filename: path }).runInContext(sandbox);
  const handler: unknown = (sandbox as Record<string, unknown>).handler;
  if (typeof handler !== 'function') {
    throw new Error(`${path} does not define function handler(event); CloudFront calls that function`);
  }
  return handler as EdgeHandler;
}

/**
 * Runs `handler` on a viewer request for `url` and returns where it sends the request: the uri and the query
 * string (`?a=1&b=2`, or '' when there is none). Throws when the function answers with a response instead.
 * @example runEdge(loadEdgeFunction(), 'GET', new URL('http://localhost:3000/track/abc?x=1'))
 *   // { uri: '/track.html', search: '?x=1&token=abc' }
 */
export function runEdge(handler: EdgeHandler, method: string, url: URL): { uri: string; search: string } {
  const querystring = parseQuery(url.search);
  const before = cloneValues(querystring);
  const event: CloudFrontViewerRequestEvent = {
    version: '1.0',
    context: { eventType: 'viewer-request' },
    viewer: { ip: '127.0.0.1' },
    request: {
      method: method.toUpperCase(),
      uri: url.pathname,
      querystring,
      headers: { host: { value: url.host } },
      cookies: {},
    },
  };
  const result = handler(event);
  if (!isRequest(result)) {
    throw new Error(`the edge function answered ${url.pathname} with something other than a request (uri missing)`);
  }
  return { uri: result.uri, search: serializeQuery(result.querystring ?? {}, before) };
}

function isRequest(value: unknown): value is { uri: string; querystring?: CloudFrontValues } {
  return typeof value === 'object' && value !== null && typeof (value as { uri?: unknown }).uri === 'string';
}

/** `?a=1&a=2&b` → { a: { value: '1', multiValue: [{value:'1'},{value:'2'}] }, b: { value: '' } }, undecoded. */
function parseQuery(search: string): CloudFrontValues {
  // A null prototype, so a parameter named __proto__ is just a name.
  const values: CloudFrontValues = Object.create(null);
  const raw = search.startsWith('?') ? search.slice(1) : search;
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const name = at === -1 ? pair : pair.slice(0, at);
    const value = at === -1 ? '' : pair.slice(at + 1);
    const existing = values[name];
    if (existing === undefined) {
      values[name] = { value };
    } else {
      existing.multiValue ??= [{ value: existing.value }];
      existing.multiValue.push({ value });
    }
  }
  return values;
}

/**
 * Back to `?a=1&a=2&b`, with CloudFront's documented rule for repeated names: a changed `multiValue` list wins;
 * otherwise a changed `value` replaces the first occurrence and the others stay.
 */
function serializeQuery(values: CloudFrontValues, before: CloudFrontValues): string {
  const parts: string[] = [];
  for (const [name, entry] of Object.entries(values)) {
    for (const value of valuesOf(entry, before[name])) {
      parts.push(value === '' ? name : `${name}=${value}`);
    }
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

function valuesOf(entry: CloudFrontValue, original: CloudFrontValue | undefined): string[] {
  const list = entry.multiValue?.map((item) => item.value);
  if (list === undefined || list.length === 0) return [entry.value];
  const originalList = original?.multiValue?.map((item) => item.value);
  const listChanged = originalList === undefined || list.join('\u0000') !== originalList.join('\u0000');
  if (listChanged) return list;
  return [entry.value, ...list.slice(1)];
}

function cloneValues(values: CloudFrontValues): CloudFrontValues {
  const copy: CloudFrontValues = Object.create(null);
  for (const [name, entry] of Object.entries(values)) {
    copy[name] = { value: entry.value, ...(entry.multiValue ? { multiValue: entry.multiValue.map((v) => ({ ...v })) } : {}) };
  }
  return copy;
}
