import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ActivityResolver } from '@faultline/core';
import { fakeObjects, startFakeApiServer, type FakeApiServer, type KubeObject } from '@faultline/kubernetes/testing';
import { createMonkey } from '@faultline/monkey';
import { ProxyServer } from '@faultline/proxy';
import { knownDrivers } from '../../packages/cli/src/known-drivers.js';
import { compatRows } from '../../packages/cli/src/compat/compat-table.js';
import { runCli, tempDir } from '../../packages/cli/src/__tests__/cli-harness.js';

// Our own experiments, one per upstream module family, using every upstream function Faultline
// serves. Each is validated, then run by the built CLI with `--dry activities` against the fake
// API server, a fault proxy with Toxiproxy's API and a service with the Chaos Monkey actuator.
const experimentsDir = fileURLToPath(new URL('./experiments/', import.meta.url));
const files = readdirSync(experimentsDir).filter((file) => file.endsWith('.yaml'));
const token = 'corpus-monkey-token';

let cluster: FakeApiServer;
let proxy: ProxyServer;
const servers: Server[] = [];
const env: Record<string, string> = {};
const pushed: string[] = [];

const listen = async (server: Server) => {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

function clusterObjects(): KubeObject[] {
  const labels = { app: 'orders', name: 'orders' };
  const inShop = (object: KubeObject): KubeObject => ({
    ...object,
    metadata: { ...object.metadata, namespace: 'shop' },
  });
  return [
    fakeObjects.namespace('shop'),
    fakeObjects.namespace('ops'),
    fakeObjects.namespace('doomed'),
    ...['worker-1', 'worker-2', 'worker-3'].map((name) => fakeObjects.node(name, { labels: { pool: 'blue' } })),
    fakeObjects.deployment('orders', { namespace: 'shop', replicas: 2, labels }),
    fakeObjects.statefulSet('db', { namespace: 'shop', replicas: 2 }),
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'log-agent', namespace: 'ops', labels: { app: 'log-agent' } },
      spec: {
        selector: { matchLabels: { app: 'log-agent' } },
        template: {
          metadata: { labels: { app: 'log-agent' } },
          spec: { containers: [{ name: 'agent', image: 'agent:1' }] },
        },
      },
      status: { numberReady: 3, desiredNumberScheduled: 3 },
    },
    inShop({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'legacy-5f7', labels: { app: 'legacy' } },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'legacy' } },
        template: {
          metadata: { labels: { app: 'legacy' } },
          spec: { containers: [{ name: 'app', image: 'legacy:1' }] },
        },
      },
    }),
    inShop({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'orders', labels },
      spec: { selector: labels, ports: [{ port: 80 }] },
    }),
    inShop({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db-password' },
      stringData: { password: 'corpus-db-password' },
    }),
    inShop({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web' },
      spec: { defaultBackend: { service: { name: 'orders', port: { number: 80 } } } },
    }),
    fakeObjects.virtualService('orders-vs', { namespace: 'shop', hosts: ['orders'] }),
    inShop({
      apiVersion: 'chaos-mesh.org/v1alpha1',
      kind: 'NetworkChaos',
      metadata: { name: 'slow' },
      spec: { action: 'delay', mode: 'one', selector: {}, delay: { latency: '10ms' } },
    }),
    inShop({
      apiVersion: 'chaos-mesh.org/v1alpha1',
      kind: 'StressChaos',
      metadata: { name: 'burn' },
      spec: { mode: 'one', selector: {}, stressors: { cpu: { workers: 1, load: 10 } } },
    }),
    { apiVersion: 'example.com/v1', kind: 'Quota', metadata: { name: 'cpu' }, spec: { limit: 4 } },
  ];
}

beforeAll(async () => {
  cluster = await startFakeApiServer({
    objects: clusterObjects(),
    resources: [
      {
        group: 'example.com',
        versions: ['v1'],
        plural: 'quotas',
        singular: 'quota',
        kind: 'Quota',
        namespaced: false,
        custom: true,
      },
    ],
  });
  proxy = await ProxyServer.start({ port: 0 });
  for (const name of ['db', 'orders-db'])
    await fetch(`${proxy.url}/proxies`, {
      method: 'POST',
      body: JSON.stringify({ name, listen: '127.0.0.1:0', upstream: '127.0.0.1:5432' }),
    });
  await fetch(`${proxy.url}/proxies/db/toxics`, {
    method: 'POST',
    body: JSON.stringify({ name: 'slow', type: 'latency', attributes: { latency: 1 } }),
  });
  const monkey = createMonkey({ logger: { debug() {}, info() {}, warn() {}, error() {} } });
  const service = await listen(
    createServer(monkey.http((_req, res) => res.end('ok'), { actuator: monkey.actuator({ token }) })),
  );
  const pushgateway = await listen(
    createServer((req, res) => {
      pushed.push(`${req.method} ${req.url}`);
      req.resume().on('end', () => res.writeHead(200).end());
    }),
  );
  const prometheus = await listen(createServer((_req, res) => res.writeHead(503).end()));
  Object.assign(env, {
    KUBECONFIG: cluster.writeKubeConfig(),
    PROMETHEUS_URL: prometheus,
    ORDERS_ACTUATOR: `${service}/actuator`,
    MONKEY_AUTHORIZATION: `Bearer ${token}`,
    TOXIPROXY_PORT: new URL(proxy.url).port,
    PUSHGATEWAY_URL: pushgateway,
  });
}, 60_000);

