// The targets of the kill loop: one per driver, each with an experiment that injects every
// mutating fault it can and then holds, and a snapshot of what those faults touch.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const dist = (path) => new URL(`../../packages/${path}`, import.meta.url).href;
const hold = '    pauses: { after: 30 }\n';
/** One method action as YAML (arguments as JSON, which YAML reads). */
const action = (name, module, func, args, extra = '', more = '') =>
  `  - type: action\n    name: ${name}\n    provider: { type: python, module: ${module}, func: ${func}, arguments: ${JSON.stringify(args)}${more} }\n${extra}`;

/** A method action of the engine's own local activities (`@faultline/core`). */
const local = (name, func, args, extra = '') =>
  `  - type: action\n    name: ${name}\n    provider: { type: javascript, module: "@faultline/core", func: ${func}, arguments: ${JSON.stringify(args)} }\n${extra}`;

/** Kubernetes: cordon, taint, scale, partition, stress (the fake API server, real client). */
async function kubernetes() {
  const { fakeObjects, startFakeApiServer } = await import(dist('kubernetes/dist/testing/index.js'));
  const cluster = await startFakeApiServer({
    reconcile: { podRecreateDelayMs: 50 },
    objects: [
      fakeObjects.node('worker-1', { labels: { 'topology.kubernetes.io/zone': 'a' } }),
      fakeObjects.node('worker-2', { labels: { 'topology.kubernetes.io/zone': 'b' }, unschedulable: true }),
      fakeObjects.deployment('my-service', { namespace: 'production', replicas: 3 }),
    ],
  });
  return {
    env: { KUBECONFIG: cluster.writeKubeConfig() },
    experiment:
      'title: kubernetes faults\nmethod:\n' +
      action('cordon', 'chaosk8s.node.actions', 'cordon_node', { label_selector: 'topology.kubernetes.io/zone=a' }) +
      action('taint', 'chaosk8s.node.actions', 'taint_nodes', {
        label_selector: 'topology.kubernetes.io/zone=b',
        key: 'chaos',
        value: 'x',
        effect: 'NoExecute',
      }) +
      action('scale', 'chaosk8s.deployment.actions', 'scale_deployment', {
        name: 'my-service',
        replicas: 1,
        ns: 'production',
      }) +
      action('partition', 'chaosk8s.networking.actions', 'deny_all_ingress', {
        label_selectors: { app: 'my-service' },
        ns: 'production',
      }) +
      action(
        'stress',
        'chaosk8s.node.actions',
        'stress_node',
        { node_name: 'worker-1', stressors: ['cpu:1'], duration: 30 },
        hold,
      ),
    windowMs: 4000,
    state: () => ({
      nodes: cluster.store.list('nodes').items.map((node) => [node.metadata.name, node.spec]),
      replicas: cluster.store.get('apps/deployments', 'production', 'my-service').spec.replicas,
      policies: cluster.store.list('networking.k8s.io/networkpolicies').items.map((p) => p.metadata.name),
      faultlinePods: cluster.store
        .list('pods', { labelSelector: 'app.kubernetes.io/managed-by=faultline' })
        .items.map((pod) => pod.metadata.name),
    }),
    close: () => cluster.close(),
  };
}

