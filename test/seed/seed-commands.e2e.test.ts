import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSystemBinary, startFakeInternet, type FakeInternet } from '@faultline/core/testing';
import { fakeObjects, startFakeApiServer, type FakeApiServer } from '@faultline/kubernetes/testing';

// The seed document's experiments and commands, verbatim, through the installed `chaos` and
// `faultline` binaries: Kubernetes and Istio calls go to the fake API server (KUBECONFIG), and the
// seed's public URLs (https://api.example.com, https://shop.example.com) to a fake internet
// (HTTPS_PROXY + NODE_EXTRA_CA_CERTS). Nothing in the experiment files is changed.
const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'node_modules', '.bin');

let cluster: FakeApiServer;
let internet: FakeInternet;
let env: Record<string, string>;
const orders: unknown[] = [];

function shell(
  command: string,
  cwd: string,
  options: { onSpawn?: (pid: number) => void } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], {
      cwd,
      env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1' },
      detached: false,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('spawn', () => options.onSpawn?.(child.pid!));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function workdir(...examples: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-seed-'));
  for (const example of examples) copyFileSync(join(root, 'examples', example), join(dir, example.split('/').pop()!));
  return dir;
}

const nodesIn = (label: string) => cluster.store.list('nodes', { labelSelector: label }).items;
const vs = (ns: string, name: string) =>
  cluster.store.get('networking.istio.io/virtualservices', ns, name) as
    { spec: { http: Array<{ fault?: unknown }> } } | undefined;

beforeAll(async () => {
  cluster = await startFakeApiServer({
    reconcile: { podRecreateDelayMs: 200 },
    objects: [
      fakeObjects.deployment('my-service', { namespace: 'production', replicas: 3 }),
      fakeObjects.deployment('product-catalog', { namespace: 'ecommerce', replicas: 2 }),
      fakeObjects.deployment('inventory', { namespace: 'ecommerce', replicas: 2 }),
      fakeObjects.node('worker-1'),
      fakeObjects.node('zone-a-1', {
        labels: { 'topology.kubernetes.io/zone': 'us-west-2a', 'topology.kubernetes.io/region': 'us-west-2' },
      }),
      fakeObjects.node('zone-a-2', {
        labels: { 'topology.kubernetes.io/zone': 'us-west-2a', 'topology.kubernetes.io/region': 'us-west-2' },
      }),
      fakeObjects.node('zone-b-1', {
        labels: { 'topology.kubernetes.io/zone': 'us-east-1b', 'topology.kubernetes.io/region': 'us-east-1' },
      }),
      fakeObjects.virtualService('payment-service-vs', { namespace: 'ecommerce', hosts: ['payment-service'] }),
    ],
  });
  const ok = (body: unknown) => (_req: unknown, res: import('node:http').ServerResponse) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  internet = await startFakeInternet({
    'api.example.com': (req, res) => {
      if (req.method === 'POST' && req.url === '/orders') {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          orders.push(JSON.parse(body));
          ok({ id: orders.length })(req, res);
        });
        return;
      }
      ok({ status: 'UP' })(req, res);
    },
    'shop.example.com': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>shop</html>'),
  });
  env = { KUBECONFIG: cluster.writeKubeConfig(), ...internet.env };
}, 60_000);

afterAll(async () => {
  await cluster?.close();
  await internet?.close();
});

