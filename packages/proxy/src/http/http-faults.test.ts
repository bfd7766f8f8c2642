import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { api, Cleanup, listen, portOf, startApi } from '../__fixtures__/net-fixtures.js';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

async function setup(): Promise<{ base: string; url: string; upstreamHits: () => number }> {
  let hits = 0;
  const upstream = http.createServer((req, res) => {
    hits++;
    let body = '';
    req.on('data', (d: Buffer) => (body += d));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ method: req.method, url: req.url, body, host: req.headers.host }));
    });
  });
  const port = await listen(upstream, cleanup);
  const server = await startApi(cleanup);
  const created = await api(server.url, 'POST', '/proxies', {
    name: 'web',
    listen: '127.0.0.1:0',
    upstream: `127.0.0.1:${port}`,
    protocol: 'http',
  });
  expect(created.json.protocol).toBe('http');
  return { base: server.url, url: `http://127.0.0.1:${portOf(created.json.listen)}`, upstreamHits: () => hits };
}

/** Sequential requests over one keep-alive connection (fetch pools connections). */
async function statuses(url: string, n: number, init: RequestInit = {}): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(url, init);
    await res.arrayBuffer();
    out.push(res.status);
  }
  return out;
}

describe('HTTP faults on protocol: "http" proxies', () => {
  it('forwards requests untouched when no fault applies (method, path, body, Host)', async () => {
    const { url } = await setup();
    const res = await fetch(`${url}/orders?id=1`, { method: 'POST', body: 'payload' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      method: 'POST',
      url: '/orders?id=1',
      body: 'payload',
      host: new URL(url).host,
    });
  });

  it('aborts the configured percentage of requests with the status and body (statistical bounds)', async () => {
    const { base, url, upstreamHits } = await setup();
    const fault = await api(base, 'POST', '/proxies/web/faults', {
      abort: { httpStatus: 503, body: 'nope', percentage: { value: 30 } },
    });
    expect(fault).toMatchObject({
      status: 201,
      json: { name: 'abort', abort: { httpStatus: 503, body: 'nope', percentage: { value: 30 } } },
    });
    const got = await statuses(url, 400);
    const aborted = got.filter((s) => s === 503).length;
    // Binomial(400, 0.3): mean 120, sd ~9.2; ±5 sd.
    expect(aborted).toBeGreaterThan(74);
    expect(aborted).toBeLessThan(166);
    expect(got.filter((s) => s === 200).length + aborted).toBe(400);
    expect(upstreamHits()).toBe(400 - aborted);
    const one = await fetch(url);
    if (one.status === 503) expect(await one.text()).toBe('nope');
  });

  it('delays the configured percentage of requests by fixedDelay', async () => {
    const { base, url } = await setup();
    await api(base, 'POST', '/proxies/web/faults', {
      name: 'slow',
      delay: { fixedDelay: '200ms', percentage: { value: 50 } },
    });
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const started = performance.now();
      await (await fetch(url)).arrayBuffer();
      times.push(performance.now() - started);
    }
    // Delays are never shorter than fixedDelay; Binomial(30, 0.5) within ±3.5 sd.
    const delayed = times.filter((t) => t >= 195).length;
    expect(delayed).toBeGreaterThan(4);
    expect(delayed).toBeLessThan(26);
    expect(Math.min(...times)).toBeLessThan(195);
  });

  it('fails only the first N matching requests, and matches method, path and header', async () => {
    const { base, url } = await setup();
    await api(base, 'POST', '/proxies/web/faults', {
      name: 'first3',
      firstN: 3,
      match: { method: { exact: 'POST' }, uri: { prefix: '/pay' }, headers: { 'x-user': { exact: 'jason' } } },
      abort: { httpStatus: 500 },
    });
    const post = { method: 'POST', headers: { 'x-user': 'jason' } };
    expect(await statuses(`${url}/orders`, 2, post)).toEqual([200, 200]);
    expect(await statuses(`${url}/pay`, 1, { method: 'GET', headers: { 'x-user': 'jason' } })).toEqual([200]);
    expect(await statuses(`${url}/pay`, 1, { method: 'POST', headers: { 'x-user': 'bob' } })).toEqual([200]);
    expect(await statuses(`${url}/payments`, 5, post)).toEqual([500, 500, 500, 200, 200]);
    const metrics = await api(base, 'GET', '/metrics');
    expect(metrics.text).toContain('faultline_proxy_http_faults_total{proxy="web",fault="first3",action="abort"} 3');
  });

  it('lists, updates and removes faults; removing one leaves the others (unlike Chaos Toolkit Istio)', async () => {
    const { base, url } = await setup();
    await api(base, 'POST', '/proxies/web/faults', { name: 'd', delay: { fixedDelay: '1ms' } });
    await api(base, 'POST', '/proxies/web/faults', { name: 'a', abort: { httpStatus: 418 } });
    expect((await api(base, 'GET', '/proxies/web/faults')).json.map((f: { name: string }) => f.name)).toEqual([
      'd',
      'a',
    ]);
    expect((await api(base, 'POST', '/proxies/web/faults', { name: 'a', abort: { httpStatus: 500 } })).status).toBe(
      409,
    );
    expect((await api(base, 'POST', '/proxies/web/faults', { name: 'x' })).status).toBe(400);
    expect((await api(base, 'DELETE', '/proxies/web/faults/d')).status).toBe(204);
    expect(await statuses(url, 2)).toEqual([418, 418]);
    const updated = await api(base, 'PATCH', '/proxies/web/faults/a', { abort: { httpStatus: 429 } });
    expect(updated.json.abort.httpStatus).toBe(429);
    expect(await statuses(url, 1)).toEqual([429]);
    expect((await api(base, 'POST', '/reset')).status).toBe(204);
    expect((await api(base, 'GET', '/proxies/web/faults')).json).toEqual([]);
    expect(await statuses(url, 1)).toEqual([200]);
  });

  it('delivers whole responses when either side closes the connection after them', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 120);
    const upstream = http.createServer((req, res) => {
      res.setHeader('connection', req.url === '/upstream-closes' ? 'close' : 'keep-alive');
      res.end(big);
    });
    const port = await listen(upstream, cleanup);
    const server = await startApi(cleanup);
    const created = await api(server.url, 'POST', '/proxies', {
      name: 'web',
      listen: '127.0.0.1:0',
      upstream: `127.0.0.1:${port}`,
      protocol: 'http',
    });
    const url = `http://127.0.0.1:${portOf(created.json.listen)}`;
    for (const path of ['/client-closes', '/upstream-closes']) {
      const body = await new Promise<Buffer>((resolve, reject) => {
        http
          .get(`${url}${path}`, { headers: { connection: 'close' }, agent: false }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (d: Buffer) => chunks.push(d));
            res.on('end', () => resolve(Buffer.concat(chunks)));
            res.on('error', reject);
          })
          .on('error', reject);
      });
      expect(body.length).toBe(big.length);
    }
    await expect.poll(() => server.collection.get('web').connections.size, { timeout: 5000 }).toBe(0);
  });

  it('tunnels upgraded connections (WebSocket-style) and can abort the upgrade', async () => {
    const upstream = http.createServer((_req, res) => res.end('plain'));
    upstream.on('upgrade', (req, socket) => {
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nupgrade: echo\r\nconnection: upgrade\r\nx-path: ${req.url}\r\n\r\n`,
      );
      socket.pipe(socket);
    });
    const port = await listen(upstream, cleanup);
    const server = await startApi(cleanup);
    const created = await api(server.url, 'POST', '/proxies', {
      name: 'ws',
      listen: '127.0.0.1:0',
      upstream: `127.0.0.1:${port}`,
      protocol: 'http',
    });
    const proxyPort = portOf(created.json.listen);
    const upgrade = () =>
      new Promise<{ status: number; echo?: string }>((resolve, reject) => {
        const req = http.request({
          host: '127.0.0.1',
          port: proxyPort,
          path: '/chat',
          headers: { connection: 'upgrade', upgrade: 'echo' },
        });
        req.on('upgrade', (res, socket) => {
          socket.write('hello');
          socket.once('data', (d: Buffer) => {
            resolve({ status: res.statusCode ?? 0, echo: `${res.headers['x-path']} ${d}` });
            socket.destroy();
          });
        });
        req.on('response', (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0 });
        });
        req.on('error', reject);
        req.end();
      });
    expect(await upgrade()).toEqual({ status: 101, echo: '/chat hello' });
    await api(server.url, 'POST', '/proxies/ws/faults', { abort: { httpStatus: 503 } });
    expect((await upgrade()).status).toBe(503);
  });

  it('refuses HTTP faults on TCP proxies', async () => {
    const server = await startApi(cleanup);
    await api(server.url, 'POST', '/proxies', { name: 'tcp', listen: '127.0.0.1:0', upstream: '127.0.0.1:1' });
    const res = await api(server.url, 'POST', '/proxies/tcp/faults', { abort: { httpStatus: 503 } });
    expect(res.status).toBe(400);
    expect(res.json.error).toContain('not an HTTP proxy');
  });

  it('still applies TCP toxics on HTTP proxies', async () => {
    const { base, url } = await setup();
    await api(base, 'POST', '/proxies/web/toxics', { type: 'latency', attributes: { latency: 120 } });
    const started = performance.now();
    await (await fetch(url)).arrayBuffer();
    expect(performance.now() - started).toBeGreaterThan(119);
  });

  it('runs a catastrophic match regex in linear time: the server stays responsive', async () => {
    const { base, url } = await setup();
    const added = await api(base, 'POST', '/proxies/web/faults', {
      name: 'redos',
      match: { uri: { regex: '/(a+)+$' } },
      abort: { httpStatus: 503 },
    });
    expect(added.status).toBe(201);
    const started = performance.now();
    // A backtracking engine takes ~2^n steps on "/aaa…a!" (n = 40 is hours; this is 5,000).
    const [evil, version] = await Promise.all([fetch(`${url}/${'a'.repeat(5000)}!`), api(base, 'GET', '/version')]);
    expect(evil.status).toBe(200);
    expect(version.status).toBe(200);
    expect(await statuses(`${url}/aaaa`, 1)).toEqual([503]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses regexes RE2 cannot run, and delays over the maximum, with a clear 400', async () => {
    const { base } = await setup();
    const lookahead = await api(base, 'POST', '/proxies/web/faults', {
      match: { uri: { regex: '/pay(?!ments)' } },
      abort: { httpStatus: 503 },
    });
    expect(lookahead.status).toBe(400);
    expect(lookahead.json.error).toContain('match[0].uri.regex');
    expect(lookahead.json.error).toContain('lookahead and lookbehind are not supported');
    const backref = await api(base, 'POST', '/proxies/web/faults', {
      match: { headers: { 'x-user': { regex: '(a)\\1' } } },
      abort: { httpStatus: 503 },
    });
    expect(backref.json.error).toContain('backreferences are not supported');
    const forever = await api(base, 'POST', '/proxies/web/faults', { delay: { fixedDelay: 4e9 } });
    expect(forever).toMatchObject({ status: 400, json: { error: expect.stringContaining('at most') } });
    expect((await api(base, 'GET', '/proxies/web/faults')).json).toEqual([]);
  });

  it('holds a request for a delay past the 2^31 ms timer limit instead of answering at once', async () => {
    const { base, url } = await setup();
    await api(base, 'POST', '/proxies/web/faults', { delay: { fixedDelay: '600h' } });
    const aborter = new AbortController();
    const answered = fetch(url, { signal: aborter.signal }).then(
      (res) => res.status,
      () => 'aborted',
    );
    const early = await Promise.race([answered, new Promise((r) => setTimeout(() => r('held'), 300))]);
    expect(early).toBe('held');
    aborter.abort();
    expect(await answered).toBe('aborted');
  });
});
