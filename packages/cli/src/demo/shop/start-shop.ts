import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ProxyServer } from '@faultline/proxy';
import { cliPackageRoot } from '../../package-root.js';
import type { ShopConfig } from './shop-config.js';
import { Supervisor, type Supervised } from './supervisor.js';

export interface Shop {
  mode: ShopConfig['mode'];
  gatewayUrl: string;
  runDir: string;
  processes(): Supervised[];
  /** Every pid the shop ever started (restarts included). */
  startedPids(): number[];
  /** The variables the examples/local experiments read to find this shop. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

// The compiled service (tsc output): the same file whether the CLI runs from dist/ or its bundle.
const serviceScript = resolve(cliPackageRoot, 'dist/demo/shop/shop-service.js');

/**
 * Starts the demo shop on 127.0.0.1, every port chosen by the OS: inventory, payment, two orders
 * replicas and a gateway as separate Node processes under a supervisor, and the fault proxy (in
 * this process) between orders and its dependencies. `mode` picks naive or resilient orders calls.
 */
export async function startShop(mode: ShopConfig['mode'], outDir: string, log: (line: string) => void): Promise<Shop> {
  const runDir = join(outDir, mode, 'run');
  await rm(runDir, { recursive: true, force: true });
  await mkdir(runDir, { recursive: true });
  const monkeyToken = randomBytes(16).toString('hex');
  const proxyToken = randomBytes(16).toString('hex');
  const supervisor = new Supervisor(serviceScript, runDir, log);
  let proxy: ProxyServer | undefined;
  const stop = async () => {
    await supervisor.stopAll();
    await proxy?.close();
  };
  try {
    const start = (name: string, role: ShopConfig['role'], upstreams: string[] = []) =>
      supervisor.start(name, {
        SHOP_ROLE: role,
        SHOP_MODE: mode,
        SHOP_MONKEY_TOKEN: monkeyToken,
        SHOP_UPSTREAMS: upstreams.join(','),
      });
    const [inventory, payment] = await Promise.all([start('inventory', 'inventory'), start('payment', 'payment')]);
    proxy = await ProxyServer.start({
      port: 0,
      token: proxyToken,
      proxies: [
        { name: 'payment', listen: '127.0.0.1:0', upstream: `127.0.0.1:${payment.port}`, protocol: 'http' },
        { name: 'inventory', listen: '127.0.0.1:0', upstream: `127.0.0.1:${inventory.port}`, protocol: 'http' },
      ],
    });
    const via = (name: string) => `http://${proxy!.collection.get(name).listen}`;
    const replicas = await Promise.all(
      ['orders-1', 'orders-2'].map((name) => start(name, 'orders', [via('inventory'), via('payment')])),
    );
    const gatewayProcess = await start(
      'gateway',
      'gateway',
      replicas.map((r) => r.url),
    );
    return {
      mode,
      gatewayUrl: gatewayProcess.url,
      runDir,
      processes: () => supervisor.processes,
      startedPids: () => [...supervisor.startedPids],
      env: {
        FAULTLINE_DEMO_GATEWAY_URL: gatewayProcess.url,
        FAULTLINE_DEMO_INVENTORY_URL: inventory.url,
        FAULTLINE_DEMO_PAYMENT_URL: payment.url,
        FAULTLINE_DEMO_RUN_DIR: runDir,
        FAULTLINE_DEMO_MONKEY_TOKEN: monkeyToken,
        FAULTLINE_PROXY_URL: proxy.url,
        FAULTLINE_PROXY_TOKEN: proxyToken,
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
