// The dashboard (issue 14), on a SQLite store of 10,000 runs, against bare operations in the same run:
//   the runs page rendered server-side and fetched over HTTP (< 200 ms) vs. the bare store list of
//     the same page (`store.listRuns`), unfiltered and filtered (status + tag + since), and the
//     bare HTTP round trip of a static file (what the loaded machine adds to any request)
//   a hypothesis sample reaching the live page over SSE (< 1 s after it is known) vs. the SSE
//     refresh interval it waits for at most
//   a REAL run's sample (the built CLI's continuous hypothesis, through its state file and the
//     dashboard's run-state source) from its probe's end to the page (< 1 s) vs. the in-memory
//     sample above, and the run's hypothesis iterations with its state file vs. without (the
//     samples ring must not slow the run), and with its live state also published into a SQLite
//     store (heartbeat every 500 ms, as `faultline run --store` does) vs. the state file alone
//   a sample of a run on "another host" (its own runs folder, publishing to a shared SQLite store)
//     reaching the page of a server that reads it from the store alone (< 1 s) vs. the local one
// Needs the built packages (npm run build). BENCH_ROUNDS (default 30) scales it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, printTable, verdict } from '../lib/measure.mjs';
import { seedRuns } from '../store/seed.mjs';
import { sampleToPage, samplingCost, startTarget } from './real-run-samples.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
for (const pkg of ['store', 'server', 'core', 'cli']) {
  if (!existsSync(join(root, `packages/${pkg}/dist/index.js`))) {
    console.error(`packages/${pkg} is not built: run \`npm run build\` first`);
    process.exit(2);
  }
}
const { openStore, LiveRunPublisher } = await import(join(root, 'packages/store/dist/index.js'));
const { startServer } = await import(join(root, 'packages/server/dist/index.js'));
const core = await import(join(root, 'packages/core/dist/index.js'));
const { liveRunsOfThisMachine } = await import(join(root, 'packages/cli/dist/commands/serve-live-runs.js'));
const { withRunsOfTheTeam } = await import(join(root, 'packages/cli/dist/commands/serve-live-team.js'));
const Database = createRequire(join(root, 'packages/store/package.json'))('better-sqlite3');

const rounds = Number(process.env.BENCH_ROUNDS ?? 30);
const runCount = 10_000;
const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-server-'));
const url = join(dir, 'store.sqlite');
const token = 'bench-token';
const time = async (fn) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

/** Runs in progress held in memory: the live page's source, with samples added by the bench. */
const live = {
  runs: [
    {
      id: 'bench-live-run',
      title: 'bench',
      phase: 'method',
      startedAt: new Date().toISOString(),
      liveness: 'running',
      stopRequested: false,
      faults: [{ name: 'latency', since: new Date().toISOString() }],
      samples: [],
    },
  ],
  list: async () => live.runs.map((r) => ({ ...r, samples: [...r.samples] })),
  stop: async () => [],
};

