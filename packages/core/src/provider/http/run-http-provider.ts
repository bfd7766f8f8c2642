import { ActivityFailedError } from '../../errors/faultline-error.js';
import { maxWaitSeconds, parseDurationMs } from '../../duration/parse-duration.js';
import type { HttpProvider } from '../../model/experiment.js';
import { buildHttpRequest, headerValue, safeUrl, type HttpRequestPlan } from './build-http-request.js';
import { proxyFor } from './proxy-for.js';
import { readHttpBody } from './read-http-body.js';
import { HttpAttemptError, sendHttpRequest, type RawHttpResponse } from './send-http-request.js';

export interface HttpOutput {
  status: number;
  /** Response headers with their original case; repeated headers joined with ", " (as requests does). */
  headers: Record<string, string>;
  /** Parsed JSON when the response is JSON, else text. */
  body: unknown;
}

export interface HttpProviderOptions {
  signal: AbortSignal;
  /** `false` (from --no-verify-tls) turns TLS verification off whatever the provider says. */
  verifyTls?: boolean;
  /** Environment for proxy settings (HTTP_PROXY, HTTPS_PROXY, NO_PROXY); default: this process's. */
  env?: Readonly<Record<string, string | undefined>>;
}

const maxRedirects = 30;

/**
 * Runs a Chaos Toolkit `http` provider (already substituted). A 4xx/5xx response is an output, not
 * an error; a connection failure, TLS failure or timeout throws ActivityFailedError naming the URL
 * (never the headers, which may carry credentials). Redirects are followed and proxy environment
 * variables honoured, like python-requests.
 */
export async function runHttpProvider(provider: HttpProvider, options: HttpProviderOptions): Promise<HttpOutput> {
  let plan = buildHttpRequest(provider);
  const { connectMs, readMs } = timeouts(provider.timeout);
  const verifyTls = options.verifyTls === false ? false : provider.verify_tls !== false;
  const retries = Math.max(0, Math.floor(Number(provider.max_retries ?? 0)) || 0);
  const env = options.env ?? process.env;
  const send = { signal: options.signal, verifyTls, connectMs, readMs };

  for (let hop = 0; ; hop++) {
    const response = await sendWithRetries(plan, { ...send, proxy: proxyFor(plan.url, env) }, retries);
    const headers = collectHeaders(response.rawHeaders);
    const location = headerValue(headers, 'Location');
    if (location === undefined || ![301, 302, 303, 307, 308].includes(response.status)) {
      return { status: response.status, headers, body: readHttpBody(response.body, headers) };
    }
    if (hop >= maxRedirects) {
      throw new ActivityFailedError(
        `HTTP ${plan.method} ${safeUrl(provider.url)}: more than ${maxRedirects} redirects`,
        { code: 'E_HTTP_REDIRECTS' },
      );
    }
    plan = redirect(plan, response.status, location);
  }
}

async function sendWithRetries(
  plan: HttpRequestPlan,
  options: Parameters<typeof sendHttpRequest>[1],
  retries: number,
): Promise<RawHttpResponse> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendHttpRequest(plan, options);
    } catch (error) {
      // Like requests' HTTPAdapter(max_retries=n): only failures to connect are retried.
      // Unlike requests (which retries at once), wait a little: a refused connection rarely heals in 0 ms.
      if (!(error instanceof HttpAttemptError) || !error.beforeConnect || attempt >= retries) {
        if (error instanceof HttpAttemptError && attempt > 0) {
          throw new ActivityFailedError(`${error.message} (after ${attempt + 1} attempts)`, {
            code: error.code,
            hint: error.hint,
            cause: error.cause,
          });
        }
        throw error;
      }
      await sleep(Math.min(2000, 100 * 2 ** attempt), options.signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve(); // the next attempt sees the aborted signal and throws
    }
  });
}

function timeouts(timeout: HttpProvider['timeout']): { connectMs?: number; readMs?: number } {
  if (timeout === undefined || timeout === null) return {};
  if (Array.isArray(timeout)) {
    const [connect, read] = timeout as Array<number | string | null | undefined>;
    return {
      connectMs:
        connect === null || connect === undefined
          ? undefined
          : parseDurationMs(connect, 'http connect timeout', { max: maxWaitSeconds }),
      readMs:
        read === null || read === undefined
          ? undefined
          : parseDurationMs(read, 'http read timeout', { max: maxWaitSeconds }),
    };
  }
  const ms = parseDurationMs(timeout, 'http timeout', { max: maxWaitSeconds });
  return { connectMs: ms, readMs: ms };
}

function collectHeaders(raw: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  const names = new Map<string, string>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    const value = raw[i + 1]!;
    const known = names.get(name.toLowerCase());
    if (known === undefined) {
      names.set(name.toLowerCase(), name);
      headers[name] = value;
    } else headers[known] = `${headers[known]}, ${value}`;
  }
  return headers;
}

/** python-requests' redirect rules: 303 (and 301/302 from POST) become GET; other hosts lose Authorization. */
function redirect(plan: HttpRequestPlan, status: number, location: string): HttpRequestPlan {
  const url = new URL(location, plan.url);
  let { method, body } = plan;
  const headers = { ...plan.headers };
  const toGet =
    (status === 303 && method !== 'HEAD') ||
    (status === 302 && method !== 'HEAD') ||
    (status === 301 && method === 'POST');
  if (toGet) {
    method = 'GET';
    body = undefined;
    for (const name of Object.keys(headers)) {
      if (['content-type', 'content-length', 'transfer-encoding'].includes(name.toLowerCase())) delete headers[name];
    }
  }
  const downgraded = plan.url.protocol === 'https:' && url.protocol === 'http:';
  if (url.hostname !== plan.url.hostname || downgraded) {
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'authorization') delete headers[name];
  }
  for (const name of Object.keys(headers)) if (name.toLowerCase() === 'host') delete headers[name];
  return { url, method, headers, body };
}
