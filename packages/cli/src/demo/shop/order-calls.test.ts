import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { naiveCalls } from './naive-calls.js';
import { resilientCalls } from './resilient-calls.js';

// A real payment service on 127.0.0.1 whose behaviour the test switches: ok, 503, or 2 s late.
let behaviour: 'ok' | 'fail' | 'slow' = 'ok';
let charges = 0;
let calls = 0;
let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    calls++;
    // What a request meets is decided when it arrives; only requests met with "ok" count as charges.
    const now = behaviour;
    if (now === 'fail') return void res.writeHead(503).end();
    if (now === 'ok') charges++;
    const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end(`{"id":"p${calls}"}`);
    if (now === 'slow') setTimeout(answer, 2000);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(resolve));
});

const order = (n: number) => ({ orderId: `o${n}`, amount: 10 });
const timed = async <T>(work: Promise<T>) => {
  const start = Date.now();
  const value = await work;
  return { value, ms: Date.now() - start };
};

describe('the shop’s calls from orders to payment', () => {
  it('naive: a failing payment fails the order, a slow one holds it as long as it takes', async () => {
    const naive = naiveCalls({ inventory: url, payment: url });
    behaviour = 'fail';
    await expect(naive.pay(order(1))).rejects.toThrow(/answered 503/);
    behaviour = 'slow';
    const slow = await timed(naive.pay(order(2)));
    expect(slow.value.status).toBe('PAID');
    expect(slow.ms).toBeGreaterThanOrEqual(1900);
  });

  it('resilient: times out, opens the circuit, queues the payment, and charges it once payment is back', async () => {
    const resilient = resilientCalls({ inventory: url, payment: url });
    try {
      behaviour = 'slow';
      const first = await timed(resilient.pay(order(3)));
      expect(first.value).toEqual({ status: 'PENDING' });
      expect(first.ms).toBeLessThan(1500); // 3 attempts of 200 ms and the backoff, not 2 s
      expect(resilient.stats()).toMatchObject({ circuit: 'Open', queued: 1 });
      // While the circuit is open, payment is not called at all and orders are answered at once.
      behaviour = 'fail';
      const before = calls;
      const second = await timed(resilient.pay(order(4)));
      expect(second.value).toEqual({ status: 'PENDING' });
      expect(calls).toBe(before);
      // Payment recovers: after the half-open delay the queue is drained through the same breaker.
      behaviour = 'ok';
      const charged = charges;
      for (let i = 0; i < 100 && resilient.stats().drained !== 2; i++) await new Promise((r) => setTimeout(r, 100));
      expect(resilient.stats()).toMatchObject({ circuit: 'Closed', queued: 2, drained: 2, waiting: 0 });
      expect(charges - charged).toBe(2);
      expect(await resilient.pay(order(5))).toMatchObject({ status: 'PAID' });
    } finally {
      resilient.close();
    }
  }, 20_000);
});