let server;
let store;
try {
  (await openStore(url)).close(); // schema
  const db = new Database(url);
  await seedRuns('sqlite', (sql) => db.exec(sql), runCount, 10);
  db.close();
  store = await openStore(url);
  const livePollMs = 500;
  server = await startServer({ store, port: 0, token, liveRuns: live, livePollMs });
  const auth = { authorization: `Bearer ${token}` };
  const page = async (query) => {
    const res = await fetch(`${server.url}/runs${query}`, { headers: auth });
    const html = await res.text();
    if (res.status !== 200 || !html.includes('<table class="runs">')) throw new Error(`/runs${query}: ${res.status}`);
  };
  const filter = { outcome: ['deviated'], tag: 'bench', since: '2023-11-20T00:00:00.000Z', limit: 50 };
  const cases = [
    ['runs page (50 of 10,000)', () => page(''), () => store.listRuns({ limit: 50 })],
    // What the HTTP round trip alone costs on this machine now (no store, no rendering).
    ['bare HTTP round trip (app.css)', () => fetch(`${server.url}/static/app.css`).then((r) => r.text()), null],
    ['runs page, filtered', () => page('?status=deviated&tag=bench&since=2023-11-20'), () => store.listRuns(filter)],
  ];
  const rows = [];
  const checks = [];
  for (const [name, candidate, baseline] of cases) {
    await candidate();
    await baseline?.(); // warm
    const a = [];
    const b = [];
    for (let i = 0; i < rounds; i++) {
      a.push(await time(candidate));
      if (baseline) b.push(await time(baseline));
    }
    const m = median(a);
    rows.push({
      case: name,
      'median ms': m.toFixed(1),
      'bare store list ms': baseline ? median(b).toFixed(1) : '-',
      ratio: baseline ? (m / median(b)).toFixed(2) : '-',
    });
    if (baseline) checks.push([m < 200, `${name}: ${m.toFixed(1)} ms < 200 ms`]);
  }

  // A sample pushed to the source must show up in an SSE event within a second.
  const res = await fetch(`${server.url}/live/events`, { headers: auth });
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const waitFor = async (text) => {
    while (!buffer.includes(text)) buffer += decoder.decode((await reader.read()).value);
    buffer = '';
  };
  await waitFor('bench-live-run');
  // Each sample is pushed right after an event, so it waits a whole refresh: this is the worst case.
  const latencies = [];
  for (let i = 1; i <= Math.min(rounds, 10); i++) {
    live.runs[0].samples.push({ at: new Date().toISOString(), ok: true, value: i });
    latencies.push(await time(() => waitFor(`${i}/${i} held`)));
  }
  await reader.cancel();
  const sse = median(latencies);
  rows.push({
    case: 'live sample to page (SSE)',
    'median ms': sse.toFixed(1),
    'bare store list ms': `(poll ${livePollMs})`,
    ratio: (sse / livePollMs).toFixed(2),
  });
  checks.push([sse < 1000, `live sample reaches the page in ${sse.toFixed(0)} ms < 1000 ms`]);

  // A real run: its samples go through its state file to the dashboard reading the machine's runs.
  const runsDir = join(dir, 'runs');
  const target = await startTarget();
  const realServer = await startServer({
    store,
    port: 0,
    token,
    liveRuns: liveRunsOfThisMachine({}, { env: { ...process.env, FAULTLINE_RUNS_DIR: runsDir }, cwd: dir }),
    livePollMs,
  });
  try {
    const count = Math.max(rounds, 10);
    const real = median(
      await sampleToPage({ root, dir, serverUrl: realServer.url, auth, target: target.url, count, runsDir }),
    );
    rows.push({
      case: `real run sample to page (${count})`,
      'median ms': real.toFixed(1),
      'bare store list ms': `(in-memory ${sse.toFixed(1)})`,
      ratio: (real / sse).toFixed(2),
    });
    checks.push([real < 1000, `a real run's sample reaches the page in ${real.toFixed(0)} ms < 1000 ms`]);

    // Another host's run: the server cannot see its state file, only what it publishes in the store.
    const teamUrl = join(dir, 'team.sqlite');
    const teamStore = await openStore(teamUrl);
    const hostB = { env: { ...process.env, FAULTLINE_RUNS_DIR: join(dir, 'runs-b') }, cwd: dir };
    const teamServer = await startServer({
      store,
      port: 0,
      token,
      liveRuns: withRunsOfTheTeam(liveRunsOfThisMachine({}, hostB), teamStore),
      livePollMs,
    });
    try {
      const runsA = join(dir, 'runs-a');
      const serverUrl = teamServer.url;
      const remote = median(
        await sampleToPage({ root, dir, serverUrl, auth, target: target.url, count, runsDir: runsA, store: teamUrl }),
      );
      rows.push({
        case: `other host's run sample to page (${count})`,
        'median ms': remote.toFixed(1),
        'bare store list ms': `(local ${real.toFixed(1)})`,
        ratio: (remote / real).toFixed(2),
      });
      checks.push([remote < 1000, `another host's sample reaches the page in ${remote.toFixed(0)} ms < 1000 ms`]);
    } finally {
      await teamServer.close();
      await teamStore.close();
    }

    // Same window, alternated: iterations with the state file (samples written) and without.
    const withState = [];
    const without = [];
    for (let i = 0; i < 3; i++) {
      withState.push(await samplingCost({ core, target: target.url, runsDir: join(dir, `cost-${i}`) }));
      without.push(await samplingCost({ core, target: target.url, runsDir: undefined }));
    }
    const cost = median(without) / median(withState);
    rows.push({
      case: 'hypothesis runs in 2 s, state file',
      'median ms': `${median(withState)} runs`,
      'bare store list ms': `(none ${median(without)} runs)`,
      ratio: cost.toFixed(2),
    });
    checks.push([
      cost < 1.1,
      `sampling into the state file costs ${((cost - 1) * 100).toFixed(1)}% of iterations < 10%`,
    ]);

    // The same, alternated: the state file alone vs. also publishing to a shared store.
    const published = [];
    const fileOnly = [];
    for (let i = 0; i < 3; i++) {
      const publisher = new LiveRunPublisher(join(dir, 'team.sqlite'), { onStop: () => {}, warn: console.error });
      const onStateChange = (state) => publisher.update(state);
      published.push(await samplingCost({ core, target: target.url, runsDir: join(dir, `pub-${i}`), onStateChange }));
      await publisher.end({ status: 'completed' });
      fileOnly.push(await samplingCost({ core, target: target.url, runsDir: join(dir, `file-${i}`) }));
    }
    const publishing = median(fileOnly) / median(published);
    rows.push({
      case: 'hypothesis runs in 2 s, + live state to store',
      'median ms': `${median(published)} runs`,
      'bare store list ms': `(file only ${median(fileOnly)} runs)`,
      ratio: publishing.toFixed(2),
    });
    checks.push([
      publishing < 1.1,
      `publishing live state to the store costs ${((publishing - 1) * 100).toFixed(1)}% of iterations < 10%`,
    ]);
  } finally {
    await realServer.close();
    target.close();
  }

  printTable(rows);
  const ok = checks.map(([pass, text]) => verdict(pass, text)).every(Boolean);
  process.exitCode = ok ? 0 : 1;
} finally {
  await server?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
}
