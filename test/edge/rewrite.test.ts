/**
 * The CloudFront Function, run as CloudFront runs it: the file's text evaluated as a plain script in a fresh V8
 * context (no Node globals), called with viewer-request events in the documented shape (CloudFront Developer Guide,
 * "CloudFront Functions event structure"; checked against the aws-samples test objects and the AWS example event).
 * CloudFront itself cannot run here; `aws cloudfront test-function` with these events is the check on AWS.
 */
import { readdirSync, readFileSync } from 'node:fs';
import vm from 'node:vm';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { shipEdgeCode } from '../../scripts/sync-edge';

const SOURCE_PATH = new URL('../../edge/rewrite.js', import.meta.url);
const source = readFileSync(SOURCE_PATH, 'utf8');
/** What template.yaml and promote ship: the same code without comments. Every behaviour test runs on both. */
const shipped = shipEdgeCode(source);
const COPIES = [
  ['edge/rewrite.js', source],
  ['the shipped copy', shipped],
] as const;

type Values = Record<string, { value: string; multiValue?: { value: string }[] }>;

function loadHandler(code: string = source): (event: unknown) => { uri: string; querystring: Values; [key: string]: unknown } {
  const context = vm.createContext({});
  new vm.Script(code, { filename: 'edge/rewrite.js' }).runInContext(context);
  return (context as { handler: never }).handler;
}

/** A viewer-request event as CloudFront builds it (distribution fields are optional in tests, per the guide). */
function viewerRequest(uri: string, querystring: Values = {}) {
  return {
    version: '1.0',
    context: { eventType: 'viewer-request' },
    viewer: { ip: '198.51.100.11' },
    request: {
      method: 'GET',
      uri,
      querystring,
      headers: {
        host: { value: 'dispatch.example.com' },
        accept: { value: 'text/html', multiValue: [{ value: 'text/html' }, { value: 'application/xhtml+xml' }] },
      },
      cookies: { session: { value: 'abc' } },
    },
  };
}

const TOKEN = 'V1StGXR8_Z5jdHi6B-myT';

describe('the edge function as CloudFront loads it', () => {
  it('is a plain script: it parses without modules and defines handler(event) in a context with no Node globals', () => {
    expect(() => new vm.Script(source)).not.toThrow();
    expect(typeof loadHandler()).toBe('function');
  });

  it('uses no require, import, export, timers or Node globals', () => {
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const forbidden of [/\brequire\s*\(/, /\bimport\b/, /\bexport\b/, /\bset(Timeout|Interval|Immediate)\b/, /\bprocess\./, /\bBuffer\b/]) {
      expect(code).not.toMatch(forbidden);
    }
  });

  it('uses only ES5 syntax', () => {
    // esbuild refuses to lower let, const, classes, destructuring and generators to ES5: a throw names the culprit.
    expect(() => transformSync(source, { loader: 'js', target: 'es5' })).not.toThrow();
    // The ES2015+ syntax esbuild would lower silently instead: arrows, template literals, spread, ?. and ??.
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const later of [/=>/, /`/, /\.\.\./, /\?\./, /\?\?/, /\*\*/]) expect(code).not.toMatch(later);
  });

  it('stays under the 10 KB CloudFront Functions size limit', () => {
    expect(Buffer.byteLength(source, 'utf8')).toBeLessThan(10 * 1024);
  });

  it('ships without comments, inside 1 KB, still plain ES5 with handler(event)', () => {
    expect(shipped).not.toMatch(/\/\/|\/\*/);
    expect(Buffer.byteLength(shipped, 'utf8')).toBeLessThanOrEqual(1024);
    expect(() => transformSync(shipped, { loader: 'js', target: 'es5' })).not.toThrow();
    for (const later of [/=>/, /`/, /\.\.\./, /\?\./, /\?\?/]) expect(shipped).not.toMatch(later);
    expect(typeof loadHandler(shipped)).toBe('function');
  });
});

describe('the shipped copy answers every CloudFront-shaped event exactly as the source does', () => {
  const vectors = new URL('../../../shared/vectors/cloudfront-events/', import.meta.url);
  const events: [string, unknown][] = [];
  for (const name of readdirSync(vectors).filter((file) => file.endsWith('.json') && file !== 'SOURCES.json')) {
    const json = JSON.parse(readFileSync(new URL(name, vectors), 'utf8')) as { cases?: { name: string; event: unknown }[] };
    if (Array.isArray(json.cases)) for (const item of json.cases) events.push([`${name} ${item.name}`, item.event]);
    else events.push([name, json]);
  }
  const viewerRequests = events.filter(([, event]) => (event as { context?: { eventType?: string } }).context?.eventType === 'viewer-request');

  it('finds the public vectors (at least a dozen viewer-request events)', () => {
    expect(viewerRequests.length).toBeGreaterThanOrEqual(12);
  });

  it.each(viewerRequests)('%s', (_name, event) => {
    expect(loadHandler(shipped)(structuredClone(event))).toEqual(loadHandler(source)(structuredClone(event)));
  });
});

