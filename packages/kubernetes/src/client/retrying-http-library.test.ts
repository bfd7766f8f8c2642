import { afterAll, describe, expect, it } from 'vitest';
import { startFakeApiServer } from '../testing/index.js';
import { getKubeClient } from './get-kube-client.js';
import { isRetryable, retryAfterMs } from './retrying-http-library.js';

const server = await startFakeApiServer({
  reconcile: false,
  objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'retry' } }],
});
afterAll(() => server.close());
const client = await getKubeClient({
  secrets: { KUBECONFIG: server.writeKubeConfig() },
  settings: {},
  configuration: {},
});

describe('retrying HTTP library', () => {
  it('retries 429 (API Priority and Fairness) and 503, honouring Retry-After', async () => {
    server.requests.length = 0;
    server.injectFailure({
      method: 'GET',
      path: '/api/v1/namespaces/retry',
      status: 429,
      times: 2,
      retryAfterSeconds: 1,
    });
    server.injectFailure({ method: 'GET', path: '/api/v1/namespaces/retry', status: 503, times: 1 });
    const start = Date.now();
    const namespace = await client.core.readNamespace({ name: 'retry' });
    expect(namespace.metadata?.name).toBe('retry');
    // Two Retry-After: 1 waits, then a backoff: at least ~2 s.
    expect(Date.now() - start).toBeGreaterThanOrEqual(1900);
    expect(server.requestsMatching('GET', '/api/v1/namespaces/retry').map((request) => request.status)).toEqual([
      429, 429, 503, 200,
    ]);
  });

  it('gives up after the attempts and reports the last answer', async () => {
    server.requests.length = 0;
    server.injectFailure({ method: 'GET', path: '/api/v1/namespaces/retry', status: 502, times: 5 });
    await expect(client.core.readNamespace({ name: 'retry' })).rejects.toMatchObject({ code: 502 });
    expect(server.requestsMatching('GET', '/api/v1/namespaces/retry')).toHaveLength(5);
  });

  it('does not retry a refusal that would repeat, nor an eviction (its 429 is a disruption budget)', () => {
    expect(isRetryable(500, undefined, 'https://k/api/v1/pods')).toBe(false);
    expect(isRetryable(500, '2', 'https://k/api/v1/pods')).toBe(true);
    expect(isRetryable(409, undefined, 'https://k/api/v1/pods')).toBe(false);
    expect(isRetryable(429, undefined, 'https://k/api/v1/namespaces/a/pods/b/eviction')).toBe(false);
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(Date.now() + 60_000).toUTCString())).toBeGreaterThan(50_000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
