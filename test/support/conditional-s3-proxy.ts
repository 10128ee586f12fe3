/**
 * TEST-ONLY: an HTTP proxy in front of s3rver that adds what s3rver lacks and real S3 has:
 * - conditional PUT: `If-None-Match: *` on an existing object → 412 PreconditionFailed; `If-Match` with another
 *   ETag → 412; `If-Match` on a missing key → 404 NoSuchKey (S3's documented codes and XML error format);
 * - atomic, read-after-write consistent objects: s3rver rewrites an object file in place, so a GET racing a PUT can
 *   read half a body, and it answers a PUT before its file write has finished (it resolves on its hashing stream,
 *   not the file stream), so even a GET sent after the 200 can read a truncated body under load. Requests for the
 *   same key are serialized here, and a PUT is answered only once s3rver serves the new bytes: what S3's atomic
 *   replacement and strong consistency look like to a client.
 * It records the headers of every PUT it receives (to prove what the SDK put on the wire) and can be told to answer
 * the next conditional PUT with 409 ConditionalRequestConflict, which S3 sends while another conditional write to
 * the key is in flight and which cannot be provoked deterministically otherwise.
 */
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedPut {
  /** "<bucket>/<key>" */
  readonly key: string;
  /** The request's path and query as sent on the wire (still percent-encoded). */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The status the proxy answered with. */
  readonly status: number;
}