describe.each(COPIES)('short links become the static pages (%s)', (_name, code) => {
  const handler = loadHandler(code);

  it.each([
    ['/track/' + TOKEN, '/track.html', { token: { value: TOKEN } }],
    ['/track/' + TOKEN + '/', '/track.html', { token: { value: TOKEN } }],
    ['/track/' + 'a'.repeat(64), '/track.html', { token: { value: 'a'.repeat(64) } }],
    ['/book/north-side', '/book.html', { location: { value: 'north-side' } }],
    ['/book/north-side/', '/book.html', { location: { value: 'north-side' } }],
    ['/book/Soderblom-Ave', '/book.html', { location: { value: 'Soderblom-Ave' } }],
    ['/book/' + 'b'.repeat(80), '/book.html', { location: { value: 'b'.repeat(80) } }],
  ])('%s is served by %s with %j', (uri, page, query) => {
    const result = handler(viewerRequest(uri));
    expect(result.uri).toBe(page);
    expect(result.querystring).toEqual(query);
  });

  it.each([
    ['/', '/index.html'],
    ['/dashboard', '/dashboard.html'],
    ['/dashboard/', '/dashboard.html'],
  ])('%s is served by %s', (uri, page) => {
    expect(handler(viewerRequest(uri)).uri).toBe(page);
  });

  it('keeps the query parameters the link already had (utm tags, repeated names) and adds the token', () => {
    const result = handler(
      viewerRequest('/track/abc123', {
        utm_source: { value: 'sms' },
        tag: { value: 'a', multiValue: [{ value: 'a' }, { value: 'b' }] },
      }),
    );
    expect(result.uri).toBe('/track.html');
    expect(result.querystring).toEqual({
      utm_source: { value: 'sms' },
      tag: { value: 'a', multiValue: [{ value: 'a' }, { value: 'b' }] },
      token: { value: 'abc123' },
    });
  });

  it('takes the token from the path even when the query names another one', () => {
    const result = handler(
      viewerRequest('/track/abc123', { token: { value: 'other', multiValue: [{ value: 'other' }, { value: 'x' }] } }),
    );
    expect(result.querystring).toEqual({ token: { value: 'abc123' } });
  });

  it('changes nothing but the uri and query string: method, headers and cookies reach the origin as sent', () => {
    const event = viewerRequest('/track/' + TOKEN);
    const { method, headers, cookies } = structuredClone(event.request);
    const result = handler(event);
    expect(result).toEqual({ method, uri: '/track.html', querystring: { token: { value: TOKEN } }, headers, cookies });
  });
});

describe.each(COPIES)('everything else passes through untouched (%s)', (_name, code) => {
  const handler = loadHandler(code);

  it.each([
    ['/track/', 'no token'],
    ['/track', 'no token segment'],
    ['/track/a/b', 'extra segments'],
    ['/track/abc%2Fdef', 'a percent-encoded slash'],
    ['/track/abc%20def', 'a percent-encoded space'],
    ['/track/abc.html', 'a dot'],
    ['/track/' + 'a'.repeat(65), 'a token longer than 64'],
    ['/track//abc', 'an empty segment'],
    ['/book/', 'no slug'],
    ['/book/soderblom_ave', 'an underscore in a slug'],
    ['/book/soderblom%20ave', 'a percent-encoded slug'],
    ['/book/' + 'b'.repeat(81), 'a slug longer than 80'],
    ['/book/north-side/extra', 'extra segments'],
    ['/tracking/abc', 'a path that only starts like /track'],
    ['/track.html', 'the page itself'],
    ['/index.html', 'the page itself'],
    ['/dashboard.html', 'the page itself'],
    ['/dashboard/x', 'a path under /dashboard'],
    ['/api/jobs', 'the API (its own cache behaviour, but harmless here)'],
    ['/sms', 'the webhook'],
    ['/assets/track.js', 'an asset'],
    ['/track/../data/jobs.json', 'a path climbing out of /track'],
  ])('%s (%s)', (uri) => {
    const query = { utm_source: { value: 'sms' }, arg: { value: 'val1', multiValue: [{ value: 'val1' }, { value: 'val2' }] } };
    const event = viewerRequest(uri, structuredClone(query));
    const before = structuredClone(event.request);
    expect(handler(event)).toEqual(before);
  });

  it('/track.html?token=abc stays as it is', () => {
    const event = viewerRequest('/track.html', { token: { value: 'abc' } });
    expect(handler(event)).toEqual(viewerRequest('/track.html', { token: { value: 'abc' } }).request);
  });
});
