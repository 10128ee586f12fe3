import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEdgeFunction, runEdge, type EdgeHandler } from '../../handlers/edge-runner';

const local = (path: string) => new URL(path, 'http://localhost:3000');

describe('the local server routes page requests through the real edge function', () => {
  const edge = loadEdgeFunction();

  it.each([
    ['/track/V1StGXR8_Z5jdHi6B-myT', '/track.html', '?token=V1StGXR8_Z5jdHi6B-myT'],
    ['/track/abc123/?utm_source=sms', '/track.html', '?utm_source=sms&token=abc123'],
    ['/book/soderblom-ave', '/book.html', '?location=soderblom-ave'],
    ['/dashboard', '/dashboard.html', ''],
    ['/', '/index.html', ''],
    ['/track/a/b?x=1', '/track/a/b', '?x=1'],
    ['/assets/track.js', '/assets/track.js', ''],
  ])('%s → %s%s', (path, uri, search) => {
    expect(runEdge(edge, 'GET', local(path))).toEqual({ uri, search });
  });

  it('hands on repeated and percent-encoded parameters exactly as the browser sent them', () => {
    const url = local('/track/abc?tag=a&tag=b&q=%E5%AE%B6&note=a%20b&flag');
    expect(runEdge(edge, 'GET', url)).toEqual({
      uri: '/track.html',
      search: '?tag=a&tag=b&q=%E5%AE%B6&note=a%20b&flag&token=abc',
    });
  });

  it('keeps the escapes in the path, so an encoded slash is not mistaken for a token', () => {
    expect(runEdge(edge, 'GET', local('/track/abc%2Fdef'))).toEqual({ uri: '/track/abc%2Fdef', search: '' });
  });

  it('a parameter named __proto__ is only a parameter', () => {
    expect(runEdge(edge, 'GET', local('/track/abc?__proto__=x'))).toEqual({ uri: '/track.html', search: '?__proto__=x&token=abc' });
  });
});

describe('runEdge applies what a function changes the way CloudFront documents it', () => {
  const withQuery = (change: (q: Record<string, { value: string; multiValue?: { value: string }[] }>) => void): EdgeHandler =>
    (event) => {
      change(event.request.querystring);
      return event.request;
    };

  it('a changed multiValue list replaces every occurrence', () => {
    const handler = withQuery((q) => {
      q.a!.multiValue = [{ value: 'x' }, { value: 'y' }, { value: 'z' }];
    });
    expect(runEdge(handler, 'GET', local('/p?a=1&a=2')).search).toBe('?a=x&a=y&a=z');
  });

  it('a changed value replaces only the first occurrence when the list is untouched', () => {
    const handler = withQuery((q) => {
      q.a!.value = 'x';
    });
    expect(runEdge(handler, 'GET', local('/p?a=1&a=2')).search).toBe('?a=x&a=2');
  });

  it('a removed parameter is gone', () => {
    const handler = withQuery((q) => {
      delete q.a;
    });
    expect(runEdge(handler, 'GET', local('/p?a=1&b=2')).search).toBe('?b=2');
  });

  it('the event has the viewer-request shape CloudFront sends', () => {
    let seen: unknown;
    runEdge((event) => ((seen = structuredClone(event)), event.request), 'post', local('/p?a=1'));
    expect(seen).toEqual({
      version: '1.0',
      context: { eventType: 'viewer-request' },
      viewer: { ip: '127.0.0.1' },
      request: { method: 'POST', uri: '/p', querystring: { a: { value: '1' } }, headers: { host: { value: 'localhost:3000' } }, cookies: {} },
    });
  });

  it('a function that answers with a response instead of a request is reported, naming the path', () => {
    const redirect: EdgeHandler = () => ({ statusCode: 302, headers: { location: { value: '/' } } });
    expect(() => runEdge(redirect, 'GET', local('/old'))).toThrow(/\/old/);
  });
});

describe('loadEdgeFunction evaluates the file as CloudFront would', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edge-runner-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, code: string) => {
    const path = join(dir, name);
    writeFileSync(path, code);
    return path;
  };

  it('in a context without Node globals: a top-level require fails to load', () => {
    const path = file('node.js', "var fs = require('fs');\nfunction handler(event) { return event.request; }\n");
    expect(() => loadEdgeFunction(path)).toThrow(/require is not defined/);
  });

  it('a module (export) is not a CloudFront Function', () => {
    const path = file('module.js', 'export function handler(event) { return event.request; }\n');
    expect(() => loadEdgeFunction(path)).toThrow(SyntaxError);
  });

  it('a file without handler(event) is reported by name', () => {
    const path = file('empty.js', 'function main(event) { return event.request; }\n');
    expect(() => loadEdgeFunction(path)).toThrow(/empty\.js does not define function handler/);
  });
});