/** Istio: delay and abort faults on a VirtualService that already has a fault of its own. */
async function istio() {
  const { fakeObjects, startFakeApiServer } = await import(dist('kubernetes/dist/testing/index.js'));
  const vs = fakeObjects.virtualService('payment-vs', {
    namespace: 'shop',
    hosts: ['payment'],
    http: [
      {
        route: [{ destination: { host: 'payment' } }],
        fault: { abort: { httpStatus: 418, percentage: { value: 0.1 } } },
      },
    ],
  });
  const cluster = await startFakeApiServer({ objects: [vs], reconcile: false });
  const fault = (name, func, args, extra = '') =>
    `  - type: action\n    name: ${name}\n    provider: { type: python, module: chaosistio.fault.actions, func: ${func}, arguments: ${JSON.stringify({ virtual_service_name: 'payment-vs', ns: 'shop', ...args })} }\n${extra}`;
  return {
    env: { KUBECONFIG: cluster.writeKubeConfig() },
    experiment:
      'title: istio faults\nmethod:\n' +
      fault('delay', 'add_delay_fault', { fixed_delay: '2s', percentage: 100 }) +
      fault('abort', 'add_abort_fault', { http_status: 503, percentage: 50 }, hold),
    windowMs: 3500,
    state: () => cluster.store.get('networking.istio.io/virtualservices', 'shop', 'payment-vs').spec,
    close: () => cluster.close(),
  };
}

