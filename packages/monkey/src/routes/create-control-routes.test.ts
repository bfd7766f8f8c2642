import { createServer, type Server } from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { call, close, listen } from '../__fixtures__/http-fixtures.js';
import { createMonkey } from '../monkey/create-monkey.js';

const quiet = { info() {}, warn() {} };
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(close));
});

describe('the seed control routes, ready-made', () => {
  it('serves /chaos/enable, /disable, /latency, /exceptions, /kill with the seed answers and auth', async () => {
    const monkey = createMonkey({ logger: quiet, exceptions: { enabled: true } });
    const app = express();
    app.use(monkey);
    app.use(monkey.routes({ token: 'r' }));
    app.get('/api/orders', (_req, res) => {
      res.json({ orders: [] });
    });
    const server = createServer(app);
    servers.push(server);
    const base = await listen(server);
    const auth = { authorization: 'Bearer r' };

    expect((await call(`${base}/chaos/enable`, { method: 'POST' })).status).toBe(401);
    expect((await call(`${base}/chaos/enable`, { method: 'POST', headers: auth })).json).toEqual({
      status: 'Chaos enabled',
    });
    expect((await call(`${base}/api/orders`)).status).toBe(500);
    expect(
      (await call(`${base}/chaos/exceptions`, { method: 'POST', headers: auth, json: { enabled: false } })).json,
    ).toEqual({ status: 'Exceptions configuration updated' });
    expect(
      (
        await call(`${base}/chaos/latency`, {
          method: 'POST',
          headers: auth,
          json: { enabled: true, minMs: 500, maxMs: 500 },
        })
      ).json,
    ).toEqual({ status: 'Latency configuration updated' });
    expect((await call(`${base}/api/orders`)).ms).toBeGreaterThanOrEqual(498);
    const bad = await call(`${base}/chaos/latency`, { method: 'POST', headers: auth, json: { minMs: 100, maxMs: 10 } });
    expect(bad.status).toBe(400);
    expect((bad.json as { message: string }).message).toMatch(/minMs \(100\) must not be greater than maxMs \(10\)/);
    expect(
      (await call(`${base}/chaos/kill`, { method: 'POST', headers: auth, json: { enabled: false, graceMs: 5000 } }))
        .json,
    ).toEqual({ status: 'Kill process configuration updated' });
    expect(monkey.getConfig().killProcess.graceMs).toBe(5000);
    const config = await call(`${base}/chaos`, { headers: auth });
    expect(config.json).toMatchObject({
      enabled: true,
      latency: { minMs: 500, maxMs: 500 },
      status: { enabled: true },
    });
    // The control routes themselves are never slowed down.
    const attacked = monkey.stats().assaulted.latency;
    expect((await call(`${base}/chaos`, { headers: auth })).status).toBe(200);
    expect(monkey.stats().assaulted.latency).toBe(attacked);
    expect((await call(`${base}/chaos/disable`, { method: 'POST', headers: auth })).json).toEqual({
      status: 'Chaos disabled',
    });
    expect((await call(`${base}/api/orders`)).status).toBe(200);
    expect(monkey.stats().assaulted.latency).toBe(attacked);
  });

  it('refuses /chaos/enable under NODE_ENV=production unless allowed', async () => {
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      for (const allowInProduction of [false, true]) {
        const monkey = createMonkey({ logger: quiet });
        const server = createServer(
          monkey.http(
            (_req, res) => {
              res.end();
            },
            { actuator: monkey.routes({ token: false, allowInProduction }) },
          ),
        );
        servers.push(server);
        const base = await listen(server);
        const answer = await call(`${base}/chaos/enable`, { method: 'POST' });
        expect(answer.status).toBe(allowInProduction ? 200 : 403);
        expect(monkey.status().enabled).toBe(allowInProduction);
      }
    } finally {
      process.env.NODE_ENV = saved;
    }
  });
});