describe.skipIf(!findSystemBinary('openssl'))('the seed, verbatim', () => {
  it('"chaos run pod-termination-experiment.yaml --journal-path=results.json", then "chaos report --export-format=html results.json > experiment-report.html"', async () => {
    const dir = workdir('kubernetes/pod-resilience-experiment.yaml');
    copyFileSync(join(dir, 'pod-resilience-experiment.yaml'), join(dir, 'pod-termination-experiment.yaml'));
    const run = await shell('chaos run pod-termination-experiment.yaml --journal-path=results.json', dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const journal = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(journal.status).toBe('completed');
    expect(journal.steady_states.before.probes[0].output.status).toBe(200);
    expect(internet.requests, JSON.stringify(internet.requests)).toContain('GET https://api.example.com/health');
    expect(cluster.requestsMatching('DELETE', '/api/v1/namespaces/production/pods/')).toHaveLength(1);
    expect(journal.rollbacks[0].status).toBe('succeeded');

    const report = await shell('chaos report --export-format=html results.json > experiment-report.html', dir);
    expect(report.code).toBe(0);
    expect(readFileSync(join(dir, 'experiment-report.html'), 'utf8')).toMatch(/Pod Resilience Experiment/);
  });

  it('the GitHub Actions steps: "chaos run pod-failure.yaml --journal-path=journal.json" and "chaos report --export-format=html journal.json > chaos-report.html"', async () => {
    const dir = workdir('kubernetes/pod-failure-experiment.yaml');
    copyFileSync(join(dir, 'pod-failure-experiment.yaml'), join(dir, 'pod-failure.yaml'));
    const catalog = () =>
      cluster.store
        .list('pods', { namespace: 'ecommerce', labelSelector: 'app=product-catalog' })
        .items.map((p) => p.metadata?.name);
    const before = catalog();
    const run = await shell('chaos run pod-failure.yaml --journal-path=journal.json', dir); // pauses 20 s, as the seed says
    expect(run.code).toBe(0);
    const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
    expect(
      journal.run.map((r: { status: string; output: { pods: string[] } }) => [r.status, r.output.pods.length]),
    ).toEqual([
      ['succeeded', 1],
      ['succeeded', 1],
    ]);
    expect(before).toContain(journal.run[0].output.pods[0]);
    expect(internet.requests).toEqual(
      expect.arrayContaining(['GET https://shop.example.com/', 'GET https://api.example.com/orders/health']),
    );
    expect(catalog()).toHaveLength(2); // the reconciler brought the pod back
    const report = await shell('chaos report --export-format=html journal.json > chaos-report.html', dir);
    expect(report.code).toBe(0);
    expect(readFileSync(join(dir, 'chaos-report.html'), 'utf8')).toMatch(/Pod Failure Resilience/);
  }, 60_000);

  it('network-failure-experiment.yaml: can_place_order over https, Istio delay and abort injected, then reverted exactly', async () => {
    const dir = workdir('istio/network-failure-experiment.yaml');
    const before = JSON.stringify(vs('ecommerce', 'payment-service-vs')?.spec);
    // The seed pauses 60 s after the delay; --dry=pause keeps the test short and changes nothing else.
    const run = await shell('faultline run network-failure-experiment.yaml --dry=pause', dir);
    expect(run.code).toBe(0);
    const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
    expect(journal.steady_states.before.probes[0].output).toBe(true);
    expect(orders).toContainEqual({ productId: '12345', quantity: 1 });
    expect(journal.run.map((r: { status: string }) => r.status)).toEqual(['succeeded', 'succeeded']);
    expect(
      cluster.requestsMatching('PUT', '/namespaces/ecommerce/virtualservices/payment-service-vs').length,
    ).toBeGreaterThanOrEqual(3);
    expect(journal.faultline.reverts.every((r: { status: string }) => r.status === 'reverted')).toBe(true);
    expect(JSON.stringify(vs('ecommerce', 'payment-service-vs')?.spec)).toBe(before);
  });

  it('zone-outage-experiment.yaml: the zone is cordoned during the run and schedulable again after it', async () => {
    const dir = workdir('kubernetes/zone-outage-experiment.yaml');
    const run = await shell('faultline run zone-outage-experiment.yaml', dir);
    expect(run.code).toBe(0);
    expect(cluster.requestsMatching('PATCH', '/api/v1/nodes/zone-a-').length).toBeGreaterThanOrEqual(4); // cordon + uncordon, two nodes
    expect(
      nodesIn('topology.kubernetes.io/zone=us-west-2a').every(
        (n) => !(n.spec as { unschedulable?: boolean }).unschedulable,
      ),
    ).toBe(true);
    const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
    expect(journal.faultline.reverts.map((r: { func: string; status: string }) => `${r.func}:${r.status}`)).toEqual(
      expect.arrayContaining(['uncordon_node:reverted']),
    );
  });

  it('cpu-stress-experiment.yaml: SIGTERM during the stress removes the stress pod', async () => {
    const dir = workdir('kubernetes/cpu-stress-experiment.yaml');
    let pid = 0;
    const running = shell('exec faultline run cpu-stress-experiment.yaml', dir, { onSpawn: (p) => (pid = p) });
    const stressPods = () =>
      cluster.store
        .list('pods', {})
        .items.filter(
          (p) => (p.spec as { nodeName?: string }).nodeName === 'worker-1' && /stress/.test(p.metadata?.name ?? ''),
        );
    for (let i = 0; i < 300 && stressPods().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(stressPods()).toHaveLength(1);
    process.kill(pid, 'SIGTERM');
    const run = await running;
    expect(run.code).toBe(4);
    for (let i = 0; i < 100 && stressPods().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(stressPods()).toHaveLength(0);
  });

  it('region-failover-experiment.yaml: the kubectl process activities run as written (real kubectl), then the native rollbacks', async () => {
    const dir = workdir('kubernetes/region-failover-experiment.yaml');
    const kubectl = findSystemBinary('kubectl');
    if (!kubectl) {
      const missing = await shell(
        `PATH=/nonexistent ${join(bin, 'faultline')} validate region-failover-experiment.yaml`,
        dir,
      );
      expect(missing.stdout).toMatch(/cannot find executable "kubectl"/);
      return;
    }
    const region = 'topology.kubernetes.io/region=us-west-2';
    let cordonedDuringRun = false;
    let taintedDuringRun = false;
    cluster.onRequest = (request) => {
      if (request.method === 'GET' && request.path.includes('/nodes/zone-b-1')) return;
      const nodes = nodesIn(region) as Array<{ spec?: { unschedulable?: boolean; taints?: Array<{ key: string }> } }>;
      if (nodes.every((n) => n.spec?.unschedulable)) cordonedDuringRun = true;
      if (nodes.every((n) => n.spec?.taints?.some((t) => t.key === 'simulated-failure'))) taintedDuringRun = true;
    };
    try {
      const run = await shell('faultline run region-failover-experiment.yaml', dir);
      expect(run.code).toBe(0);
      const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
      expect(
        journal.run.map((r: { status: string; output: { status: number } }) => [r.status, r.output.status]),
      ).toEqual([
        ['succeeded', 0],
        ['succeeded', 0],
      ]);
      expect(journal.run[0].output.stdout).toMatch(/zone-a-1 cordoned/);
      expect(journal.rollbacks.map((r: { status: string }) => r.status)).toEqual(['succeeded', 'succeeded']);
    } finally {
      cluster.onRequest = undefined;
    }
    expect(cordonedDuringRun).toBe(true);
    expect(taintedDuringRun).toBe(true);
    const nodes = nodesIn(region) as Array<{ spec?: { unschedulable?: boolean; taints?: unknown[] } }>;
    expect(nodes.every((n) => !n.spec?.unschedulable && !(n.spec?.taints ?? []).length)).toBe(true);
  });
});
