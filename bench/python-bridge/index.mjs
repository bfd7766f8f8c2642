// The Python bridge's costs, against the floor measured in the same run: `python3 -c 'pass'`.
// Goals (issue 10): bridge start < 150 ms and one call < 5 ms, medians, after start.
// "start" is spawn → the bridge's ready line (interpreter start + the bridge's imports + sys.path
// set-up); "call" is one round trip of a trivial function from a module next to the experiment
// (JSON out, thread, import cached, JSON back). Build first (`npm run build`): this uses core's dist/.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPython, PythonBridge } from '../../packages/core/dist/index.js';
import { median, percentile, printTable, timeCommand, verdict } from '../lib/measure.mjs';

const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-python-'));
writeFileSync(join(dir, 'bench_module.py'), 'def echo(value=None):\n    return value\n');
const python = findPython({ env: process.env, cwd: dir });
console.log(`interpreter: ${python.path} (${python.source})`);
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const calls = Number(process.env.BENCH_CALLS ?? 300);

async function startOnce() {
  const bridge = new PythonBridge({ interpreter: python.path, env: process.env, cwd: dir, paths: [dir] });
  const start = process.hrtime.bigint();
  await bridge.start();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  await bridge.close();
  return ms;
}

// Interleaved by hand (startOnce is async): baseline, bridge, baseline, bridge …
const samples = { baseline: [], start: [] };
for (let i = 0; i < rounds; i++) {
  samples.baseline.push(timeCommand(python.path, ['-c', 'pass']));
  samples.start.push(await startOnce());
}

const bridge = new PythonBridge({ interpreter: python.path, env: process.env, cwd: dir, paths: [dir] });
await bridge.start();
const payload = { module: 'bench_module', func: 'echo', arguments: { value: { status: 200, items: [1, 2, 3] } } };
await bridge.request('call', payload); // first call imports the module
const callMs = [];
for (let i = 0; i < calls; i++) {
  const start = process.hrtime.bigint();
  await bridge.request('call', payload);
  callMs.push(Number(process.hrtime.bigint() - start) / 1e6);
}
await bridge.close();

const base = median(samples.baseline);
const start = median(samples.start);
const call = median(callMs);
printTable([
  {
    what: "python3 -c 'pass'",
    'median ms': base.toFixed(1),
    'p90 ms': percentile(samples.baseline, 90).toFixed(1),
    ratio: '1.00',
  },
  {
    what: 'bridge start',
    'median ms': start.toFixed(1),
    'p90 ms': percentile(samples.start, 90).toFixed(1),
    ratio: (start / base).toFixed(2),
  },
  {
    what: `call (x${calls})`,
    'median ms': call.toFixed(2),
    'p90 ms': percentile(callMs, 90).toFixed(2),
    ratio: (call / base).toFixed(3),
  },
]);
const ok = [
  verdict(start < 150, `bridge start median ${start.toFixed(1)} ms < 150 ms`),
  verdict(call < 5, `call median ${call.toFixed(2)} ms < 5 ms`),
];
process.exitCode = ok.every(Boolean) ? 0 : 1;
