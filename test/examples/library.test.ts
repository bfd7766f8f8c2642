import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  ActivityResolver,
  runExperiment,
  silentLogger,
  type Experiment,
  type PendingRevert,
  type RunEvent,
} from '@faultline/core';
import { driver as builtin } from '@faultline/core/builtin';
import { driver as kubernetes } from '@faultline/kubernetes/activities';
import { fakeObjects, startFakeApiServer } from '@faultline/kubernetes/testing';
import { main, type CliIo } from '@faultline/cli';
// @ts-expect-error plain ES module script without types
import { cataloguePath, examplesDir, experimentFiles, groups, headerOf, renderCatalogue } from '../../examples/catalogue.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const files: string[] = experimentFiles();

describe('the experiment library (examples/)', () => {
  it('catalogues every experiment once, each with what it tests and what a deviation means', () => {
    const catalogued = (groups as Array<[string, string[]]>).flatMap(([, list]) => list);
    expect([...catalogued].sort()).toEqual(files);
    expect(new Set(catalogued).size).toBe(catalogued.length);
    for (const file of files) {
      const { tests, deviation } = headerOf(readFileSync(join(examplesDir, file), 'utf8'));
      expect(tests, file).toMatch(/\w{3,}.*\./);
      expect(deviation, file).toMatch(/\w{3,}.*\./);
    }
    // The seed's groups are all there.
    expect(files).toEqual(expect.arrayContaining(['data/data-corruption-experiment.yaml', 'kubernetes/multi-failure-experiment.yaml']));
  });

  it('docs/examples.md is the catalogue generated from the folder', () => {
    expect(readFileSync(cataloguePath, 'utf8')).toBe(renderCatalogue());
  });

  const demoEnvironment = {
    FAULTLINE_PROXY_URL: 'http://127.0.0.1:8474',
    FAULTLINE_PROXY_TOKEN: 'example-token',
    FAULTLINE_DEMO_RUN_DIR: root,
    FAULTLINE_DEMO_MONKEY_TOKEN: 'example-token',
    FAULTLINE_DEMO_INVENTORY_URL: 'http://127.0.0.1:8081',
    FAULTLINE_DEMO_GATEWAY_URL: 'http://127.0.0.1:8080',
    // Tokens other examples take from the environment, as their headers say.
    CHAOS_MONKEY_TOKEN: 'example-token',
    GRAFANA_TOKEN: 'example-token',
  };

  it('faultline validate passes on every experiment', async () => {
    // The CLI in process (main with injected I/O): the same command users run, without 20 starts.
    const failures: string[] = [];
    for (const file of files) {
      let output = '';
      const io: CliIo = {
        stdout: { write: (chunk: string) => (output += chunk) },
        stderr: { write: (chunk: string) => (output += chunk) },
        // Examples read addresses and tokens from the environment (examples/local: what `faultline demo
        // --serve` prints); validation, like Chaos Toolkit's, reports a variable that is not set.
        env: { ...process.env, ...demoEnvironment, NO_COLOR: '1' },
        cwd: root,
        setExitCode: () => {},
        onSignal: () => () => {},
      };
      const code = await main(['validate', join(examplesDir, file)], io);
      if (code !== 0 || !/the experiment is valid/.test(output)) failures.push(`${file}: ${code} ${output}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('kubernetes/multi-failure-experiment.yaml against the fake API server', () => {
  let app: Server;
  let appUrl = '';
  beforeAll(async () => {
    app = createServer((_req, res) => res.writeHead(200).end('{}'));
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/orders`;
  });
  afterAll(() => new Promise((resolve) => app.close(resolve)));

  it('partitions payment, delays the database, rate limits the API, then reverts all three', async () => {
    const server = await startFakeApiServer({
      objects: [
        fakeObjects.deployment('payment-service', { namespace: 'ecommerce', replicas: 2 }),
        fakeObjects.virtualService('orders-db-vs', { namespace: 'ecommerce' }),
        fakeObjects.virtualService('api-gateway-vs', { namespace: 'ecommerce' }),
      ],
    });
    const previous = process.env.KUBECONFIG;
    process.env.KUBECONFIG = server.writeKubeConfig();
    try {
      const experiment = parse(readFileSync(join(examplesDir, 'kubernetes/multi-failure-experiment.yaml'), 'utf8')) as Experiment & {
        'steady-state-hypothesis': { probes: Array<{ provider: { arguments: { url: string } } }> };
      };
      experiment['steady-state-hypothesis'].probes[0].provider.arguments.url = appUrl;
      const faults = (name: string) =>
        (server.store.get('networking.istio.io/virtualservices', 'ecommerce', name)!.spec as { http: Array<{ fault?: unknown }> })
          .http[0].fault;
      let during: unknown;
      const journal = await runExperiment({
        experiment,
        baseDir: examplesDir,
        resolver: new ActivityResolver([
          { name: '@faultline/core', pythonPrefixes: ['chaosprobe'], load: async () => builtin },
          { name: '@faultline/kubernetes', pythonPrefixes: ['chaosk8s', 'chaosistio'], load: async () => kubernetes },
        ]),
        dry: 'pause',
        logger: silentLogger,
        observers: [
          {
            onEvent(event: RunEvent) {
              if (event.type === 'activity-ended' && event.activity.name === 'api-rate-limiting')
                during = {
                  policies: server.store.list('networking.k8s.io/networkpolicies', { namespace: 'ecommerce' }).items.length,
                  db: faults('orders-db-vs'),
                  api: faults('api-gateway-vs'),
                };
            },
          },
        ],
      });
      expect([journal.status, journal.deviated]).toEqual(['completed', false]);
      expect(journal.run.map((entry) => entry.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
      expect(during).toMatchObject({
        policies: 1,
        db: { delay: { fixedDelay: '2s', percentage: { value: 100 } } },
        api: { abort: { httpStatus: 429, percentage: { value: 30 } } },
      });
      const reverts = journal.faultline.reverts as PendingRevert[];
      expect(reverts.map((r) => r.status)).toEqual(['reverted', 'reverted', 'reverted']);
      expect(server.store.list('networking.k8s.io/networkpolicies', { namespace: 'ecommerce' }).items).toEqual([]);
      expect([faults('orders-db-vs'), faults('api-gateway-vs')]).toEqual([undefined, undefined]);
    } finally {
      if (previous === undefined) delete process.env.KUBECONFIG;
      else process.env.KUBECONFIG = previous;
      await server.close();
    }
  }, 60_000);
});
