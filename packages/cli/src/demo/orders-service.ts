import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chaosMonkey } from '@faultline/monkey';

export interface OrdersService {
  url: string;
  token: string;
  stats(): { requests: number; delayedMs: number; monkeyEnabled: boolean };
  close(): Promise<void>;
}

/**
 * A small in-process orders API with the Faultline monkey inside it and the Spring Boot actuator
 * API mounted behind a random bearer token, on 127.0.0.1 only: the target of the CLI's revert and
 * crash tests (`faultline demo` itself runs the multi-process shop in ./shop).
 */
export async function startOrdersService(): Promise<OrdersService> {
  const token = randomBytes(16).toString('hex');
  const monkey = chaosMonkey({ enabled: false, logger: { info() {}, warn() {}, error() {}, debug() {} } as never });
  let requests = 0;
  const handler = monkey.http(
    (req, res) => {
      requests++;
      if (req.url?.startsWith('/api/orders')) {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ orders: [{ id: 1, productId: '12345', quantity: 1 }] }));
      } else {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      }
    },
    { actuator: monkey.actuator({ token }) },
  );
  const server: Server = createServer(handler);
  monkey.attachServer(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    stats: () => ({ requests, delayedMs: monkey.stats().latencyInjectedMs, monkeyEnabled: monkey.status().enabled }),
    close: () =>
      new Promise((resolve) => {
        monkey.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
