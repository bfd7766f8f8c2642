import { resolve } from 'node:path';
import type { CliIo } from '../cli-io.js';
import { startShop } from './shop/start-shop.js';

/**
 * `faultline demo --serve naive|resilient`: start one shop and keep it up until Ctrl-C, printing the
 * variables the examples/local experiments read, so they can be run (or edited) by hand.
 */
export async function serveShop(mode: 'naive' | 'resilient', out: string, io: CliIo): Promise<void> {
  const shop = await startShop(mode, resolve(io.cwd, out), (line) => io.stdout.write(`${line}\n`));
  const stopped = new Promise<void>((done) => {
    const unregister = io.onSignal(() => {
      unregister();
      done();
    });
  });
  io.stdout.write(
    [
      `The ${mode} shop is up: gateway ${shop.gatewayUrl} (${shop.processes().length} processes, pid files in ${shop.runDir}).`,
      'In another shell:',
      ...Object.entries(shop.env).map(([key, value]) => `  export ${key}=${value}`),
      '  faultline run examples/local/payment-latency.yaml',
      'Ctrl-C stops the shop.',
      '',
    ].join('\n'),
  );
  await stopped;
  await shop.stop();
  io.stdout.write('Shop stopped.\n');
}
