// Costs of @faultline/prometheus, each against a baseline measured in the same run:
// 1. importing the driver (`./activities`), which every run using a Prometheus probe pays, against
//    importing @faultline/core alone. Goal: <= 30 ms more than core (prom-client is loaded lazily).
// 2. one instant query through PrometheusClient against a bare fetch of the same URL, on a real
//    Prometheus (skipped when not installed). Goal: median overhead <= 1 ms.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { interleave, median, printTable, timeCommand, verdict } from '../lib/measure.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = (pkg, sub) => `${root}packages/${pkg}/dist/${sub}`;
if (!existsSync(dist('prometheus', 'activities/index.js'))) {
  console.error('build first: npx tsc -b packages/prometheus');
  process.exit(1);
}
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
let ok = true;

const importOf = (file) => () =>
  timeCommand(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(file)})`]);
const imports = [
  { name: "node -e ''", run: () => timeCommand(process.execPath, ['-e', '']) },
  { name: 'import @faultline/core', run: importOf(dist('core', 'index.js')) },
  { name: 'import @faultline/prometheus/activities', run: importOf(dist('prometheus', 'activities/index.js')) },
];
imports.forEach((c) => c.run());
const importSamples = interleave(imports, rounds);
const coreMs = median(importSamples['import @faultline/core']);
printTable(
  Object.entries(importSamples).map(([name, values]) => ({
    command: name,
    'median ms': median(values).toFixed(1),
    'vs core': (median(values) / coreMs).toFixed(2),
  })),
);
const driverMs = median(importSamples['import @faultline/prometheus/activities']);
ok =
  verdict(
    driverMs - coreMs <= 30,
    `driver import adds ${(driverMs - coreMs).toFixed(1)} ms over core (goal <= 30 ms)`,
  ) && ok;

const { findSystemBinary } = await import(dist('core', 'testing/index.js'));
const binary = findSystemBinary('prometheus');
if (binary) {
  const { startPrometheus } = await import(dist('prometheus', 'testing/index.js'));
  const { PrometheusClient } = await import(dist('prometheus', 'index.js'));
  const prometheus = await startPrometheus({ binary, targets: [] });
  try {
    const client = new PrometheusClient({ baseUrl: prometheus.url });
    const query = 'vector(1)';
    const timeAsync = async (fn) => {
      const t = process.hrtime.bigint();
      await fn();
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    const samples = { 'bare fetch': [], PrometheusClient: [] };
    for (let i = 0; i < 20; i++) {
      await client.query(query);
      await fetch(`${prometheus.url}/api/v1/query?query=${encodeURIComponent(query)}`).then((r) => r.json());
    }
    for (let i = 0; i < 200; i++) {
      samples['bare fetch'].push(
        await timeAsync(() =>
          fetch(`${prometheus.url}/api/v1/query?query=${encodeURIComponent(query)}`).then((r) => r.json()),
        ),
      );
      samples.PrometheusClient.push(await timeAsync(() => client.query(query)));
    }
    const base = median(samples['bare fetch']);
    printTable(
      Object.entries(samples).map(([name, values]) => ({
        'instant query': name,
        'median ms': median(values).toFixed(3),
        ratio: (median(values) / base).toFixed(2),
      })),
    );
    ok =
      verdict(
        median(samples.PrometheusClient) - base <= 1,
        `client overhead ${(median(samples.PrometheusClient) - base).toFixed(3)} ms per query (goal <= 1 ms)`,
      ) && ok;
  } finally {
    await prometheus.stop();
  }
}
process.exitCode = ok ? 0 : 1;
