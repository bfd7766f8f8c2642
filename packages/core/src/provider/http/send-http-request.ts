import http from 'node:http';
import https from 'node:https';
import { isIP, type Socket } from 'node:net';
import tls from 'node:tls';
import { ActivityFailedError } from '../../errors/faultline-error.js';
import { abortError } from './abort-error.js';
import { safeUrl, type HttpRequestPlan } from './build-http-request.js';

export interface SendOptions {
  signal: AbortSignal;
  verifyTls: boolean;
  /** Milliseconds to establish the connection (TCP + TLS); undefined waits forever. */
  connectMs?: number;
  /** Milliseconds without receiving data once connected (python-requests' read timeout). */
  readMs?: number;
  /** An http:// proxy to go through (see proxyFor). */
  proxy?: URL;
}

export interface RawHttpResponse {
  status: number;
  rawHeaders: string[];
  body: Buffer;
}

/** A failed attempt; `beforeConnect` attempts may be retried (python-requests' connect retries). */
export class HttpAttemptError extends ActivityFailedError {
  readonly beforeConnect: boolean;
  constructor(message: string, options: { code: string; hint?: string; cause?: unknown; beforeConnect: boolean }) {
    super(message, options);
    this.beforeConnect = options.beforeConnect;
  }
}

const tlsCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** One HTTP exchange on a fresh connection (no pooling: every probe measures a real connect). */
export async function sendHttpRequest(plan: HttpRequestPlan, options: SendOptions): Promise<RawHttpResponse> {
  const label = `HTTP ${plan.method} ${safeUrl(plan.url)}`;
  if (options.signal.aborted) throw abortError(options.signal, label);
  if (options.proxy && plan.url.protocol === 'https:') {
    const started = Date.now();
    const tunnel = await openTunnel(plan.url, options.proxy, options, label);
    const connectMs =
      options.connectMs === undefined ? undefined : Math.max(1, options.connectMs - (Date.now() - started));
    return exchange(plan, { ...options, connectMs }, label, tunnel);
  }
  return exchange(plan, options, label);
}

function exchange(
  plan: HttpRequestPlan,
  options: SendOptions,
  label: string,
  tunnel?: Socket,
): Promise<RawHttpResponse> {
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) {
      reject(abortError(options.signal, label));
      return;
    }
    let connected = false;
    let settled = false;
    let connectTimer: NodeJS.Timeout | undefined;

    const settle = (error: Error | undefined, response?: RawHttpResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      options.signal.removeEventListener('abort', onAbort);
      // The body is fully read (or we gave up): close the connection, and a proxy tunnel with it.
      req.destroy();
      tunnel?.destroy();
      if (error) reject(error);
      else resolve(response!);
    };
    const onAbort = () => settle(abortError(options.signal, label));

    let req: http.ClientRequest;
    try {
      req = openRequest(plan, options, tunnel);
    } catch (error) {
      // Node validates header names and values synchronously.
      tunnel?.destroy();
      reject(
        new ActivityFailedError(`${label} cannot be sent: ${(error as Error).message}`, {
          code: 'E_HTTP_REQUEST',
          cause: error,
        }),
      );
      return;
    }
    options.signal.addEventListener('abort', onAbort, { once: true });

    if (options.connectMs !== undefined) {
      connectTimer = setTimeout(() => {
        settle(
          new HttpAttemptError(`${label} timed out: no connection within ${seconds(options.connectMs!)}`, {
            code: 'E_HTTP_TIMEOUT',
            beforeConnect: true,
            hint: 'raise the provider timeout ([connect, read] in seconds) or check the target is reachable',
          }),
        );
      }, options.connectMs);
    }

    req.on('socket', (socket: Socket) => {
      const onConnected = () => {
        connected = true;
        clearTimeout(connectTimer);
        if (options.readMs !== undefined) {
          socket.setTimeout(options.readMs, () => {
            settle(
              new HttpAttemptError(`${label} timed out: no data for ${seconds(options.readMs!)}`, {
                code: 'E_HTTP_TIMEOUT',
                beforeConnect: false,
                hint: 'raise the provider timeout (seconds, or [connect, read])',
              }),
            );
          });
        }
      };
      socket.once(plan.url.protocol === 'https:' ? 'secureConnect' : 'connect', onConnected);
    });

    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        settle(undefined, { status: res.statusCode ?? 0, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }),
      );
      res.on('error', (error) => settle(describe(error, label, connected)));
      res.on('aborted', () => settle(describe(new Error('connection closed before the response ended'), label, true)));
    });
    req.on('error', (error) => settle(describe(error, label, connected)));
    req.end(plan.body);
  });
}

