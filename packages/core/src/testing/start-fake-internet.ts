import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selfSignedCert } from './self-signed-cert.js';

export type HostHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface FakeInternet {
  /** http://127.0.0.1:<port>: set as HTTPS_PROXY / HTTP_PROXY for the process under test. */
  readonly proxyUrl: string;
  /** PEM file of the certificate the fake hosts present: set as NODE_EXTRA_CA_CERTS. */
  readonly caFile: string;
  /** Environment that routes a spawned process's http(s) calls to the fake hosts. */
  readonly env: Record<string, string>;
  /** "GET https://api.example.com/health", in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * Lets experiments that call public hosts (the seed's https://api.example.com/health) run
 * unchanged in tests, with no network: a forward proxy on 127.0.0.1 that terminates TLS for the
 * named hosts with a throwaway certificate (needs `openssl`) and answers with the given handlers.
 * Unknown hosts get 502, so nothing ever leaves the machine.
 */
export async function startFakeInternet(hosts: Record<string, HostHandler>): Promise<FakeInternet> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-internet-'));
  const names = Object.keys(hosts);
  const { key, cert } = selfSignedCert({ hosts: names.length ? names : ['localhost'] });
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, cert);

  const requests: string[] = [];
  const route = (scheme: 'http' | 'https') => (req: IncomingMessage, res: ServerResponse) => {
    const url =
      scheme === 'http' && req.url?.startsWith('http')
        ? new URL(req.url)
        : new URL(req.url ?? '/', `https://${req.headers.host}`);
    requests.push(`${req.method} ${scheme}://${url.host}${url.pathname}`);
    const handler = hosts[url.hostname];
    if (!handler) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`fake internet: no host ${url.hostname}`);
      return;
    }
    req.url = `${url.pathname}${url.search}`;
    handler(req, res);
  };
  const tlsServer = createHttpsServer({ key, cert }, route('https'));
  const proxy = createServer(route('http'));
  const sockets = new Set<Socket>();
  proxy.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  proxy.on('connect', (req: IncomingMessage, socket: Socket) => {
    const host = (req.url ?? '').split(':')[0] ?? '';
    if (!hosts[host]) {
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    tlsServer.emit('connection', socket);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  return {
    proxyUrl,
    caFile,
    env: {
      HTTPS_PROXY: proxyUrl,
      HTTP_PROXY: proxyUrl,
      https_proxy: proxyUrl,
      http_proxy: proxyUrl,
      NO_PROXY: '127.0.0.1,localhost',
      NODE_EXTRA_CA_CERTS: caFile,
    },
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => resolve());
      }),
  };
}