afterAll(async () => {
  await cluster?.close();
  await proxy?.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Every python module.func (and control module) an experiment names, anywhere in it. */
function upstreamNames(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) upstreamNames(item, into);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record['type'] === 'python' && typeof record['module'] === 'string')
      into.add(typeof record['func'] === 'string' ? `${record['module']}.${record['func']}` : record['module']);
    for (const inner of Object.values(record)) upstreamNames(inner, into);
  }
  return into;
}

/** The objects the real runs touch, without what the server sets (uid, versions, status). */
function snapshot(): Record<string, unknown[]> {
  const storages = [
    'configmaps',
    'services',
    'networking.k8s.io/ingresses',
    'networking.k8s.io/networkpolicies',
    'apps/daemonsets',
    'networking.istio.io/virtualservices',
    'example.com/quotas',
  ];
  return Object.fromEntries(
    storages.map((storage) => [
      storage,
      cluster.store
        .list(storage, {})
        .items.map((object) => {
          const { status: _status, metadata, ...rest } = object;
          return { name: `${metadata?.namespace ?? ''}/${metadata?.name}`, labels: metadata?.labels ?? {}, ...rest };
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
    ]),
  );
}

const writes = () =>
  cluster.requests.filter((request) => request.method !== 'GET' && !request.path.includes('selfsubjectaccessreviews'));

describe('the compatibility corpus (test/compat/experiments)', () => {
  it('uses every upstream function Faultline serves natively', async () => {
    const drivers = await new ActivityResolver(knownDrivers).allDrivers();
    const used = new Set<string>();
    for (const file of files) upstreamNames(parse(readFileSync(join(experimentsDir, file), 'utf8')), used);
    // What the drivers serve (a control the runner serves itself, such as safeguards, is not required here).
    const native = compatRows(drivers)
      .filter((row) => row.status === 'native')
      .map((row) => row.name);
    expect(native.filter((name) => !used.has(name))).toEqual([]);
    console.log(
      `compat corpus: ${files.length} experiments use ${used.size} upstream functions (${native.length} native)`,
    );
  });

  it.each(files)('%s validates and runs with --dry activities, changing nothing', async (file) => {
    const dir = tempDir('faultline-corpus-');
    const path = join(experimentsDir, file);
    const validated = await runCli(['validate', path, '--no-log-file'], { cwd: dir, env, timeoutMs: 60_000 });
    expect(validated.code, validated.stdout + validated.stderr).toBe(0);
    const before = writes().length;
    const journalPath = join(dir, 'journal.json');
    const result = await runCli(
      [
        'run',
        path,
        '--dry',
        'activities',
        '--journal-path',
        journalPath,
        '--no-log-file',
        '--var',
        `pushgateway_url=${env['PUSHGATEWAY_URL']}`,
      ],
      { cwd: dir, env, timeoutMs: 90_000 },
    );
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
      status: string;
      run: Array<{ status: string; activity: { name: string }; exception?: string[] }>;
      rollbacks: Array<{ status: string; activity: { name: string }; exception?: string[] }>;
    };
    const failed = [...journal.run, ...journal.rollbacks].filter((entry) => entry.status !== 'succeeded');
    expect(failed.map((entry) => `${entry.activity.name}: ${entry.exception?.join(' ')}`)).toEqual([]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(journal.status).toBe('completed');
    expect(writes().slice(before)).toEqual([]);
    expect(readFileSync(journalPath, 'utf8')).not.toContain('corpus-db-password');
  });

  // For real this time: every fault is reverted by the engine, so the cluster ends as it started.
  it.each(['k8s-custom-objects.yaml', 'k8s-networking.yaml', 'k8s-daemonsets.yaml'])(
    '%s runs for real and the cluster ends as it started',
    async (file) => {
      const dir = tempDir('faultline-corpus-real-');
      const before = snapshot();
      const journalPath = join(dir, 'journal.json');
      const result = await runCli(['run', join(experimentsDir, file), '--journal-path', journalPath, '--no-log-file'], {
        cwd: dir,
        env,
        timeoutMs: 120_000,
      });
      const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
        status: string;
        run: Array<{ status: string; activity: { name: string }; exception?: string[] }>;
        faultline: { reverts: Array<{ func: string; status: string; error?: string }> };
      };
      const failed = journal.run.filter((entry) => entry.status !== 'succeeded');
      expect(failed.map((entry) => `${entry.activity.name}: ${entry.exception?.join(' ')}`)).toEqual([]);
      expect(journal.status, result.stdout + result.stderr).toBe('completed');
      expect(journal.faultline.reverts.length).toBeGreaterThan(0);
      expect(journal.faultline.reverts.filter((revert) => revert.status !== 'reverted')).toEqual([]);
      expect(snapshot()).toEqual(before);
    },
  );

  it('left the proxy and the cluster as they were', async () => {
    const proxies = (await (await fetch(`${proxy.url}/proxies`)).json()) as Record<
      string,
      { enabled: boolean; toxics: unknown[] }
    >;
    expect(Object.keys(proxies).sort()).toEqual(['db', 'orders-db']);
    expect(proxies['db']).toMatchObject({ enabled: true, toxics: [expect.objectContaining({ name: 'slow' })] });
    expect(cluster.store.get('apps/deployments', 'shop', 'orders')).toBeDefined();
    expect(cluster.store.get('namespaces', undefined, 'doomed')).toBeDefined();
  });
});
