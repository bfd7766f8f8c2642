import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io.js';
import { main } from '../main.js';

const examples = fileURLToPath(new URL('../../../../examples/proxy/', import.meta.url));
const stops: Array<() => unknown> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

function io(cwd: string) {
  const out = { stdout: '', stderr: '' };
  const handlers = new Set<(signal: 'SIGINT' | 'SIGTERM') => void>();
  const cli: CliIo = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    env: { HOME: cwd, PATH: process.env.PATH, NO_COLOR: '1' },
    cwd,
    setExitCode: () => undefined,
    onSignal(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
  return { cli, out, stop: () => [...handlers].forEach((h) => h('SIGTERM')) };
}

/** `node examples/proxy/payment-service.mjs` on a free port (PORT=0). */
async function startPaymentService(): Promise<number> {
  const child = spawn(process.execPath, [join(examples, 'payment-service.mjs')], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  stops.push(() => (child.kill('SIGTERM'), exited));
  let text = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      text += d;
      const port = /http:\/\/127\.0\.0\.1:(\d+)/.exec(text)?.[1];
      if (port) resolve(Number(port));
    });
    child.once('exit', (code) => reject(new Error(`payment service exited ${code}`)));
  });
}

describe('examples/proxy/http-fault-experiment.yaml, run as its header says', () => {
  it('injects the 503s, the first three 500s and the delay, then removes every fault', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-proxy-example-'));
    const servicePort = await startPaymentService();
    // The header's proxies.json, with free ports instead of fixed ones (tests share the machine).
    const proxies = JSON.parse(readFileSync(join(examples, 'proxies.json'), 'utf8')) as Array<Record<string, string>>;
    for (const proxy of proxies) {
      proxy.listen = '127.0.0.1:0';
      if (proxy.name === 'payment') proxy.upstream = `127.0.0.1:${servicePort}`;
    }
    writeFileSync(join(dir, 'proxies.json'), JSON.stringify(proxies));

    const proxy = io(dir);
    const serving = main(['proxy', '--config', 'proxies.json', '--port', '0'], proxy.cli);
    stops.push(() => (proxy.stop(), serving));
    await expect.poll(() => proxy.out.stdout, { timeout: 10_000 }).toMatch(/payment: 127\.0\.0\.1:\d+/);
    const api = /API on (http:\/\/\S+)/.exec(proxy.out.stdout)![1];
    const payment = /payment: (127\.0\.0\.1:\d+)/.exec(proxy.out.stdout)![1];

    const run = io(dir);
    const journalPath = join(dir, 'journal.json');
    const code = await main(
      [
        '--no-log-file',
        'run',
        join(examples, 'http-fault-experiment.yaml'),
        '--journal-path',
        journalPath,
        '--var',
        `faultline_proxy_url=${api}`,
        '--var',
        `payment_url=http://${payment}`,
      ],
      run.cli,
    );
    expect(code, run.out.stderr).toBe(0);
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
      status: string;
      deviated: boolean;
      run: Array<{ activity: { name: string }; status: string; output: unknown; duration: number }>;
    };
    expect([journal.status, journal.deviated]).toEqual(['completed', false]);
    const output = (name: string) => journal.run.find((entry) => entry.activity.name === name)!;
    const payments = output('payments-during-faults').output as number[];
    expect(payments).toHaveLength(20);
    expect(payments).toContain(503); // 50% of 20: none would be a 1-in-a-million draw
    expect(new Set(payments)).toEqual(new Set([200, 503]));
    expect(output('charges-during-faults').output).toEqual([500, 500, 500, 200]);
    expect(output('orders-during-faults').output).toMatchObject({ status: 200 });
    expect(output('orders-during-faults').duration).toBeGreaterThanOrEqual(1.9);

    // Every fault was reverted at the end of the run.
    expect(await (await fetch(`${api}/proxies/payment/faults`)).json()).toEqual([]);
  });
});
