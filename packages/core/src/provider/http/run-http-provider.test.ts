import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityFailedError, InterruptedError } from '../../errors/faultline-error.js';
import type { HttpProvider } from '../../model/experiment.js';
import { findSystemBinary } from '../../testing/find-system-binary.js';
import { selfSignedCert } from '../../testing/self-signed-cert.js';
import { runHttpProvider } from './run-http-provider.js';

type Handler = (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void;

let server: http.Server;
let base: string;
const routes = new Map<string, Handler>();
let hits = new Map<string, number>();

function route(path: string, handler: Handler): string {
  routes.set(path, handler);
  return `${base}${path}`;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      hits.set(path, (hits.get(path) ?? 0) + 1);
      const handler = routes.get(path);
      if (!handler) {
        res.writeHead(404).end('no route');
        return;
      }
      handler(req, Buffer.concat(chunks).toString(), res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const run = (
  provider: Omit<HttpProvider, 'type'>,
  options: { signal?: AbortSignal; verifyTls?: boolean; env?: Record<string, string> } = {},
) =>
  runHttpProvider(
    { type: 'http', ...provider },
    { signal: options.signal ?? new AbortController().signal, verifyTls: options.verifyTls, env: options.env ?? {} },
  );

/** A forward proxy on 127.0.0.1: answers plain requests itself, tunnels CONNECT to `tunnelTo`. */
async function startProxy(
  tunnelTo?: () => number,
): Promise<{ url: string; seen: string[]; close: () => Promise<void> }> {
  const seen: string[] = [];
  const proxy = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        via: 'proxy',
        url: req.url,
        host: req.headers.host,
        auth: req.headers['proxy-authorization'] ?? null,
      }),
    );
  });
  const tunnels: net.Socket[] = [];
  proxy.on('connect', (req, socket: net.Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    tunnels.push(socket);
    if (!tunnelTo) {
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
      return;
    }
    const upstream = net.connect(tunnelTo(), '127.0.0.1', () => {
      tunnels.push(upstream);
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`,
    seen,
    close: async () => {
      tunnels.forEach((socket) => socket.destroy()); // upgraded sockets are not the server's to close
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}

const echo: Handler = (req, body, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
};

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

describe('runHttpProvider: responses', () => {
  it('GETs a JSON endpoint and parses the body', async () => {
    const url = route('/json', (_req, _body, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"status":"UP","checks":[1,2]}');
    });
    const out = await run({ url });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ status: 'UP', checks: [1, 2] });
    expect(out.headers['Content-Type']).toBe('application/json');
  });

  it('parses JSON with a charset parameter and +json media types', async () => {
    const charset = route('/charset', (_req, _b, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end('{"a":"é"}');
    });
    expect((await run({ url: charset })).body).toEqual({ a: 'é' });
    const problem = route('/problem', (_req, _b, res) => {
      res.writeHead(503, { 'Content-Type': 'application/problem+json' });
      res.end('{"title":"down"}');
    });
    expect(await run({ url: problem })).toMatchObject({ status: 503, body: { title: 'down' } });
  });

  it('returns text for other content types, and for JSON that does not parse', async () => {
    const text = route('/text', (_req, _b, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('hello\n');
    });
    expect((await run({ url: text })).body).toBe('hello\n');
    const broken = route('/broken-json', (_req, _b, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{not json');
    });
    expect((await run({ url: broken })).body).toBe('{not json');
  });

  it('decodes the declared charset', async () => {
    const url = route('/latin1', (_req, _b, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=iso-8859-1' });
      res.end(Buffer.from([0x63, 0x61, 0x66, 0xe9])); // "café" in Latin-1
    });
    expect((await run({ url })).body).toBe('café');
  });

  it('undoes gzip content encoding', async () => {
    const url = route('/gzip', (_req, _b, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end(gzipSync('{"zipped":true}'));
    });
    expect((await run({ url })).body).toEqual({ zipped: true });
  });

  it('does not throw on 4xx and 5xx', async () => {
    const url = route('/fail', (_req, _b, res) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('boom');
    });
    expect(await run({ url })).toMatchObject({ status: 500, body: 'boom' });
    expect((await run({ url: `${base}/nothing-here` })).status).toBe(404);
  });

  it('keeps header case and joins repeated headers', async () => {
    const url = route('/headers', (_req, _b, res) => {
      res.setHeader('X-Custom-Thing', 'one');
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.writeHead(204).end();
    });
    const out = await run({ url });
    expect(out.headers['X-Custom-Thing']).toBe('one');
    expect(out.headers['Set-Cookie']).toBe('a=1, b=2');
    expect(out.body).toBe('');
  });

  it('follows redirects, turning a 302 POST into a GET', async () => {
    route('/target', echo);
    const url = route('/redirect', (_req, _b, res) => res.writeHead(302, { Location: '/target?from=redirect' }).end());
    const out = await run({
      url,
      method: 'post',
      headers: { 'Content-Type': 'application/json' },
      arguments: { a: 1 },
    });
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ method: 'GET', url: '/target?from=redirect', body: '' });
    const keep = route('/redirect-307', (_req, _b, res) => res.writeHead(307, { Location: '/target' }).end());
    const kept = await run({
      url: keep,
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      arguments: { a: 1 },
    });
    expect(kept.body).toMatchObject({ method: 'PUT', body: '{"a":1}' });
  });
});

describe('runHttpProvider: requests', () => {
  it('defaults to GET and sends arguments as the query string (lists repeat, nulls dropped)', async () => {
    const url = route('/echo-get', echo);
    const out = await run({ url: `${url}?x=0`, arguments: { a: 1, b: ['x', 'y'], c: null, d: true } });
    expect(out.body).toMatchObject({ method: 'GET', url: '/echo-get?x=0&a=1&b=x&b=y&d=true', body: '' });
  });

  it('sends a string argument of a GET as the raw query', async () => {
    const url = route('/echo-raw', echo);
    expect((await run({ url, arguments: 'q=a%20b&z' })).body).toMatchObject({ url: '/echo-raw?q=a%20b&z' });
  });

  it('sends JSON when Content-Type is application/json (any header case)', async () => {
    const url = route('/echo-json', echo);
    const out = await run({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      arguments: { n: 1, list: [1, 2] },
    });
    expect(out.body).toMatchObject({ method: 'POST', body: '{"n":1,"list":[1,2]}' });
  });

  it('form-encodes arguments otherwise', async () => {
    const url = route('/echo-form', echo);
    const out = (await run({ url, method: 'PUT', arguments: { a: 'x y', b: [1, 2] } })).body as {
      body: string;
      headers: Record<string, string>;
    };
    expect(out.body).toBe('a=x+y&b=1&b=2');
    expect(out.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('sends a string argument as is', async () => {
    const url = route('/echo-str', echo);
    const out = (await run({ url, method: 'POST', headers: { 'Content-Type': 'text/plain' }, arguments: 'raw body' }))
      .body as { body: string };
    expect(out.body).toBe('raw body');
  });

  it('sends the declared headers', async () => {
    const url = route('/echo-headers', echo);
    const out = (await run({ url, method: 'DELETE', headers: { Authorization: 'Bearer t0k3n', 'X-Trace': '1' } }))
      .body as { method: string; headers: Record<string, string> };
    expect(out.method).toBe('DELETE');
    expect(out.headers.authorization).toBe('Bearer t0k3n');
    expect(out.headers['x-trace']).toBe('1');
    expect(out.headers['user-agent']).toBe('faultline');
  });
});

describe('runHttpProvider: failures', () => {
  it('throws ActivityFailedError on connection refused, naming the URL but not the headers', async () => {
    const port = await freePort();
    const error = await run({
      url: `http://user:pw@127.0.0.1:${port}/health`,
      headers: { Authorization: 'Bearer sup3rs3cret' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActivityFailedError);
    const message = (error as Error).message;
    expect(message).toContain(`127.0.0.1:${port}/health`);
    expect(message).toMatch(/failed to connect.*ECONNREFUSED/);
    expect(message).not.toContain('sup3rs3cret');
    expect(message).not.toContain('pw@');
    expect((error as ActivityFailedError).code).toBe('E_HTTP_CONNECT');
  });

  it('throws on a read timeout (number, unit string, or [connect, read])', async () => {
    const url = route('/slow', (_req, _b, res) => {
      const timer = setTimeout(() => res.end('late'), 30_000);
      res.on('close', () => clearTimeout(timer));
    });
    for (const timeout of [0.3, '300ms', [2, 0.3]] as HttpProvider['timeout'][]) {
      const started = Date.now();
      const error = await run({ url, timeout }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ActivityFailedError);
      expect((error as Error).message).toMatch(/timed out/);
      expect((error as Error).message).toContain('/slow');
      expect(Date.now() - started).toBeLessThan(15_000);
    }
  });

  it('times out a response that stalls halfway through its body', async () => {
    const url = route('/stall', (_req, _b, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('partial');
      const timer = setTimeout(() => res.end('rest'), 30_000);
      res.on('close', () => clearTimeout(timer));
    });
    await expect(run({ url, timeout: 0.3 })).rejects.toThrow(/timed out: no data/);
  });

  it('retries failed connections max_retries times, then reports the attempts', async () => {
    const port = await freePort();
    await expect(run({ url: `http://127.0.0.1:${port}/`, max_retries: 2 })).rejects.toThrow(/after 3 attempts/);
  });

  it('a retry succeeds once the target starts listening', async () => {
    const port = await freePort();
    const late = http.createServer((_req, res) => res.end('up'));
    const timer = setTimeout(() => late.listen(port, '127.0.0.1'), 150);
    try {
      const out = await run({ url: `http://127.0.0.1:${port}/`, max_retries: 6 });
      expect(out).toMatchObject({ status: 200, body: 'up' });
    } finally {
      clearTimeout(timer);
      late.closeAllConnections();
      await new Promise((resolve) => late.close(() => resolve(undefined)));
    }
  });

  it('does not retry once connected (a read timeout is final)', async () => {
    hits = new Map();
    const url = route('/slow-once', (_req, _b, res) => {
      const timer = setTimeout(() => res.end('late'), 30_000);
      res.on('close', () => clearTimeout(timer));
    });
    await expect(run({ url, timeout: 0.2, max_retries: 3 })).rejects.toThrow(/timed out/);
    expect(hits.get('/slow-once')).toBe(1);
  });

  it("stops when the signal aborts, with the run's reason", async () => {
    const url = route('/hang', (_req, _b, res) => {
      const timer = setTimeout(() => res.end('late'), 10_000);
      res.on('close', () => clearTimeout(timer));
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new InterruptedError('SIGTERM received')), 100);
    const started = Date.now();
    await expect(run({ url }, { signal: controller.signal })).rejects.toThrow('SIGTERM received');
    expect(Date.now() - started).toBeLessThan(15_000);
    const plain = new AbortController();
    plain.abort();
    await expect(run({ url }, { signal: plain.signal })).rejects.toBeInstanceOf(InterruptedError);
  });

  it('reports a header Node refuses to send as an activity failure', async () => {
    const url = route('/never', echo);
    await expect(run({ url, headers: { 'X-Bad': 'line\nbreak' } })).rejects.toBeInstanceOf(ActivityFailedError);
  });

  it('rejects a URL that is not http(s)', async () => {
    await expect(run({ url: 'ftp://127.0.0.1/x' })).rejects.toThrow(/unsupported URL scheme/);
    await expect(run({ url: 'not a url' })).rejects.toThrow(/invalid URL/);
  });
});

