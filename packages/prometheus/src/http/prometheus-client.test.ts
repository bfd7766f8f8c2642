import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFromContext } from './client-from-context.js';

// A local HTTP server that records what the client sends (auth headers, paths, parameters) and
// answers like Prometheus' API would, including its error envelope.
describe('Prometheus client requests', () => {
  let server: Server;
  let base: string;
  const seen: IncomingMessage[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req);
      const url = new URL(req.url!, 'http://x');
      if (req.headers.authorization === 'Bearer wrong') {
        res.writeHead(401).end('unauthorized');
        return;
      }
      if (url.searchParams.get('query') === 'bad(') {
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(
            JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error: unclosed left parenthesis' }),
          );
        return;
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/prom/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends a bearer token from secrets and the query parameters', async () => {
    const client = clientFromContext(
      { prometheus_base_url: base },
      { prometheus_bearer_token: 's3cret' },
      { timeoutSeconds: 5 },
    );
    await client.query('up', new Date('2024-05-01T12:00:00Z'), { timeout: '5s' });
    const req = seen.at(-1)!;
    const url = new URL(req.url!, 'http://x');
    expect(url.pathname).toBe('/prom/api/v1/query');
    expect(url.searchParams.get('query')).toBe('up');
    expect(url.searchParams.get('time')).toBe('1714564800.000');
    expect(url.searchParams.get('timeout')).toBe('5s');
    expect(req.headers.authorization).toBe('Bearer s3cret');
  });

  it('sends basic auth and extra headers, and range parameters', async () => {
    const client = clientFromContext(
      { prometheus_base_url: base, prometheus_headers: { 'X-Scope-OrgID': 'team-a' } },
      { prometheus_username: 'ops', prometheus_password: 'pw' },
    );
    await client.queryRange('up', new Date(1000_000), new Date(1060_000), 15);
    const req = seen.at(-1)!;
    const url = new URL(req.url!, 'http://x');
    expect(url.pathname).toBe('/prom/api/v1/query_range');
    expect([url.searchParams.get('start'), url.searchParams.get('end'), url.searchParams.get('step')]).toEqual([
      '1000.000',
      '1060.000',
      '15',
    ]);
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from('ops:pw').toString('base64')}`);
    expect(req.headers['x-scope-orgid']).toBe('team-a');
  });

  it('turns API errors into messages with hints', async () => {
    const client = clientFromContext({ prometheus_base_url: base }, {});
    await expect(client.query('bad(')).rejects.toMatchObject({
      code: 'E_PROMETHEUS_QUERY',
      message: expect.stringContaining('unclosed left parenthesis'),
    });
    const denied = clientFromContext({ prometheus_base_url: base }, { prometheus_bearer_token: 'wrong' });
    await expect(denied.query('up')).rejects.toMatchObject({
      hint: expect.stringContaining('prometheus_bearer_token'),
    });
  });

  it('rejects an invalid base URL as a usage error', async () => {
    const client = clientFromContext({ prometheus_base_url: 'prometheus:9090' }, {});
    await expect(client.query('up')).rejects.toMatchObject({ exitCode: 64 });
    const garbage = clientFromContext({ prometheus_base_url: 'http://user:pw@exa mple' }, {});
    await expect(garbage.query('up')).rejects.toMatchObject({
      code: 'E_USAGE',
      message: expect.not.stringContaining('pw'),
    });
  });

  it('reports an unreachable server clearly', async () => {
    const client = clientFromContext({ prometheus_base_url: 'http://127.0.0.1:1' }, {});
    await expect(client.query('up')).rejects.toMatchObject({
      code: 'E_HTTP',
      message: expect.stringContaining('127.0.0.1:1'),
    });
  });
});
