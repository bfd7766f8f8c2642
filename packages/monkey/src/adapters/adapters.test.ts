import { createServer, type Server } from 'node:http';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call, close, listen } from '../__fixtures__/http-fixtures.js';
import { createMonkey } from '../monkey/create-monkey.js';

const quiet = { info() {}, warn() {} };
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(close));
});

describe('node:http adapter', () => {
  it('attacks a plain handler and serves the actuator in front of it', async () => {
    const monkey = createMonkey({ logger: quiet, latency: { enabled: true, minMs: 400, maxMs: 400 } });
    const handler = monkey.http(
      (_req, res) => {
        res.end('hello');
      },
      { actuator: monkey.actuator({ token: 't' }) },
    );
    const server = createServer(handler);
    servers.push(server);
    const base = await listen(server);
    expect((await call(`${base}/x`)).text).toBe('hello');
    expect(monkey.stats().assaulted.latency).toBe(0);
    expect(
      (await call(`${base}/actuator/chaosmonkey/enable`, { method: 'POST', headers: { authorization: 'Bearer t' } }))
        .status,
    ).toBe(200);
    const slowed = await call(`${base}/x`);
    expect(slowed.text).toBe('hello');
    expect(slowed.ms).toBeGreaterThanOrEqual(398);
    const status = await call(`${base}/actuator/chaosmonkey/status`, { headers: { authorization: 'Bearer t' } });
    expect(status.status).toBe(200);
    // The control API is never attacked: still the one slowed call.
    expect(monkey.stats().assaulted.latency).toBe(1);
    monkey.updateConfig({ latency: { enabled: false }, exceptions: { enabled: true } });
    const failed = await call(`${base}/x`);
    expect(failed.status).toBe(500);
    expect(failed.json).toMatchObject({ chaosMonkey: true, message: 'Chaos Monkey - RuntimeException' });
  });
});

describe('Fastify plugin', () => {
  it('attacks every route through an onRequest hook and serves the actuator', async () => {
    const monkey = createMonkey({
      logger: quiet,
      exceptions: { enabled: true, status: 502, body: { error: 'bad gateway' } },
    });
    const app = Fastify();
    await app.register(monkey.fastify, { actuator: { token: false } });
    app.get('/api/orders', async () => ({ orders: [] }));
    app.post('/api/orders', async (req) => ({ got: req.body }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    try {
      expect((await call(`${base}/api/orders`)).json).toEqual({ orders: [] });
      const assaults = await call(`${base}/actuator/chaosmonkey/assaults`, {
        method: 'POST',
        json: { level: 1, exceptionsActive: true },
      });
      expect(assaults.text).toBe('Assault config has changed');
      expect((await call(`${base}/actuator/chaosmonkey/enable`, { method: 'POST' })).json).toMatchObject({
        enabled: true,
      });
      const failed = await call(`${base}/api/orders`);
      expect(failed.status).toBe(502);
      expect(failed.json).toEqual({ error: 'bad gateway' });
      expect((await call(`${base}/actuator/chaosmonkey/status`)).status).toBe(200);
      monkey.updateConfig({ exceptions: { status: null } });
      expect((await call(`${base}/api/orders`)).status).toBe(500);
      monkey.disable();
      expect((await call(`${base}/api/orders`, { method: 'POST', json: { a: 1 } })).json).toEqual({ got: { a: 1 } });
    } finally {
      await app.close();
    }
  });
});
