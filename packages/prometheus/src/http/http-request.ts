import { request as httpRequestRaw } from 'node:http';
import { request as httpsRequestRaw } from 'node:https';
import { ActivityFailedError, UsageError } from '@faultline/core';

export interface TlsOptions {
  /** Verify the server certificate (default true). */
  readonly verifyTls?: boolean;
  /** PEM CA bundle to trust in addition to the system's. */
  readonly ca?: string;
  /** PEM client certificate and key for mutual TLS. */
  readonly cert?: string;
  readonly key?: string;
}

export interface HttpRequestOptions extends TlsOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/**
 * A small HTTP(S) client on node:http so TLS options (custom CA, client certs, no verification)
 * work without extra dependencies; fetch cannot take a CA per request on Node 20.
 */
export function httpRequest(url: string | URL, options: HttpRequestOptions = {}): Promise<HttpResponse> {
  let target: URL;
  try {
    target = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return Promise.reject(
      new UsageError(`not a valid URL: ${redactText(String(url))}`, {
        hint: 'write a full URL such as http://prometheus:9090',
      }),
    );
  }
  const isHttps = target.protocol === 'https:';
  if (!isHttps && target.protocol !== 'http:') {
    return Promise.reject(
      new UsageError(`unsupported URL scheme in ${redact(target)}`, { hint: 'use an http:// or https:// URL' }),
    );
  }
  const send = isHttps ? httpsRequestRaw : httpRequestRaw;
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise<HttpResponse>((resolve, reject) => {
    const req = send(
      target,
      {
        method: options.method ?? 'GET',
        headers: {
          ...(options.body !== undefined ? { 'content-length': String(Buffer.byteLength(options.body)) } : {}),
          ...options.headers,
        },
        signal: options.signal,
        ...(isHttps
          ? { rejectUnauthorized: options.verifyTls !== false, ca: options.ca, cert: options.cert, key: options.key }
          : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => {
      req.destroy(
        new ActivityFailedError(`${req.method} ${redact(target)} timed out after ${timeoutMs} ms`, {
          code: 'E_HTTP_TIMEOUT',
          hint: 'raise the timeout or check that the server is reachable',
        }),
      );
    });
    req.on('error', (error: Error) => {
      if (error instanceof ActivityFailedError) return reject(error);
      reject(
        new ActivityFailedError(`${req.method} ${redact(target)} failed: ${error.message}`, {
          code: 'E_HTTP',
          cause: error,
          hint: 'check the URL and that the server is running',
        }),
      );
    });
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** URL without credentials or query string, for messages and logs. */
export function redact(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** Like redact, for text that may not even parse as a URL: credentials are cut either way. */
export function redactText(url: string): string {
  try {
    return redact(new URL(url));
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//').replace(/\?.*$/, '');
  }
}
