import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { createHttpFaultLayer } from '../http/http-fault-layer.js';
import { UsageError } from '@faultline/core/errors';
import { formatHostPort } from '../net/host-port.js';
import { listenOn } from '../net/listen-on.js';
import { ProxyCollection } from '../proxy/proxy-collection.js';
import { createDefaultToxicRegistry } from '../toxics/default-toxics.js';
import type { ToxicRegistry } from '../toxics/toxic-registry.js';
import { ApiError } from './api-error.js';
import { route } from './routes.js';

export interface ProxyServerOptions {
  /** API address; 127.0.0.1 unless told otherwise. */
  host?: string;
  /** API port; Toxiproxy's 8474 by default, 0 for any free port. */
  port?: number;
  /** When set, every request but GET /version needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Toxic kinds; the default toxics when omitted. */
  registry?: ToxicRegistry;
  /** Proxies to create at start: the JSON array /populate takes. */
  proxies?: unknown;
}

const MAX_BODY = 1 << 20;

/** The fault proxy's API server: Toxiproxy's HTTP API plus HTTP faults, over a ProxyCollection. */
export class ProxyServer {
  readonly collection: ProxyCollection;
  private server: Server | undefined;
  private readonly token: Buffer | undefined;

  constructor(private readonly options: ProxyServerOptions = {}) {
    this.collection = new ProxyCollection(options.registry ?? createDefaultToxicRegistry(), () =>
      createHttpFaultLayer(),
    );
    // An empty token must not quietly mean "no authentication".
    if (options.token !== undefined && options.token.trim() === '')
      throw new UsageError('the proxy API token is empty', {
        code: 'E_PROXY_TOKEN',
        hint: 'pass a non-empty token, or none at all to run the API without authentication',
      });
    this.token = options.token === undefined ? undefined : Buffer.from(options.token);
  }

  /** Starts a server and waits until it listens (and its configured proxies are up). */
  static async start(options: ProxyServerOptions = {}): Promise<ProxyServer> {
    const server = new ProxyServer(options);
    await server.listen();
    return server;
  }

  get address(): AddressInfo {
    if (!this.server) throw new Error('the proxy server is not listening');
    return this.server.address() as AddressInfo;
  }

  /** Base URL of the API, e.g. http://127.0.0.1:8474 */
  get url(): string {
    const { address, port } = this.address;
    return `http://${formatHostPort(address, port)}`;
  }

  async listen(): Promise<void> {
    const server = http.createServer((req, res) => void this.handle(req, res));
    server.keepAliveTimeout = 5000;
    await listenOn(server, { host: this.options.host ?? '127.0.0.1', port: this.options.port ?? 8474 });
    this.server = server;
    if (this.options.proxies !== undefined) {
      try {
        const { populate } = await import('./populate.js');
        await populate(this.collection, this.options.proxies);
      } catch (error) {
        // A half-applied config must not leave listeners behind.
        await this.close();
        throw error;
      }
    }
  }

  /** Stops the API and every proxy (their connections close). */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await this.collection.clear();
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      // Toxiproxy refuses browsers: a web page must not be able to drive the proxy (CSRF).
      if ((req.headers['user-agent'] ?? '').startsWith('Mozilla/')) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('User agent not allowed\n');
        return;
      }
      const url = new URL(req.url ?? '/', 'http://proxy');
      if (this.token && !(req.method === 'GET' && url.pathname === '/version') && !this.authorized(req)) {
        throw new ApiError('missing or invalid API token (send Authorization: Bearer <token>)', 401, {
          hint: 'experiments pass it as the secret faultline_proxy_token',
        });
      }
      const body = req.method === 'GET' || req.method === 'DELETE' ? undefined : await readBody(req);
      const answer = await route(this.collection, req.method ?? 'GET', url.pathname, body);
      if (answer.text !== undefined) {
        res
          .writeHead(answer.status, { 'content-type': answer.contentType ?? 'text/plain; charset=utf-8' })
          .end(answer.text);
      } else if (answer.json === undefined) {
        res.writeHead(answer.status).end();
      } else {
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.json));
      }
    } catch (error) {
      const apiError =
        error instanceof ApiError
          ? error
          : new ApiError(error instanceof Error ? error.message : String(error), 500, { cause: error });
      if (res.headersSent) return void res.destroy();
      res.writeHead(apiError.status, { 'content-type': 'application/json' }).end(`${JSON.stringify(apiError)}\n`);
    }
  }

  private authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    return this.token !== undefined && given.length === this.token.length && timingSafeEqual(given, this.token);
  }
}

/** The raw body, or `undefined` when empty; JSON errors become Toxiproxy's "bad request body". */
async function readBody(req: IncomingMessage): Promise<{ raw: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new ApiError('bad request body: larger than 1 MiB', 413);
    chunks.push(chunk);
  }
  return { raw: Buffer.concat(chunks).toString('utf8') };
}
