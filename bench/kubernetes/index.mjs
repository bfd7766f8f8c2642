// @faultline/kubernetes at cluster scale, against the fake API server (in a child process):
// 1. select 1,000 of 10,000 pods in a namespace (paginated list), against a baseline measured in
//    the same run: the same selection among 1,000 pods, and a bare fetch of the same pages.
//    Goal: < 1 s. Memory must stay flat in the number of pods beyond the selected ones.
// 2. terminate those 1,000 pods (terminate_pods: list, events, deletes) at the default
//    concurrency / QPS. Goal: < 5 s.
// Prints wall time (median of rounds), request counts and peak memory.
import { fork, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median, printTable, verdict } from '../lib/measure.mjs';

// Peak-memory figures need a collection before each sample: re-run with --expose-gc if needed.
if (typeof global.gc !== 'function') {
  const result = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = (sub) => `${root}packages/${sub}`;
if (!existsSync(dist('kubernetes/dist/activities/index.js'))) {
  console.error('build first: npx tsc -b packages/kubernetes');
  process.exit(1);
}
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);

const child = fork(fileURLToPath(new URL('./fake-cluster.mjs', import.meta.url)), [], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const next = (type) =>
  new Promise((resolve) => {
    const onMessage = (message) => {
      if (message.type === type) {
        child.off('message', onMessage);
        resolve(message);
      }
    };
    child.on('message', onMessage);
  });
const ask = (message, reply) => {
  const answer = next(reply);
  child.send(message);
  return answer;
};
const { kubeconfig } = await next('ready');

const { createTestContext } = await import(dist('core/dist/testing/index.js'));
const { getKubeClient, defaultKubernetesSettings } = await import(dist('kubernetes/dist/client/index.js'));
const { selectPods } = await import(dist('kubernetes/dist/pods/select-pods.js'));
const { driver } = await import(dist('kubernetes/dist/activities/index.js'));
const terminatePods = driver.activities.find((activity) => activity.name === 'terminate_pods');
const context = () => createTestContext({ secrets: { KUBECONFIG: kubeconfig }, runId: 'bench' });
const client = await getKubeClient(context());

/** Peak heap and RSS growth while `task` runs, sampled every 5 ms. */
async function measure(task) {
  global.gc?.();
  const base = process.memoryUsage();
  let heap = base.heapUsed;
  let rss = base.rss;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    heap = Math.max(heap, now.heapUsed);
    rss = Math.max(rss, now.rss);
  }, 5);
  const start = performance.now();
  const result = await task();
  const ms = performance.now() - start;
  clearInterval(timer);
  const now = process.memoryUsage();
  return {
    ms,
    heapMb: (Math.max(heap, now.heapUsed) - base.heapUsed) / 2 ** 20,
    rssMb: (Math.max(rss, now.rssUsed ?? now.rss) - base.rss) / 2 ** 20,
    result,
  };
}

const selection = {
  label_selector: 'app=web',
  ns: 'bench',
  all: false,
  rand: true,
  mode: 'fixed',
  qty: 1000,
  order: 'alphabetic',
};
async function bareFetchPages() {
  // Baseline: page through the same list with fetch and JSON.parse, no client, no selection.
  const { kubeConfig } = await import(dist('kubernetes/dist/client/index.js')).then((m) =>
    m.loadKubeConfig({ secrets: { KUBECONFIG: kubeconfig } }),
  );
  const server = kubeConfig.getCurrentCluster().server;
  let token;
  let count = 0;
  do {
    const url = `${server}/api/v1/namespaces/bench/pods?labelSelector=app%3Dweb&limit=${client.pageSize}${token ? `&continue=${token}` : ''}`;
    const page = await (await fetch(url, { headers: { authorization: 'Bearer fake-token' } })).json();
    count += page.items.length;
    token = page.metadata.continue;
  } while (token);
  return count;
}

const rows = [];
const results = {};
for (const size of [1000, 10000]) {
  await ask({ type: 'seed', count: size }, 'seeded');
  await selectPods(client, selection); // warm-up
  await ask({ type: 'stats' }, 'stats');
  const samples = [];
  const bare = [];
  let requests = 0;
  for (let round = 0; round < rounds; round += 1) {
    samples.push(await measure(() => selectPods(client, selection)));
    requests = (await ask({ type: 'stats' }, 'stats')).requests;
    bare.push(await measure(bareFetchPages));
    await ask({ type: 'stats' }, 'stats');
  }
  results[size] = {
    ms: median(samples.map((s) => s.ms)),
    heap: median(samples.map((s) => s.heapMb)),
    bare: median(bare.map((s) => s.ms)),
    selected: samples[0].result.selected.length,
    requests,
  };
  rows.push({
    step: `select 1000 of ${size} pods`,
    'median ms': results[size].ms.toFixed(0),
    'bare fetch ms': results[size].bare.toFixed(0),
    'vs bare': (results[size].ms / results[size].bare).toFixed(2),
    requests,
    'peak heap MB': results[size].heap.toFixed(1),
  });
}

const terminations = [];
for (let round = 0; round < Math.min(rounds, 3); round += 1) {
  await ask({ type: 'seed', count: 10000 }, 'seeded');
  const sample = await measure(() =>
    terminatePods.run(
      terminatePods.arguments.parse({ label_selector: 'app=web', ns: 'bench', rand: true, qty: 1000 }),
      context(),
    ),
  );
  const stats = await ask({ type: 'stats' }, 'stats');
  terminations.push({ ...sample, stats });
}
const termMs = median(terminations.map((t) => t.ms));
const last = terminations.at(-1);
rows.push({
  step: 'terminate 1000 of 10000 pods',
  'median ms': termMs.toFixed(0),
  'bare fetch ms': '-',
  'vs bare': '-',
  requests: `${last.stats.requests} (${Object.entries(last.stats.byMethod)
    .map(([m, n]) => `${m} ${n}`)
    .join(', ')})`,
  'peak heap MB': median(terminations.map((t) => t.heapMb)).toFixed(1),
});
printTable(rows);
console.log(
  `pods left after the last round: ${last.stats.pods} (expected 9000); peak RSS growth ${Math.max(...terminations.map((t) => t.rssMb)).toFixed(1)} MB`,
);

let ok = true;
ok =
  verdict(
    results[10000].ms < 1000,
    `selection among 10,000 pods: ${results[10000].ms.toFixed(0)} ms (goal < 1000 ms)`,
  ) && ok;
ok =
  verdict(
    termMs < 5000,
    `1,000 terminations: ${termMs.toFixed(0)} ms (goal < 5000 ms at the defaults: qps ${defaultKubernetesSettings.qps}, burst ${defaultKubernetesSettings.burst}, concurrency ${defaultKubernetesSettings.concurrency})`,
  ) && ok;
ok = verdict(last.stats.pods === 9000, 'exactly 1,000 pods terminated') && ok;
const perPodKb = ((results[10000].heap - results[1000].heap) / 9000) * 1024;
ok =
  verdict(
    perPodKb < 2,
    `memory beyond the selection: ${perPodKb.toFixed(2)} KB per extra listed pod (goal < 2 KB: only a lean summary is kept)`,
  ) && ok;
child.send({ type: 'close' });
process.exitCode = ok ? 0 : 1;
