import type * as K8s from '@kubernetes/client-node';

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  attempts: number;
  /** First backoff; doubled after each retry (with jitter) up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After honoured (a server asking for more is waited on this long, then retried). */
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

/**
 * Whether an answer is worth sending again. 429 is API Priority and Fairness shedding load (the
 * request was not processed); 502/503/504 come from proxies and a server restarting. A 500 is
 * retried only when the server says when (Retry-After), as client-go does: a plain 500 is usually a
 * refusal that would repeat (e.g. an eviction covered by two PodDisruptionBudgets). Evictions are
 * never retried here: their 429 is a disruption budget's answer, which drain_nodes waits on itself.
 */
export function isRetryable(status: number, retryAfter: string | undefined, url: string): boolean {
  if (/\/eviction(\?|$)/.test(url)) return false;
  if (status === 429 || status === 502 || status === 503 || status === 504) return true;
  return status === 500 && retryAfter !== undefined;
}

/** Retry-After in milliseconds (seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * client-node's HTTP library with retries of overloaded or briefly unavailable servers, so every
 * request of every activity survives a 429 storm: Retry-After is honoured (capped), otherwise the
 * backoff doubles with jitter up to a cap. Request bodies are strings, so sending again is safe.
 */
export function retryingHttpLibrary(
  k8s: typeof K8s,
  policy: RetryPolicy = defaultRetryPolicy,
  inner: K8s.HttpLibrary = new k8s.IsomorphicFetchHttpLibrary(),
): K8s.HttpLibrary {
  return {
    send(request: K8s.RequestContext) {
      const attempt = async (): Promise<K8s.ResponseContext> => {
        for (let tries = 1; ; tries += 1) {
          const response = await inner.send(request).toPromise();
          const retryAfter = response.headers['retry-after'];
          if (tries >= policy.attempts || !isRetryable(response.httpStatusCode, retryAfter, request.getUrl()))
            return response;
          const asked = retryAfterMs(retryAfter);
          const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (tries - 1));
          const delay =
            asked !== undefined ? Math.min(asked, policy.maxRetryAfterMs) : backoff * (0.5 + Math.random() / 2);
          await response.body.text().catch(() => undefined); // free the connection
          await sleep(delay, request.getSignal() as AbortSignal | undefined);
        }
      };
      return new k8s.Observable(attempt());
    },
  };
}
