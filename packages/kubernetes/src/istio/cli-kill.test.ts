import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeObjects, startFakeApiServer, type FakeApiServer } from '../testing/index.js';

// Kills the built CLI in the middle of the seed's Istio method and checks the fake cluster is back
// to its prior state: by the CLI itself on SIGTERM, by `faultline revert <journal>` after SIGKILL.
const cliPath = fileURLToPath(new URL('../../../cli/dist/bin/faultline.js', import.meta.url));
const vsRef = 'networking.istio.io/virtualservices';

let app: Server;
let appUrl: string;
let fake: FakeApiServer | undefined;
let child: ChildProcess | undefined;

beforeAll(async () => {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npx tsc -b packages/cli\` before this test`);
  app = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/orders`;
});
afterAll(async () => {
  await new Promise((resolve) => app.close(resolve));
});
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
  await fake?.close();
  fake = undefined;
});

// The seed's method verbatim (pause of 60 s after the delay); only the probe targets a local service.
const experiment = (url: string) => `
version: 1.0.0
title: "Network Failure Resilience"
steady-state-hypothesis:
  title: "Order processing works correctly"
  probes:
    - name: "can-place-order"
      type: "probe"
      tolerance: 200
      provider:
        type: "http"
        url: "${url}"
method:
  - type: "action"
    name: "inject-payment-service-latency"
    provider:
      type: "python"
      module: "chaosistio.fault.actions"
      func: "add_delay_fault"
      arguments:
        virtual_service_name: "payment-service-vs"
        fixed_delay: "2s"
        percentage: 100
        ns: "ecommerce"
    pauses:
      after: 60
  - type: "action"
    name: "inject-payment-service-errors"
    provider:
      type: "python"
      module: "chaosistio.fault.actions"
      func: "add_abort_fault"
      arguments:
        virtual_service_name: "payment-service-vs"
        http_status: 503
        percentage: 50
        ns: "ecommerce"
`;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function startCli(args: string[], cwd: string, kubeconfig: string): { process: ChildProcess; exit: Promise<Exit> } {
  const proc = spawn(process.execPath, [cliPath, ...args], {
    cwd,
    env: { ...process.env, KUBECONFIG: kubeconfig, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (data) => (stdout += data));
  proc.stderr!.on('data', (data) => (stderr += data));
  const exit = new Promise<Exit>((resolve) =>
    proc.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { process: proc, exit };
}

async function setUp(): Promise<{ cwd: string; kubeconfig: string; cluster: FakeApiServer; original: unknown }> {
  const vs = fakeObjects.virtualService('payment-service-vs', {
    namespace: 'ecommerce',
    hosts: ['payment-service'],
    http: [
      {
        route: [{ destination: { host: 'payment-service' } }],
        fault: { abort: { httpStatus: 418, percentage: { value: 0.1 } } },
      },
    ],
  });
  const cluster = (fake = await startFakeApiServer({ objects: [vs], reconcile: false }));
  const cwd = mkdtempSync(join(tmpdir(), 'faultline-istio-kill-'));
  writeFileSync(join(cwd, 'experiment.yaml'), experiment(appUrl));
  return { cwd, kubeconfig: cluster.writeKubeConfig(), cluster, original: structuredClone(spec(cluster)) };
}

const spec = (cluster: FakeApiServer) => cluster.store.get(vsRef, 'ecommerce', 'payment-service-vs')!['spec'];
const fault = (cluster: FakeApiServer) => (spec(cluster) as { http: Array<{ fault?: unknown }> }).http[0]!.fault;

async function waitForDelay(cluster: FakeApiServer, exit: Promise<Exit>): Promise<void> {
  let ended: Exit | undefined;
  void exit.then((result) => (ended = result));
  const deadline = Date.now() + 40_000;
  while (Date.now() < deadline && !ended) {
    if ((fault(cluster) as { delay?: unknown } | undefined)?.delay) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the delay was never injected: ${JSON.stringify(ended ?? 'timeout')}`);
}

describe('killing `faultline run` during the seed Istio experiment', () => {
  it('SIGTERM: the CLI reverts the delay before exiting, the fault that was there before is back', async () => {
    const { cwd, kubeconfig, cluster, original } = await setUp();
    const run = startCli(['run', 'experiment.yaml', '--journal-path', 'journal.json'], cwd, kubeconfig);
    child = run.process;
    await waitForDelay(cluster, run.exit);
    run.process.kill('SIGTERM');
    const result = await run.exit;
    expect(result.code, result.stderr).toBe(4);
    expect(spec(cluster)).toEqual(original);
    const journal = JSON.parse(readFileSync(join(cwd, 'journal.json'), 'utf8')) as {
      status: string;
      faultline: { reverts: Array<{ status: string }> };
    };
    expect(journal.status).toBe('interrupted');
    expect(journal.faultline.reverts.map((revert) => revert.status)).toEqual(['reverted']);
  }, 90_000);

  it('SIGKILL: the journal written so far lets `faultline revert` put the previous fault back', async () => {
    const { cwd, kubeconfig, cluster, original } = await setUp();
    const run = startCli(['run', 'experiment.yaml', '--journal-path', 'journal.json'], cwd, kubeconfig);
    child = run.process;
    await waitForDelay(cluster, run.exit);
    run.process.kill('SIGKILL');
    await run.exit;
    expect(fault(cluster)).toEqual({
      abort: { httpStatus: 418, percentage: { value: 0.1 } },
      delay: { fixedDelay: '2s', percentage: { value: 100 } },
    });

    const revert = startCli(['revert', 'journal.json'], cwd, kubeconfig);
    child = revert.process;
    const result = await revert.exit;
    expect(result.code, result.stderr).toBe(0);
    expect(spec(cluster)).toEqual(original);
    const journal = JSON.parse(readFileSync(join(cwd, 'journal.json'), 'utf8')) as {
      faultline: { reverts: Array<{ status: string }> };
    };
    expect(journal.faultline.reverts.map((entry) => entry.status)).toEqual(['reverted']);
  }, 90_000);
});