describe('runHttpProvider: proxies from the environment', () => {
  it('sends plain HTTP through HTTP_PROXY with the absolute URL and proxy credentials', async () => {
    const proxy = await startProxy();
    try {
      const proxyUrl = proxy.url.replace('http://', 'http://us%40er:pw@');
      const out = await run({ url: 'http://service.test:8080/health?x=1' }, { env: { HTTP_PROXY: proxyUrl } });
      expect(out.body).toEqual({
        via: 'proxy',
        url: 'http://service.test:8080/health?x=1',
        host: 'service.test:8080',
        auth: `Basic ${Buffer.from('us@er:pw').toString('base64')}`,
      });
      const lower = await run(
        { url: 'http://service.test/' },
        { env: { http_proxy: proxy.url.slice('http://'.length) } },
      );
      expect((lower.body as { via: string }).via).toBe('proxy');
    } finally {
      await proxy.close();
    }
  });

  it('goes direct for loopback targets and for hosts in NO_PROXY', async () => {
    const proxy = await startProxy();
    try {
      route('/direct', (_req, _b, res) => res.end('direct'));
      expect((await run({ url: `${base}/direct` }, { env: { HTTP_PROXY: proxy.url } })).body).toBe('direct');
      // service.invalid does not resolve: going direct fails, and the proxy never sees it.
      const env = { HTTP_PROXY: proxy.url, NO_PROXY: 'example.org, .invalid' };
      await expect(run({ url: 'http://service.invalid/', timeout: 5 }, { env })).rejects.toBeInstanceOf(
        ActivityFailedError,
      );
      expect(proxy.seen).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('reports a proxy that cannot be reached', async () => {
    const port = await freePort();
    await expect(
      run({ url: 'http://service.test/' }, { env: { HTTP_PROXY: `http://127.0.0.1:${port}` } }),
    ).rejects.toThrow(/failed to connect/);
  });

  it('refuses proxies it cannot speak', async () => {
    await expect(
      run({ url: 'http://service.test/' }, { env: { HTTP_PROXY: 'socks5://127.0.0.1:1080' } }),
    ).rejects.toThrow(/socks5 proxies are not supported/);
  });
});

describe('runHttpProvider: TLS', () => {
  let tlsServer: https.Server | undefined;
  let tlsUrl = '';
  let skipReason = '';

  beforeAll(async () => {
    const openssl = findSystemBinary('openssl');
    if (!openssl) {
      skipReason = 'openssl is not installed';
      return;
    }
    tlsServer = https.createServer(selfSignedCert({ openssl }), (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"secure":true}');
    });
    await new Promise<void>((resolve) => tlsServer!.listen(0, '127.0.0.1', resolve));
    tlsUrl = `https://127.0.0.1:${(tlsServer.address() as net.AddressInfo).port}/`;
  });

  afterAll(async () => {
    if (tlsServer) {
      tlsServer.closeAllConnections();
      await new Promise((resolve) => tlsServer!.close(resolve));
    }
  });

  it('refuses a self-signed certificate by default', async (ctx) => {
    if (skipReason) ctx.skip();
    const error = await run({ url: tlsUrl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActivityFailedError);
    expect((error as ActivityFailedError).code).toBe('E_HTTP_TLS');
    expect((error as ActivityFailedError).hint).toMatch(/verify_tls/);
  });

  it('accepts it with verify_tls: false', async (ctx) => {
    if (skipReason) ctx.skip();
    expect(await run({ url: tlsUrl, verify_tls: false })).toMatchObject({ status: 200, body: { secure: true } });
  });

  it('tunnels HTTPS through HTTPS_PROXY with CONNECT', async (ctx) => {
    if (skipReason) ctx.skip();
    const proxy = await startProxy(() => (tlsServer!.address() as net.AddressInfo).port);
    try {
      const out = await run({ url: 'https://secure.test/', verify_tls: false }, { env: { HTTPS_PROXY: proxy.url } });
      expect(out).toMatchObject({ status: 200, body: { secure: true } });
      expect(proxy.seen).toEqual(['CONNECT secure.test:443']);
    } finally {
      await proxy.close();
    }
  });

  it('reports a proxy that refuses CONNECT', async (ctx) => {
    if (skipReason) ctx.skip();
    const proxy = await startProxy();
    try {
      const error = await run({ url: 'https://secure.test/' }, { env: { https_proxy: proxy.url } }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ActivityFailedError);
      expect((error as Error).message).toMatch(/answered 407 to CONNECT secure\.test:443/);
    } finally {
      await proxy.close();
    }
  });

  it('accepts it with --no-verify-tls (verifyTls: false) whatever the provider says', async (ctx) => {
    if (skipReason) ctx.skip();
    expect((await run({ url: tlsUrl, verify_tls: true }, { verifyTls: false })).status).toBe(200);
  });
});
