import { createServer, type Server } from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { call, close, listen, maxTimerDrift } from '../__fixtures__/http-fixtures.js';
import { createMonkey } from './create-monkey.js';
import type { ChaosMonkeyInstance, MonkeyOptions } from './monkey-types.js';

const quiet = { info() {}, warn() {} };
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map(close));
});

async function expressApp(options: MonkeyOptions): Promise<{ base: string; monkey: ChaosMonkeyInstance }> {
  const monkey = createMonkey({ logger: quiet, ...options });
  const app = express();
  app.use(monkey);
  app.get('/api/orders', (_req, res) => {
    res.json({ orders: [] });
  });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/api/users/:id', (req, res) => {
    res.json({ id: req.params.id });
  });
  const server = createServer(app);
  servers.push(server);
  return { base: await listen(server), monkey };
}

describe('latency assault', () => {
  it('delays every attacked request within the inclusive range, using timers only', async () => {
    const { base, monkey } = await expressApp({ enabled: true, latency: { enabled: true, minMs: 1000, maxMs: 1100 } });
    const start = performance.now();
    const { result, driftMs } = await maxTimerDrift(() =>
      Promise.all(Array.from({ length: 20 }, () => call(`${base}/api/orders`))),
    );
    for (const answer of result) {
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeGreaterThanOrEqual(998);
    }
    const injected = monkey.stats().latencyInjectedMs;
    expect(injected).toBeGreaterThanOrEqual(20 * 1000);
    expect(injected).toBeLessThanOrEqual(20 * 1100);
    // 20 requests of >= 1 s ran concurrently, well under their 20 s sum, and a 5 ms timer never
    // waited as long as one injected delay: nothing blocked the event loop (bounds loose for a
    // loaded machine, still far from what blocking would show).
    expect(performance.now() - start).toBeLessThan(15_000);
    expect(driftMs).toBeLessThan(900);
  });

  it('leaves requests alone while disabled and after disable()', async () => {
    const { base, monkey } = await expressApp({ enabled: false, latency: { enabled: true, minMs: 600, maxMs: 600 } });
    expect((await call(`${base}/api/orders`)).status).toBe(200);
    expect(monkey.stats()).toMatchObject({ watched: 0, assaulted: { latency: 0 } });
    monkey.enable();
    expect((await call(`${base}/api/orders`)).ms).toBeGreaterThanOrEqual(598);
    expect(monkey.stats()).toMatchObject({ watched: 1, assaulted: { latency: 1 }, latencyInjectedMs: 600 });
    monkey.disable();
    expect((await call(`${base}/api/orders`)).status).toBe(200);
    expect(monkey.stats()).toMatchObject({ watched: 1, assaulted: { latency: 1 } });
  });
});

describe('exception assault', () => {
  it('fails calls at the configured probability (within 5 sigma) through the framework error handler', async () => {
    const { base } = await expressApp({ enabled: true, exceptions: { enabled: true, probability: 0.3 } });
    const n = 400;
    const answers: number[] = [];
    for (let i = 0; i < n; i += 50) {
      answers.push(
        ...(await Promise.all(Array.from({ length: 50 }, () => call(`${base}/api/orders`)))).map((a) => a.status),
      );
    }
    const failed = answers.filter((s) => s === 500).length;
    expect(answers.every((s) => s === 200 || s === 500)).toBe(true);
    const sigma = Math.sqrt(n * 0.3 * 0.7);
    expect(Math.abs(failed - n * 0.3)).toBeLessThan(5 * sigma);
  });

  it('answers a configured status and body itself', async () => {
    const { base } = await expressApp({
      enabled: true,
      exceptions: { enabled: true, status: 503, body: { error: 'unavailable' } },
    });
    const answer = await call(`${base}/api/orders`);
    expect(answer.status).toBe(503);
    expect(answer.json).toEqual({ error: 'unavailable' });
  });

  it('attacks 1 in level calls at random, and exactly every level-th call when deterministic', async () => {
    const random = await expressApp({ enabled: true, level: 4, exceptions: { enabled: true } });
    const n = 400;
    const statuses = [];
    for (let i = 0; i < n; i += 50)
      statuses.push(
        ...(await Promise.all(Array.from({ length: 50 }, () => call(`${random.base}/api/orders`)))).map(
          (a) => a.status,
        ),
      );
    const failed = statuses.filter((s) => s === 500).length;
    expect(Math.abs(failed - n / 4)).toBeLessThan(5 * Math.sqrt(n * 0.25 * 0.75));

    const det = await expressApp({ enabled: true, level: 3, deterministic: true, exceptions: { enabled: true } });
    const seq = [];
    for (let i = 0; i < 9; i++) seq.push((await call(`${det.base}/api/orders`)).status);
    expect(seq).toEqual([200, 200, 500, 200, 200, 500, 200, 200, 500]);
  });
});

