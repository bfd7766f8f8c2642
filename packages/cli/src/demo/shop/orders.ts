import { randomUUID } from 'node:crypto';
import type { RequestListener } from 'node:http';
import { naiveCalls } from './naive-calls.js';
import { readJson } from './read-json.js';
import { resilientCalls } from './resilient-calls.js';
import { sendJson } from './send-json.js';
import type { ShopConfig } from './shop-config.js';

/**
 * Places orders: reserve stock at inventory, then charge at payment (both through the fault
 * proxy). 201 when paid, 202 when the payment was queued, 502 when a dependency failed the order.
 */
export function orders(config: ShopConfig): RequestListener & { close(): void } {
  const [inventory, payment] = config.upstreams;
  const calls =
    config.mode === 'resilient' ? resilientCalls({ inventory, payment }) : naiveCalls({ inventory, payment });
  const placed: unknown[] = [];
  const listener: RequestListener = async (req, res) => {
    if (req.method === 'GET' && req.url === '/health')
      return sendJson(res, 200, { service: config.name, pid: process.pid, mode: config.mode });
    if (req.method === 'GET' && req.url === '/api/stats')
      return sendJson(res, 200, { ...calls.stats(), placed: placed.length });
    if (req.method === 'GET' && req.url === '/api/orders') return sendJson(res, 200, { orders: placed.slice(-20) });
    if (req.method === 'POST' && req.url === '/api/orders') {
      const body = await readJson(req);
      const order = {
        orderId: randomUUID(),
        productId: String(body.productId ?? ''),
        quantity: Number(body.quantity ?? 1),
      };
      try {
        await calls.reserve({ productId: order.productId, quantity: order.quantity });
        const paid = await calls.pay({ orderId: order.orderId, amount: 10 * order.quantity });
        placed.push(order);
        return sendJson(res, paid.status === 'PAID' ? 201 : 202, { order, payment: paid, replica: config.name });
      } catch (error) {
        return sendJson(res, 502, { error: `order failed: ${(error as Error).message}`, replica: config.name });
      }
    }
    sendJson(res, 404, { error: 'not found' });
  };
  return Object.assign(listener, { close: () => calls.close() });
}
