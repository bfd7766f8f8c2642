import type { Socket } from 'node:net';
import { api, Cleanup, connect, echoServer, portOf, startApi, waitFor } from './net-fixtures.js';
import type { ProxyServer } from '../server/proxy-server.js';
import type { ToxicRegistry } from '../toxics/toxic-registry.js';

/** An API server with one proxy "p" in front of an echo server. */
export interface ToxicHarness {
  server: ProxyServer;
  base: string;
  proxyPort: number;
  echoSockets: Set<Socket>;
  /** Connects and waits until the proxy has accepted (so toxics added next reach the connection). */
  client(): Promise<Socket>;
  addToxic(body: Record<string, unknown>): Promise<{ status: number; json: any }>;
  updateToxic(name: string, body: Record<string, unknown>): Promise<{ status: number; json: any }>;
  removeToxic(name: string): Promise<number>;
}

export async function toxicHarness(
  cleanup: Cleanup,
  upstreamPort?: number,
  registry?: ToxicRegistry,
): Promise<ToxicHarness> {
  const echo =
    upstreamPort === undefined ? await echoServer(cleanup) : { port: upstreamPort, sockets: new Set<Socket>() };
  const server = await startApi(cleanup, registry ? { registry } : {});
  const base = server.url;
  const created = await api(base, 'POST', '/proxies', {
    name: 'p',
    listen: '127.0.0.1:0',
    upstream: `127.0.0.1:${echo.port}`,
  });
  const proxyPort = portOf(created.json.listen);
  const proxy = server.collection.get('p');
  return {
    server,
    base,
    proxyPort,
    echoSockets: echo.sockets,
    async client() {
      const before = proxy.connections.size;
      const socket = await connect(proxyPort, cleanup);
      await waitFor(() => proxy.connections.size > before);
      return socket;
    },
    addToxic: (body) => api(base, 'POST', '/proxies/p/toxics', body),
    updateToxic: (name, body) => api(base, 'PATCH', `/proxies/p/toxics/${name}`, body),
    removeToxic: async (name) => (await api(base, 'DELETE', `/proxies/p/toxics/${name}`)).status,
  };
}