describe('one assault per attacked call', () => {
  it('splits attacked calls between an explicit probability and the assaults without one', async () => {
    const { base, monkey } = await expressApp({
      enabled: true,
      latency: { enabled: true, minMs: 1, maxMs: 1 },
      exceptions: { enabled: true, probability: 0.25 },
    });
    for (let i = 0; i < 200; i += 50) await Promise.all(Array.from({ length: 50 }, () => call(`${base}/api/orders`)));
    const stats = monkey.stats();
    expect(stats.watched).toBe(200);
    expect(stats.assaulted.latency + stats.assaulted.exception).toBe(200);
    expect(Math.abs(stats.assaulted.exception - 50)).toBeLessThan(5 * Math.sqrt(200 * 0.25 * 0.75));
  });
});

describe('watchers', () => {
  it('never attacks the monkey control paths or health endpoints, only what the route patterns name', async () => {
    const { base, monkey } = await expressApp({ enabled: true, exceptions: { enabled: true } });
    expect((await call(`${base}/healthz`)).status).toBe(200);
    expect((await call(`${base}/chaos/anything`)).status).toBe(404);
    expect((await call(`${base}/actuator/chaosmonkey/x`)).status).toBe(404);
    expect((await call(`${base}/api/orders`)).status).toBe(500);

    monkey.updateConfig({ watchers: { routes: ['GET /api/users/*'] } });
    expect((await call(`${base}/api/orders`)).status).toBe(200);
    expect((await call(`${base}/api/users/7`)).status).toBe(500);
    expect((await call(`${base}/api/users/7`, { method: 'POST' })).status).toBe(404);

    monkey.updateConfig({ watchers: { routes: [], controller: false, restController: false } });
    expect((await call(`${base}/api/users/7`)).status).toBe(200);
  });

  it('applies per-target overrides and watchedCustomServices', async () => {
    const { base, monkey } = await expressApp({
      enabled: true,
      exceptions: { enabled: true },
      overrides: [
        { target: '/api/users/*', exceptions: { enabled: false }, latency: { enabled: true, minMs: 200, maxMs: 200 } },
      ],
    });
    const users = await call(`${base}/api/users/1`);
    expect(users.status).toBe(200);
    expect(users.ms).toBeGreaterThanOrEqual(198);
    expect((await call(`${base}/api/orders`)).status).toBe(500);
    monkey.updateConfig({ watchedCustomServices: ['/api/users'] });
    expect((await call(`${base}/api/orders`)).status).toBe(200);
  });
});

describe('configuration', () => {
  it('rejects invalid options with every problem listed', () => {
    expect(() => createMonkey({ level: 0, latency: { minMs: 10, maxMs: 5 }, bogus: 1 } as MonkeyOptions)).toThrow(
      /level.*between 1 and 10000.*bogus: unknown option.*minMs \(10\) must not be greater/s,
    );
    const monkey = createMonkey({ logger: quiet });
    expect(() =>
      monkey.updateConfig({
        exceptions: { enabled: true, probability: 0.8 },
        killProcess: { enabled: true, probability: 0.5 },
      }),
    ).toThrow(/add up to 1.3/);
    expect(() => monkey.updateConfig({ killProcess: { cron: '61 * * * * *' } })).toThrow(/cron/);
    expect(() => monkey.updateConfig({ overrides: [{ target: '/x', latency: { minMs: 5000 } }] })).toThrow(
      /overrides\[0\].latency: minMs \(5000\) must not be greater than maxMs \(3000\)/,
    );
    expect(monkey.getConfig().exceptions.probability).toBeNull();
  });

  it('updates partially and reports status with timestamps', async () => {
    const monkey = createMonkey({ logger: quiet, latency: { enabled: true, minMs: 10, maxMs: 20 } });
    monkey.updateConfig({ latency: { maxMs: 50 } });
    expect(monkey.getConfig().latency).toMatchObject({ enabled: true, minMs: 10, maxMs: 50 });
    expect(monkey.status()).toMatchObject({ enabled: false, enabledAt: null });
    monkey.enable();
    await new Promise((r) => setTimeout(r, 20));
    const status = monkey.status();
    expect(status.enabled).toBe(true);
    expect(status.enabledAt).toBeInstanceOf(Date);
    expect(status.enabledForMs).toBeGreaterThanOrEqual(15);
  });
});
