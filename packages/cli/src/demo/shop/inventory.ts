import type { RequestListener } from 'node:http';
import { readJson } from './read-json.js';
import { sendJson } from './send-json.js';
import type { ShopConfig } from './shop-config.js';

/** Reserves stock. The monkey inside it (its actuator API) makes it slow or throw on demand. */
export function inventory(config: ShopConfig): RequestListener {
  const stock = new Map<string, number>();
  return async (req, res) => {
    if (req.method === 'GET' && req.url === '/health') return sendJson(res, 200, { service: config.name });
    if (req.method === 'POST' && req.url === '/reserve') {
      const body = await readJson(req);
      const product = String(body.productId ?? 'unknown');
      stock.set(product, (stock.get(product) ?? 0) + Number(body.quantity ?? 1));
      return sendJson(res, 200, { productId: product, reserved: true });
    }
    sendJson(res, 404, { error: 'not found' });
  };
}
