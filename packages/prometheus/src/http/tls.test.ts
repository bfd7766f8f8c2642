import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFromContext } from './client-from-context.js';

// A self-signed certificate for 127.0.0.1 (test fixture, valid for 100 years): the client must
// refuse it by default, accept it with the CA configured, or with verification turned off.
const caFile = fileURLToPath(new URL('./__fixtures__/test-server.crt', import.meta.url));
const keyFile = fileURLToPath(new URL('./__fixtures__/test-server.key', import.meta.url));

describe('Prometheus over TLS', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer({ cert: readFileSync(caFile), key: readFileSync(keyFile) }, (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: 'success', data: { resultType: 'scalar', result: [1, '1'] } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses an untrusted certificate by default', async () => {
    await expect(clientFromContext({ prometheus_base_url: base }, {}).query('1')).rejects.toMatchObject({
      code: 'E_HTTP',
      message: expect.stringMatching(/self.signed|certificate/i),
    });
  });

  it('trusts the CA from prometheus_ca_file', async () => {
    const result = await clientFromContext({ prometheus_base_url: base, prometheus_ca_file: caFile }, {}).query('1');
    expect(result.data).toEqual({ resultType: 'scalar', result: [1, '1'] });
  });

  it('skips verification with prometheus_verify_tls: false or the verify_tls argument', async () => {
    await expect(
      clientFromContext({ prometheus_base_url: base, prometheus_verify_tls: false }, {}).query('1'),
    ).resolves.toMatchObject({ status: 'success' });
    await expect(
      clientFromContext({ prometheus_base_url: base }, {}, { verify_tls: false }).query('1'),
    ).resolves.toMatchObject({ status: 'success' });
  });

  it('names a missing CA file', () => {
    expect(() => clientFromContext({ prometheus_base_url: base, prometheus_ca_file: '/nope/ca.crt' }, {})).toThrow(
      /prometheus_ca_file: cannot read \/nope\/ca.crt/,
    );
  });
});
