// Wall time of `faultline run` on a one-probe `process` experiment, against the floor: `node -e ''`.
// Goal (issue 2): median <= 2x the bare Node start and <= 150 ms on this machine.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { interleave, median, printTable, timeCommand, verdict } from '../lib/measure.mjs';

const cli = fileURLToPath(new URL('../../packages/cli/dist/bin/faultline.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
writeFileSync(
  join(dir, 'one-probe.json'),
  JSON.stringify({
    title: 'one probe',
    'steady-state-hypothesis': { title: 'true works', probes: [{ type: 'probe', name: 'true', tolerance: 0, provider: { type: 'process', path: 'true' } }] },
    method: [{ type: 'probe', name: 'noop', provider: { type: 'process', path: 'true' } }],
  }),
);
const rounds = Number(process.env.BENCH_ROUNDS ?? 21);
const candidates = [
  { name: "node -e ''", run: () => timeCommand(process.execPath, ['-e', '']) },
  { name: 'faultline run', run: () => timeCommand(process.execPath, [cli, '--no-log-file', 'run', 'one-probe.json', '--journal-path', 'journal.json'], { cwd: dir }) },
];
candidates.forEach((c) => c.run()); // warm the file cache
const samples = interleave(candidates, rounds);
const floor = median(samples["node -e ''"]);
const ours = median(samples['faultline run']);
printTable(Object.entries(samples).map(([name, values]) => ({ command: name, 'median ms': median(values).toFixed(1), 'min ms': Math.min(...values).toFixed(1), ratio: (median(values) / floor).toFixed(2) })));
verdict(ours <= 2 * floor, `faultline run median ${ours.toFixed(1)} ms <= 2x node start (${(2 * floor).toFixed(1)} ms)`);
verdict(ours <= 150, `faultline run median ${ours.toFixed(1)} ms <= 150 ms`);
