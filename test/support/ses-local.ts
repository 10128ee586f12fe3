/**
 * Starts a real aws-ses-v2-local (an SES v1/v2 API implementation with a mail store) on 127.0.0.1 with a free
 * port, through its programmatic API (the package's default export: `server({ host, port })` → http.Server).
 * Loaded with require because it is CommonJS with `exports.default`, which Node's ESM import would wrap.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

type SesLocalModule = typeof import('aws-ses-v2-local');
const { default: startServer } = createRequire(import.meta.url)('aws-ses-v2-local') as SesLocalModule;

/** One email as aws-ses-v2-local's GET /store lists it. */
export interface StoredEmail {
  readonly messageId: string;
  readonly from: string;
  readonly replyTo: string[];
  readonly destination: { readonly to: string[]; readonly cc: string[]; readonly bcc: string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
  readonly at: number;
}

export interface RunningSesLocal {
  /** http://127.0.0.1:<port>, the value SES_ENDPOINT would hold. */
  readonly endpoint: string;
  /** Everything it has received (its store is per process, so tests look up their own messageId). */
  emails(): Promise<StoredEmail[]>;
  close(): Promise<void>;
}

export async function startSesLocal(): Promise<RunningSesLocal> {
  const server = await startServer({ host: '127.0.0.1', port: 0 });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    async emails() {
      const response = await fetch(`${endpoint}/store`);
      if (!response.ok) throw new Error(`aws-ses-v2-local /store answered ${response.status}`);
      return ((await response.json()) as { emails: StoredEmail[] }).emails;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
