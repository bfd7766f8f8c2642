import { randomUUID } from 'node:crypto';
import type { RequestListener } from 'node:http';
import { readJson } from './read-json.js';
import { sendJson } from './send-json.js';
import type { ShopConfig } from './shop-config.js';

/** Charges an order. Healthy on its own: the experiments slow it down or break it from outside. */
export function payment(config: ShopConfig): RequestListener {
  let charged = 0;
  return async (req, res) => {
    if (req.method === 'GET' && req.url === '/health') return sendJson(res, 200, { service: config.name, charged });
    if (req.method === 'POST' && req.url === '/pay') {
      const body = await readJson(req);
      charged++;
      return sendJson(res, 200, { id: randomUUID(), orderId: body.orderId, status: 'PAID' });
    }
    sendJson(res, 404, { error: 'not found' });
  };
}
