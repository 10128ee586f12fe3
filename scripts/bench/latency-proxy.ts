/**
 * A forwarding HTTP proxy that holds every request `delayMs` before passing it on: the network between a Lambda
 * and S3 or SES, which s3rver and aws-ses-v2-local on 127.0.0.1 do not have. AWS's S3 performance guide puts
 * small-request median latencies "in the tens of milliseconds" (Best Practices Design Patterns: Optimizing Amazon S3
 * Performance, "Timeouts and Retries for Latency-Sensitive Applications"); the cold-start bench uses 20 ms. A model,
 * said as one: what it shows is how a handler's round trips add up, not what AWS would measure.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LatencyProxy {
  /** http://127.0.0.1:<port>, to use in place of the upstream's endpoint. */
  readonly endpoint: string;
  close(): Promise<void>;
}

/** Starts a proxy to `upstream` (http://host:port) that answers each request `delayMs` later than it would. */
export async function startLatencyProxy(upstream: string, delayMs: number): Promise<LatencyProxy> {
  const target = new URL(upstream);
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    // Read the whole request first, as a network would deliver it, then forward it after the delay.
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      setTimeout(() => {
        const forward = http.request(
          { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        forward.on('error', (error) => {
          res.writeHead(502);
          res.end(String(error));
        });
        forward.end(Buffer.concat(chunks));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
