import { createServer, type Server } from 'node:http';
import { isIP } from 'node:net';
import { UsageError } from '@faultline/core';
import { createDashboard, type DashboardOptions } from './dashboard.js';

export interface ServeOptions extends DashboardOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Loopback names and addresses: the only hosts a server without a token may listen on. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '[::1]';
}

/**
 * Listening beyond this machine without an operator token is refused: anyone who can reach the
 * port could stop runs and edit findings.
 */
export function assertSafeBind(options: { host: string; token?: string; viewerToken?: string }): void {
  const { host } = options;
  if (!isLoopback(host) && !options.token)
    throw new UsageError(`refusing to listen on ${host} without a token`, {
      code: 'E_SERVE_NO_TOKEN',
      hint: 'add --token <secret> (operator) and optionally --viewer-token <secret>, or keep the default --host 127.0.0.1',
    });
  if (options.viewerToken && !options.token)
    throw new UsageError('--viewer-token needs --token too', {
      code: 'E_SERVE_NO_TOKEN',
      hint: 'without an operator token the dashboard is open to whoever reaches it',
    });
  if (options.token && options.token === options.viewerToken)
    throw new UsageError('the viewer token must differ from the operator token', { code: 'E_SERVE_TOKEN' });
}

/** Starts the dashboard (see assertSafeBind for what it refuses). */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  assertSafeBind({ ...options, host });
  const handler = createDashboard(options);
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
