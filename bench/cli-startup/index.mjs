// Wall time of `faultline run` on a one-probe `process` experiment, against the floor: `node -e ''`.
// Goal (issue 2): median <= 2x the bare Node start and <= 150 ms on this machine.
// `faultline run` is the launcher users run (packages/cli/bin/faultline.js: the bundle and its code
// cache); the dist/ row is the plain tsc output, for comparison. Build first (`npm run build`, or
// `npx tsc -b packages/cli`): the bundle is remade here when it is older than dist/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { interleave, median, printTable, timeCommand, verdict } from '../lib/measure.mjs';

const launcher = fileURLToPath(new URL('../../packages/cli/bin/faultline.js', import.meta.url));
const { bundleStatus } = createRequire(import.meta.url)('../../packages/cli/bin/run-bundle.js');
if (['missing', 'stale'].includes(bundleStatus().reason)) {
  // dist/ is newer than the bundle (or there is none): bundle what tsc built, as `npm run build` does.
  console.log('bundle: missing or older than dist/, running packages/cli/scripts/bundle.mjs');
  execFileSync(process.execPath, [fileURLToPath(new URL('../../packages/cli/scripts/bundle.mjs', import.meta.url))], {
    stdio: 'inherit',
  });
}
const status = bundleStatus();
console.log(
  `bundle: ${status.usable ? `fresh, ${status.cache ? 'with' : 'WITHOUT'} code cache` : `not used (${status.reason})`}`,
);
const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
writeFileSync(
  join(dir, 'one-probe.json'),
  JSON.stringify({
    title: 'one probe',
    'steady-state-hypothesis': {
      title: 'true works',
      probes: [{ type: 'probe', name: 'true', tolerance: 0, provider: { type: 'process', path: 'true' } }],
    },
    method: [{ type: 'probe', name: 'noop', provider: { type: 'process', path: 'true' } }],
  }),
);
// The same experiment in YAML, as most experiments are written (block style: JSON text would take the JSON path).
writeFileSync(
  join(dir, 'one-probe.yaml'),
  [
    'title: one probe',
    'steady-state-hypothesis:',
    '  title: true works',
    '  probes:',
    '    - {type: probe, name: "true", tolerance: 0, provider: {type: process, path: "true"}}',
    'method:',
    '  - {type: probe, name: noop, provider: {type: process, path: "true"}}',
    '',
  ].join('\n'),
);
const args = ['--no-log-file', 'run', 'one-probe.json', '--journal-path', 'journal.json'];
const rounds = Number(process.env.BENCH_ROUNDS ?? 21);
const candidates = [
  { name: "node -e ''", run: () => timeCommand(process.execPath, ['-e', '']) },
  { name: 'faultline run', run: () => timeCommand(process.execPath, [launcher, ...args], { cwd: dir }) },
  {
    name: 'faultline run (YAML experiment)',
    run: () =>
      timeCommand(process.execPath, [launcher, ...args.map((a) => (a === 'one-probe.json' ? 'one-probe.yaml' : a))], {
        cwd: dir,
      }),
  },
  {
    name: 'faultline run (dist/, no bundle)',
    run: () =>
      timeCommand(process.execPath, [launcher, ...args], { cwd: dir, env: { ...process.env, FAULTLINE_BUNDLE: '0' } }),
  },
];
candidates.forEach((c) => c.run()); // warm the file cache
const samples = interleave(candidates, rounds);
const floor = median(samples["node -e ''"]);
const ours = median(samples['faultline run']);
printTable(
  Object.entries(samples).map(([name, values]) => ({
    command: name,
    'median ms': median(values).toFixed(1),
    'min ms': Math.min(...values).toFixed(1),
    ratio: (median(values) / floor).toFixed(2),
  })),
);
console.log(
  `load average (1, 5, 15 min): ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')} on ${availableParallelism()} CPUs`,
);
verdict(
  ours <= 2 * floor,
  `faultline run median ${ours.toFixed(1)} ms <= 2x node start (${(2 * floor).toFixed(1)} ms)`,
);
verdict(ours <= 150, `faultline run median ${ours.toFixed(1)} ms <= 150 ms`);