function openRequest(plan: HttpRequestPlan, options: SendOptions, tunnel?: Socket): http.ClientRequest {
  if (tunnel) {
    const servername = isIP(plan.url.hostname.replace(/^\[|\]$/g, '')) ? undefined : plan.url.hostname;
    return https.request(plan.url, {
      method: plan.method,
      headers: plan.headers,
      // No agent at all: only then does Node use createConnection (agent: false makes a new Agent).
      agent: undefined,
      // Without an agent Node assumes port 80 and would send "Host: name:80" through the tunnel.
      defaultPort: 443,
      createConnection: () => tls.connect({ socket: tunnel, servername, rejectUnauthorized: options.verifyTls }),
    });
  }
  if (options.proxy) {
    // Plain HTTP through a proxy: the absolute URL goes in the request line.
    return http.request({
      host: options.proxy.hostname,
      port: options.proxy.port || 80,
      path: plan.url.href,
      method: plan.method,
      headers: { ...plan.headers, Host: plan.url.host, ...proxyAuthorization(options.proxy) },
      agent: false,
    });
  }
  const mod = plan.url.protocol === 'https:' ? https : http;
  return mod.request(plan.url, {
    method: plan.method,
    headers: plan.headers,
    agent: false,
    rejectUnauthorized: options.verifyTls,
  });
}

/** HTTPS through a proxy: CONNECT host:port, then TLS inside the tunnel. */
function openTunnel(target: URL, proxy: URL, options: SendOptions, label: string): Promise<Socket> {
  const authority = `${target.hostname}:${target.port || 443}`;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | undefined, socket?: Socket) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      if (error) {
        req.destroy();
        socket?.destroy();
        reject(error);
      } else resolve(socket!);
    };
    const req = http.request({
      host: proxy.hostname,
      port: proxy.port || 80,
      method: 'CONNECT',
      path: authority,
      headers: { Host: authority, ...proxyAuthorization(proxy) },
      agent: false,
    });
    const onAbort = () => finish(abortError(options.signal, label));
    options.signal.addEventListener('abort', onAbort, { once: true });
    const timer =
      options.connectMs === undefined
        ? undefined
        : setTimeout(() => {
            finish(
              new HttpAttemptError(
                `${label} timed out: no connection through proxy ${proxy.host} within ${seconds(options.connectMs!)}`,
                {
                  code: 'E_HTTP_TIMEOUT',
                  beforeConnect: true,
                },
              ),
            );
          }, options.connectMs);
    req.on('connect', (res, socket) => {
      if (res.statusCode !== 200) {
        finish(
          new HttpAttemptError(
            `${label} failed to connect: proxy ${proxy.host} answered ${res.statusCode} to CONNECT ${authority}`,
            {
              code: 'E_HTTP_PROXY',
              beforeConnect: false,
              hint: res.statusCode === 407 ? 'the proxy needs credentials: http://user:password@proxy:port' : undefined,
            },
          ),
          socket,
        );
        return;
      }
      finish(undefined, socket);
    });
    req.on('error', (error) => {
      finish(
        new HttpAttemptError(`${label} failed to connect to proxy ${proxy.host}: ${error.message}`, {
          code: 'E_HTTP_CONNECT',
          beforeConnect: true,
          cause: error,
        }),
      );
    });
    req.end();
  });
}

function proxyAuthorization(proxy: URL): Record<string, string> {
  if (!proxy.username && !proxy.password) return {};
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'Proxy-Authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}

function describe(error: Error, label: string, connected: boolean): Error {
  if (error instanceof HttpAttemptError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (tlsCodes.has(code) || /certificate/i.test(error.message)) {
    return new HttpAttemptError(`${label} failed TLS verification: ${error.message}`, {
      code: 'E_HTTP_TLS',
      beforeConnect: false,
      cause: error,
      hint: 'set verify_tls: false on the provider, or run with --no-verify-tls, for self-signed certificates',
    });
  }
  const what = connected ? 'failed' : 'failed to connect';
  return new HttpAttemptError(`${label} ${what}: ${error.message || code}`, {
    code: connected ? 'E_HTTP_FAILED' : 'E_HTTP_CONNECT',
    beforeConnect: !connected,
    cause: error,
    hint: connected ? undefined : 'is the target running and listening on that address?',
  });
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
