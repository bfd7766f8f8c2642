import http, { type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { sendJson } from './send-json.js';
import { shopMetrics } from './shop-metrics.js';
import type { ShopConfig } from './shop-config.js';

/**
 * The API gateway: spreads /api/* over the orders replicas (round robin) and, like a Service whose
 * endpoint just went away, tries the next replica when one refuses the connection. Naive: no
 * timeout (the seed's "30 s default"); resilient: 5 s, the seed's improved gateway timeout. Serves its
 * request metrics on /metrics for Prometheus.
 */
export function gateway(config: ShopConfig): RequestListener & { close(): void } {
  const replicas = config.upstreams;
  const agent = new http.Agent({ keepAlive: true });
  const timeoutMs = config.mode === 'resilient' ? 5000 : 0;
  const metrics = shopMetrics();
  let next = 0;

  const listener: RequestListener = async (req, res) => {
    if (req.method === 'GET' && req.url === '/metrics')
      return void res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(metrics.render());
    if (req.method === 'GET' && req.url === '/health') return health(res);
    metrics.observe(req, res);
    if (!req.url?.startsWith('/api/')) return sendJson(res, 404, { error: 'not found' });
    const body = await readBody(req);
    const start = next++ % replicas.length;
    let lastError: Error | undefined;
    for (let i = 0; i < replicas.length; i++) {
      try {
        return await forward(replicas[(start + i) % replicas.length], req, body, res);
      } catch (error) {
        lastError = error as Error;
        if (!(error as { retryable?: boolean }).retryable) break;
      }
    }
    sendJson(res, lastError?.name === 'TimeoutError' ? 504 : 502, { error: `gateway: ${lastError?.message}` });
  };

  function forward(base: string, req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    return new Promise((resolve, reject) => {
      const upstream = http.request(`${base}${req.url}`, {
        method: req.method,
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
        agent,
        ...(timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
      });
      upstream.on('response', (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', resolve);
        answer.on('error', reject);
      });
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        // Safe to send elsewhere: the replica never took the request (refused), or a kept-alive
        // socket it had already closed was reused (Node's documented retry case).
        const retryable = error.code === 'ECONNREFUSED' || (upstream.reusedSocket && error.code === 'ECONNRESET');
        reject(Object.assign(error, { retryable }));
      });
      upstream.end(body);
    });
  }

  async function health(res: ServerResponse): Promise<void> {
    const states = await Promise.all(
      replicas.map(async (url) => {
        try {
          const answer = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
          return { url, up: answer.ok, ...((await answer.json()) as object) };
        } catch {
          return { url, up: false };
        }
      }),
    );
    const up = states.filter((s) => s.up).length;
    sendJson(res, up ? 200 : 503, { service: config.name, mode: config.mode, up, replicas: states });
  }

  return Object.assign(listener, { close: () => agent.destroy() });
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
