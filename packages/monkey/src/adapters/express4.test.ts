import { createServer, type Server } from 'node:http';
// Express 4 under an alias (express@4), beside the root's Express 5.
import express4 from 'express4';
import { afterEach, describe, expect, it } from 'vitest';
import { call, close, listen } from '../__fixtures__/http-fixtures.js';
import { createMonkey } from '../monkey/create-monkey.js';

const quiet = { info() {}, warn() {} };
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(close));
});

describe('Express 4', () => {
  it('takes the middleware, the actuator (with or without a body parser) and the seed-style routes', async () => {
    for (const parser of [false, true]) {
      const monkey = createMonkey({ logger: quiet, latency: { enabled: true, minMs: 100, maxMs: 120 } });
      const app = express4();
      if (parser) app.use(express4.json());
      app.use(monkey);
      app.use(monkey.actuator({ token: 'x' }));
      app.get('/api/orders', (_req: unknown, res: { json(b: unknown): void }) => res.json({ orders: [] }));
      app.post(
        '/chaos/latency',
        (req: { body: { enabled: boolean; minMs: number; maxMs: number } }, res: { json(b: unknown): void }) => {
          const { enabled, minMs, maxMs } = req.body;
          monkey.updateConfig({ latency: { enabled, minMs, maxMs } });
          res.json({ status: 'Latency configuration updated' });
        },
      );
      const server = createServer(app);
      servers.push(server);
      const base = await listen(server);
      const auth = { authorization: 'Bearer x' };
      expect((await call(`${base}/actuator/chaosmonkey/enable`, { method: 'POST', headers: auth })).status).toBe(200);
      const slow = await call(`${base}/api/orders`);
      expect(slow.json).toEqual({ orders: [] });
      expect(slow.ms).toBeGreaterThanOrEqual(98);
      expect(
        (await call(`${base}/chaos/latency`, { method: 'POST', json: { enabled: false, minMs: 1, maxMs: 2 } })).json,
      ).toEqual({ status: 'Latency configuration updated' });
      expect(monkey.getConfig().latency).toMatchObject({ enabled: false, minMs: 1, maxMs: 2 });
      const assaults = await call(`${base}/actuator/chaosmonkey/assaults`, {
        method: 'POST',
        headers: auth,
        json: { exceptionsActive: true },
      });
      expect(assaults.text).toBe('Assault config has changed');
      const failed = await call(`${base}/api/orders`);
      expect(failed.status).toBe(500);
    }
  });
});
