import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  ActivityResolver,
  runExperiment,
  silentLogger,
  RevertLedger,
  type DriverEntry,
  type Experiment,
  type Journal,
  type PendingRevert,
} from '@faultline/core';
import { fakeObjects, startFakeApiServer, type FakeApiServer, type KubeObject } from '../testing/index.js';
import { istioActivities } from './istio-activities.js';

// The seed's network failure experiment, run by the engine with its method unchanged. Only the
// steady-state probe (chaosprobe.http, a module the seed never defines) is swapped for an http probe.
const seed = parse(
  readFileSync(new URL('../../../../examples/istio/network-failure-experiment.yaml', import.meta.url), 'utf8'),
) as Experiment;
const driverEntry: DriverEntry = {
  name: '@faultline/kubernetes',
  pythonPrefixes: ['chaosistio'],
  load: async () => ({ ...(await import('../activities/kubernetes-driver.js')).driver, activities: istioActivities }),
};
const vsRef = 'networking.istio.io/virtualservices';

let app: Server;
let appUrl: string;
let fake: FakeApiServer | undefined;
const previousKubeconfig = process.env['KUBECONFIG'];

beforeAll(async () => {
  app = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/orders`;
});
afterAll(async () => {
  await new Promise((resolve) => app.close(resolve));
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  if (previousKubeconfig === undefined) delete process.env['KUBECONFIG'];
  else process.env['KUBECONFIG'] = previousKubeconfig;
});

async function startCluster(): Promise<FakeApiServer> {
  const vs = fakeObjects.virtualService('payment-service-vs', {
    namespace: 'ecommerce',
    hosts: ['payment-service'],
    http: [{ route: [{ destination: { host: 'payment-service' } }] }],
  });
  fake = await startFakeApiServer({ objects: [vs], reconcile: false });
  process.env['KUBECONFIG'] = fake.writeKubeConfig();
  return fake;
}

function experiment(): Experiment {
  const copy = structuredClone(seed) as Experiment & Record<string, unknown>;
  copy['steady-state-hypothesis'] = {
    title: 'Order processing works correctly',
    probes: [{ type: 'probe', name: 'orders-respond', tolerance: 200, provider: { type: 'http', url: appUrl } }],
  } as never;
  return copy;
}

const fault = (cluster: FakeApiServer) =>
  (cluster.store.get(vsRef, 'ecommerce', 'payment-service-vs')!['spec'] as { http: Array<{ fault?: unknown }> })
    .http[0]!.fault;
const reverts = (journal: Journal) => journal.faultline.reverts as PendingRevert[];

describe('the seed network failure experiment through the engine', () => {
  it('injects the delay and the abort, then reverts both at the end of the run', async () => {
    const cluster = await startCluster();
    const journal = await runExperiment({
      experiment: experiment(),
      baseDir: process.cwd(),
      resolver: new ActivityResolver([driverEntry]),
      dry: 'pause',
      logger: silentLogger,
    });
    expect(journal.status).toBe('completed');
    expect(journal.run.map((entry) => entry.status)).toEqual(['succeeded', 'succeeded']);
    expect(reverts(journal).map((revert) => [revert.func, revert.status])).toEqual([
      ['restore_virtual_service_faults', 'reverted'],
      ['restore_virtual_service_faults', 'reverted'],
    ]);
    expect(fault(cluster)).toBeUndefined();
    const puts = cluster
      .requestsMatching('PUT', /virtualservices\/payment-service-vs$/)
      .map((request) => (request.body as KubeObject)['spec'] as { http: Array<{ fault?: unknown }> });
    expect(puts.map((spec) => spec.http[0]!.fault)).toEqual([
      { delay: { fixedDelay: '2s', percentage: { value: 100 } } },
      {
        delay: { fixedDelay: '2s', percentage: { value: 100 } },
        abort: { httpStatus: 503, percentage: { value: 50 } },
      },
      { delay: { fixedDelay: '2s', percentage: { value: 100 } } },
      undefined,
    ]);
  });

  it('reverts the delay when the run is interrupted during the 60 s pause', async () => {
    const cluster = await startCluster();
    const stop = new AbortController();
    const running = runExperiment({
      experiment: experiment(),
      baseDir: process.cwd(),
      resolver: new ActivityResolver([driverEntry]),
      signal: stop.signal,
      logger: silentLogger,
    });
    const deadline = Date.now() + 20_000;
    while (fault(cluster) === undefined && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fault(cluster)).toEqual({ delay: { fixedDelay: '2s', percentage: { value: 100 } } });
    stop.abort();
    const journal = await running;
    expect(journal.status).toBe('interrupted');
    expect(reverts(journal).map((revert) => revert.status)).toEqual(['reverted']);
    expect(fault(cluster)).toBeUndefined();
  });

  it('after a run could not revert (as after a hard kill), the journal alone is enough to revert', async () => {
    const cluster = await startCluster();
    class NoReverts extends ActivityResolver {
      override resolveRevert(): never {
        throw new Error('simulated crash before reverting');
      }
    }
    const journal = JSON.parse(
      JSON.stringify(
        await runExperiment({
          experiment: experiment(),
          baseDir: process.cwd(),
          resolver: new NoReverts([driverEntry]),
          dry: 'pause',
          logger: silentLogger,
        }),
      ),
    ) as Journal;
    expect(fault(cluster)).toEqual({
      delay: { fixedDelay: '2s', percentage: { value: 100 } },
      abort: { httpStatus: 503, percentage: { value: 50 } },
    });

    // What `faultline revert <journal>` does: pending or failed reverts, newest first.
    const resolver = new ActivityResolver([driverEntry]);
    for (const revert of reverts(journal)
      .filter((entry) => entry.status !== 'reverted')
      .reverse()) {
      const activity = await resolver.resolveRevert(revert);
      await activity.call(structuredClone(revert.arguments), {
        configuration: {},
        secrets: {},
        signal: AbortSignal.timeout(30_000),
        logger: silentLogger,
        dryRun: false,
        runId: journal.faultline.run_id,
        experimentDir: process.cwd(),
        settings: {},
        experimentTitle: journal.experiment.title,
        registerRevert: () => RevertLedger.noopHandle,
      });
    }
    expect(fault(cluster)).toBeUndefined();
  });
});
