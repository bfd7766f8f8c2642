import { UsageError } from '../errors/faultline-error.js';
import { tooLarge, type InputLimits } from './input-limits.js';

export interface FetchExperimentOptions {
  /** Sent as `Authorization: Bearer` to the experiment's own host only (never across a redirect). */
  bearerToken?: string;
  limits: Pick<InputLimits, 'maxBytes' | 'fetchTimeoutMs'>;
  /** Hosts (`host[:port]`) a redirect may lead to besides the URL's own. */
  allowedRedirectHosts?: readonly string[];
  /** false: accept any certificate for https URLs (`--no-verify-tls`, as Chaos Toolkit's loader). */
  verifyTls?: boolean;
  signal?: AbortSignal;
}

const maxRedirects = 5;
const fetchError = (url: string, message: string, hint?: string) =>
  new UsageError(`cannot fetch experiment ${url}: ${message}`, { code: 'E_EXPERIMENT_FETCH', hint });

/**
 * Downloads an experiment with bounds: redirects are followed only to the same host (or one
 * allowed), the body is cut at the size limit while it streams (a URL serving gigabytes costs
 * at most the limit), and the whole download, body included, has a time limit.
 */
export async function fetchExperiment(url: string, options: FetchExperimentOptions): Promise<Uint8Array> {
  const timeout = AbortSignal.timeout(options.limits.fetchTimeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const origin = new URL(url).host;
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = { accept: 'application/json, application/yaml, text/yaml, */*' };
      if (options.bearerToken && new URL(current).host === origin)
        headers.authorization = `Bearer ${options.bearerToken}`;
      const response =
        options.verifyTls === false && current.toLowerCase().startsWith('https:')
          ? await fetchWithoutVerification(current, headers, signal)
          : await fetch(current, { headers, signal, redirect: 'manual' });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        const next = new URL(response.headers.get('location')!, current);
        if (hop >= maxRedirects) throw fetchError(url, `more than ${maxRedirects} redirects`);
        if (!/^https?:$/.test(next.protocol)) throw fetchError(url, `redirect to ${next.protocol} refused`);
        if (next.host !== origin && !options.allowedRedirectHosts?.includes(next.host))
          throw fetchError(
            url,
            `redirected to another host (${next.host}), which is not allowed`,
            `add "${next.host}" to loader.allowed_redirect_hosts in the settings if you trust it`,
          );
        current = next.href;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw fetchError(
          url,
          `HTTP ${response.status}`,
          response.status === 401 || response.status === 403
            ? 'set FAULTLINE_LOADER_AUTH_BEARER_TOKEN or auth in settings'
            : undefined,
        );
      }
      const declared = Number(response.headers.get('content-length'));
      if (declared > options.limits.maxBytes) {
        await response.body?.cancel();
        throw tooLarge(url, options.limits.maxBytes);
      }
      return await readBounded(response, url, options.limits.maxBytes);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const message = timeout.aborted
      ? `no complete answer within ${options.limits.fetchTimeoutMs / 1000}s`
      : (error as Error).message;
    throw fetchError(url, message);
  }
}

/** fetch() cannot skip certificate checks without undici's dispatcher; the http provider's client can. */
async function fetchWithoutVerification(
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<Response> {
  const { sendHttpRequest } = await import('../provider/http/send-http-request.js');
  const raw = await sendHttpRequest({ url: new URL(url), method: 'GET', headers }, { signal, verifyTls: false });
  return new Response(raw.status === 204 || raw.status === 304 ? null : new Uint8Array(raw.body), {
    status: raw.status,
    // rawHeaders is [name, value, name, value, …]: keep them (a redirect's location).
    headers: raw.rawHeaders.reduce<Array<[string, string]>>(
      (pairs, item, index, all) => (index % 2 ? pairs : [...pairs, [item, all[index + 1] ?? '']]),
      [],
    ),
  });
}

async function readBounded(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(url, maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