/** The fault proxy (Toxiproxy API): create a proxy, add toxics, disable another proxy. */
async function proxy() {
  const { ProxyServer } = await import(dist('proxy/dist/index.js'));
  const upstream = createServer((_req, res) => res.end('ok'));
  await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const server = await ProxyServer.start({ port: 0 });
  const api = server.url;
  await fetch(`${api}/proxies`, {
    method: 'POST',
    body: JSON.stringify({ name: 'orders', listen: '127.0.0.1:0', upstream: `127.0.0.1:${upstream.address().port}` }),
  });
  const toxic = (name, type, attributes) =>
    action(name, 'chaostoxi.toxic.actions', 'create_toxic', {
      for_proxy: 'orders',
      toxic_name: name,
      toxic_type: type,
      attributes,
    });
  return {
    env: {},
    experiment:
      `title: proxy faults\nconfiguration:\n  toxiproxy_url: "${api}"\nmethod:\n` +
      toxic('lat', 'latency', { latency: 500 }) +
      toxic('cut', 'timeout', { timeout: 0 }) +
      action('new-proxy', 'chaostoxi.proxy.actions', 'create_proxy', {
        proxy_name: 'extra',
        upstream_host: '127.0.0.1',
        upstream_port: upstream.address().port,
      }) +
      action('disable', 'chaostoxi.proxy.actions', 'disable_proxy', { proxy_name: 'orders' }, hold),
    windowMs: 2500,
    state: async () => {
      const proxies = await (await fetch(`${api}/proxies`)).json();
      return Object.values(proxies)
        .map((p) => ({
          name: p.name,
          enabled: p.enabled,
          upstream: p.upstream,
          toxics: p.toxics.map((t) => t.name).sort(),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    close: async () => {
      await server.close();
      upstream.closeAllConnections();
      await new Promise((resolve) => upstream.close(resolve));
    },
  };
}

/** The in-process monkey (Chaos Monkey for Spring Boot's API): enable it and change its assaults. */
async function monkey() {
  const { startOrdersService } = await import(dist('cli/dist/demo/orders-service.js'));
  const service = await startOrdersService();
  const headers = { authorization: `Bearer ${service.token}` };
  const get = async (path) => (await fetch(`${service.url}/actuator/chaosmonkey${path}`, { headers })).json();
  return {
    env: { ORDERS_URL: service.url, MONKEY_TOKEN: service.token },
    experiment:
      'title: monkey faults\n' +
      'configuration: { orders_url: { type: env, key: ORDERS_URL } }\n' +
      'secrets: { monkey: { chaosmonkey_token: { type: env, key: MONKEY_TOKEN } } }\nmethod:\n' +
      action(
        'assaults',
        'chaosspring.actions',
        'change_assaults_configuration',
        {
          base_url: '${orders_url}/actuator',
          assaults_configuration: {
            level: 1,
            latencyActive: true,
            latencyRangeStart: 900,
            latencyRangeEnd: 1000,
            exceptionsActive: true,
          },
        },
        '',
        ', secrets: [monkey]',
      ) +
      action(
        'enable',
        'chaosspring.actions',
        'enable_chaosmonkey',
        { base_url: '${orders_url}/actuator' },
        hold,
        ', secrets: [monkey]',
      ),
    windowMs: 2500,
    // `enabled` and the assaults: the fault's surface (timestamps such as disabledAt are history).
    state: async () => ({ enabled: (await get('/status')).enabled, assaults: await get('/assaults') }),
    close: () => service.close(),
  };
}

/** The state letter of a process (field 3 of /proc/<pid>/stat: R, S, T when stopped, Z…), or undefined when gone. */
function processState(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

/** Live (not zombie) stress-ng processes, parents and workers, whose environment carries `mark`. */
function stressNgWith(mark) {
  const found = [];
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      if (!readFileSync(`/proc/${entry}/comm`, 'utf8').startsWith('stress-ng')) continue;
      if (processState(entry) === 'Z') continue;
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(mark)) found.push(Number(entry));
    } catch {
      // ended while we looked
    }
  }
  return found;
}

/**
 * Local process faults: freeze (SIGSTOP) a real node process this loop spawned, and run stress-ng
 * CPU and memory stress. Only stress-ng started by these runs is counted: each run's environment
 * carries a mark that stress-ng inherits (other stress-ng processes on the machine are not ours).
 */
async function process_() {
  const victim = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  const mark = `FAULTLINE_CHAOS_KILL_MARK=${randomUUID()}`;
  const [markKey, markValue] = mark.split('=');
  return {
    env: { [markKey]: markValue },
    experiment:
      'title: local process faults\nmethod:\n' +
      local('freeze', 'kill_process', { pid: victim.pid, signal: 'SIGSTOP' }) +
      local('memory', 'stress_memory', { size: '16M', duration: 30, use_stress_ng: true }, '    background: true\n') +
      local('cpu', 'stress_cpu', { workers: 1, duration: 30, use_stress_ng: true }),
    windowMs: 3000,
    // Not stopped ('T'), not gone, and no stress-ng of ours left running.
    state: () => ({
      victim: processState(victim.pid) === 'T' ? 'stopped' : processState(victim.pid) ? 'alive' : 'gone',
      stressNg: stressNgWith(mark),
    }),
    close: () => {
      victim.kill('SIGCONT');
      victim.kill('SIGKILL');
    },
  };
}

/**
 * The database: examples/data/data-corruption-experiment.yaml against a real PostgreSQL. The fault
 * is a changed row (no revert can undo it); the undo is the experiment's rollback (strategy
 * always), played by the run after SIGINT/SIGTERM and by `faultline stop` after SIGKILL.
 */
async function database() {
  const { findPostgresBin, startPostgresServer } = await import(dist('core/dist/testing/index.js'));
  const { parse, stringify } = await import('yaml');
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const server = await startPostgresServer(bin);
  const url = server.createDatabase('chaos_kill');
  const db = 'chaos_kill';
  server.psql(
    "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL); INSERT INTO users SELECT i, 'user' || i || '@example.com' FROM generate_series(1, 500) i",
    db,
  );
  const example = parse(
    readFileSync(new URL('../../examples/data/data-corruption-experiment.yaml', import.meta.url), 'utf8'),
  );
  // 10% rather than the example's 1% (which may hit none of 500 rows), then hold with the fault in place.
  const corrupt = example.method.at(-1);
  corrupt.provider.arguments.query = corrupt.provider.arguments.query.replace('0.01', '0.1');
  corrupt.pauses = { after: 30 };
  return {
    env: { FAULTLINE_DB_URL: url },
    experiment: stringify(example),
    windowMs: 3000,
    // The rows, and no table left behind (the snapshot is dropped by the rollback).
    state: () => ({
      users: server.psql('SELECT id, email FROM users ORDER BY id', db),
      tables: server.psql(
        "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'",
        db,
      ),
    }),
    close: () => server.stop(),
  };
}

export const scenarios = { kubernetes, istio, proxy, monkey, process: process_, database };