export interface ConditionalS3Proxy {
  /** http://127.0.0.1:<port> — point the S3 client here (path-style). */
  readonly endpoint: string;
  readonly puts: RecordedPut[];
  /** The next conditional PUT is refused with 409 ConditionalRequestConflict without reaching s3rver. */
  injectConflictOnce(): void;
  /**
   * The next PUT that succeeds is answered 500 InternalError anyway: the write landed but its reply was lost, as
   * happens on real networks. The SDK retries a 500 with the same condition, which now fails.
   */
  loseNextSuccessReply(): void;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** The proxy in front of `upstream` (s3rver's http://127.0.0.1:<port>), listening on a free port. */
export async function startConditionalS3Proxy(upstream: string): Promise<ConditionalS3Proxy> {
  const target = new URL(upstream);
  const puts: RecordedPut[] = [];
  const locks = new Map<string, ReadWriteLock>();
  const lockFor = (key: string): ReadWriteLock => locks.get(key) ?? locks.set(key, new ReadWriteLock()).get(key)!;
  // Every write goes through here, so after the first look-up the proxy knows each key's ETag without asking
  // s3rver again; that keeps refused PUTs cheap while the whole key is locked.
  const knownEtags = new Map<string, string | null>();
  let conflictsToInject = 0;
  let successRepliesToLose = 0;

  async function handle(req: http.IncomingMessage): Promise<Reply> {
    const body = await readAll(req);
    const url = new URL(req.url ?? '/', 'http://proxy');
    const key = objectKeyOf(url);
    if (key === null) return forward(target, req, body);
    const reads = req.method === 'GET' || req.method === 'HEAD';
    // Reads of a key run side by side; anything that changes it runs alone.
    return lockFor(key).run(reads ? 'read' : 'write', async () => {
      if (reads) return forward(target, req, body);
      if (req.method !== 'PUT' || isSubresourceRequest(url, req.headers)) {
        knownEtags.delete(key); // a delete or copy: look the ETag up again next time
        return forward(target, req, body);
      }
      const reply = await conditionalPut(req, body, key, url.pathname);
      if (reply.status === 200) await untilReadable(target, url.pathname, body);
      let answer = reply;
      if (reply.status === 200 && successRepliesToLose > 0) {
        successRepliesToLose--;
        answer = s3Error(500, 'InternalError', 'We encountered an internal error. Please try again.', url.pathname);
      }
      puts.push({ key, path: `${url.pathname}${url.search}`, headers: { ...req.headers }, status: answer.status });
      return answer;
    });
  }

  async function conditionalPut(req: http.IncomingMessage, body: Buffer, key: string, resource: string): Promise<Reply> {
    const ifMatch = req.headers['if-match'];
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifMatch === undefined && ifNoneMatch === undefined) return write(req, body, key);
    if (conflictsToInject > 0) {
      conflictsToInject--;
      return s3Error(409, 'ConditionalRequestConflict', 'A conflicting conditional operation is currently in progress against this resource. Try again.', resource);
    }
    if (ifNoneMatch !== undefined && ifNoneMatch !== '*') {
      return s3Error(501, 'NotImplemented', 'A header you provided implies functionality that is not implemented', resource);
    }
    const cached = knownEtags.get(key);
    const current = cached !== undefined ? cached : await currentEtag(target, resource);
    knownEtags.set(key, current);
    if (ifNoneMatch === '*' && current !== null) {
      return s3Error(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', resource, 'If-None-Match');
    }
    if (ifMatch !== undefined) {
      if (current === null) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.', resource);
      // S3 compares the ETag as sent; a client that strips or mangles the quotes does not match.
      if (ifMatch !== current) {
        return s3Error(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', resource, 'If-Match');
      }
    }
    return write(req, body, key);
  }

  async function write(req: http.IncomingMessage, body: Buffer, key: string): Promise<Reply> {
    const reply = await forward(target, req, body);
    const etag = reply.headers['etag'];
    if (reply.status === 200 && typeof etag === 'string') knownEtags.set(key, etag);
    else knownEtags.delete(key);
    return reply;
  }

  const server = http.createServer((req, res) => {
    handle(req).then(
      (reply) => {
        res.writeHead(reply.status, reply.headers);
        res.end(reply.body);
      },
      (error: unknown) => {
        const reply = s3Error(500, 'InternalError', `proxy: ${(error as Error).message}`, req.url ?? '/');
        res.writeHead(reply.status, reply.headers);
        res.end(reply.body);
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    puts,
    injectConflictOnce: () => void conflictsToInject++,
    loseNextSuccessReply: () => void successRepliesToLose++,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Path-style object address "/<bucket>/<key...>" → "<bucket>/<key>", or null for bucket/service requests. */
function objectKeyOf(url: URL): string | null {
  const match = /^\/([^/]+)\/(.+)$/.exec(url.pathname);
  return match ? `${decodeURIComponent(match[1]!)}/${decodeURIComponent(match[2]!)}` : null;
}

/** ?acl, ?tagging, multipart parts, copies: not plain object writes (the SDK's own ?x-id=PutObject is). */
function isSubresourceRequest(url: URL, headers: IncomingHttpHeaders): boolean {
  return [...url.searchParams.keys()].some((name) => name !== 'x-id') || headers['x-amz-copy-source'] !== undefined;
}

/** Waits (briefly) until s3rver serves exactly `body` at `path`; see the file comment for why. */
async function untilReadable(target: URL, path: string, body: Buffer): Promise<void> {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
    const reply = await send(target, { method: 'GET', path, headers: {} }, Buffer.alloc(0));
    if (reply.status === 200 && reply.body.equals(body)) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`s3rver never served the object just written to ${path}`);
}

/** The object's ETag as s3rver reports it (quoted), or null when it does not exist. */
async function currentEtag(target: URL, path: string): Promise<string | null> {
  const reply = await send(target, { method: 'HEAD', path, headers: {} }, Buffer.alloc(0));
  if (reply.status === 404) return null;
  const etag = reply.headers['etag'];
  if (reply.status !== 200 || typeof etag !== 'string') throw new Error(`HEAD ${path} answered ${reply.status}`);
  return etag;
}

function forward(target: URL, req: http.IncomingMessage, body: Buffer): Promise<Reply> {
  // The body is already read; hop-by-hop and 100-continue negotiation headers must not be replayed.
  const { host: _host, expect: _expect, connection: _connection, 'transfer-encoding': _te, ...headers } = req.headers;
  return send(target, { method: req.method ?? 'GET', path: req.url ?? '/', headers: { ...headers, 'content-length': String(body.length) } }, body);
}

function send(target: URL, options: { method: string; path: string; headers: http.OutgoingHttpHeaders }, body: Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: target.hostname, port: target.port, ...options }, (response) => {
      readAll(response).then((data) => {
        const { connection: _connection, 'transfer-encoding': _te, ...headers } = response.headers;
        resolve({ status: response.statusCode ?? 502, headers, body: data });
      }, reject);
    });
    request.on('error', reject);
    // A stuck s3rver should fail the test with a reason, not hang it until the test timeout.
    request.setTimeout(15_000, () => request.destroy(new Error(`s3rver did not answer ${options.method} ${options.path}`)));
    request.end(body);
  });
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** An error in S3's REST format (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html). */
function s3Error(status: number, code: string, message: string, resource: string, condition?: string): Reply {
  const requestId = Math.random().toString(16).slice(2, 18).toUpperCase();
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>` +
    (condition ? `<Condition>${condition}</Condition>` : '') +
    `<Resource>${escapeXml(resource)}</Resource><RequestId>${requestId}</RequestId></Error>`;
  return { status, headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId }, body: Buffer.from(xml) };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A first-come-first-served read/write lock: a reader queued behind a writer waits for it (no starvation). */
class ReadWriteLock {
  /** Readers running (> 0), a writer running (-1), or idle (0). */
  private active = 0;
  private readonly queue: { mode: 'read' | 'write'; start: () => void }[] = [];

  async run<T>(mode: 'read' | 'write', task: () => Promise<T>): Promise<T> {
    await new Promise<void>((start) => {
      this.queue.push({ mode, start });
      this.admit();
    });
    try {
      return await task();
    } finally {
      this.active = mode === 'write' ? 0 : this.active - 1;
      this.admit();
    }
  }

  private admit(): void {
    for (let next = this.queue[0]; next !== undefined; next = this.queue[0]) {
      if (next.mode === 'write' ? this.active !== 0 : this.active < 0) return;
      this.queue.shift();
      this.active = next.mode === 'write' ? -1 : this.active + 1;
      next.start();
    }
  }
}
