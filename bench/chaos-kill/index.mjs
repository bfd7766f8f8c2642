// Faultline under its own chaos: for each driver, start runs and kill them at random points
// (SIGINT, SIGTERM, SIGKILL), then `faultline stop`, and count the faults left behind (goal: 0).
// Figures: runs, kill points, faults left, and the median time from the kill to a clean target —
// SIGKILL (reverted by `stop`) against SIGINT/SIGTERM (reverted by the run itself), the baseline.
// CHAOS_KILL_RUNS (per driver, default 50), CHAOS_KILL_MINUTES (default 20), CHAOS_KILL_SEED.
import { median } from '../lib/measure.mjs';
import { killLoop } from './kill-loop.mjs';
import { scenarios } from './scenarios.mjs';

const runs = Number(process.env.CHAOS_KILL_RUNS ?? 50);
const deadline = Date.now() + Number(process.env.CHAOS_KILL_MINUTES ?? 20) * 60_000;
const seed = Number(process.env.CHAOS_KILL_SEED ?? 7);
const wanted = process.argv.slice(2);
let left = 0;
let total = 0;
for (const [index, [name, scenario]] of Object.entries(scenarios).entries()) {
  if (wanted.length && !wanted.includes(name)) continue;
  // One seed per driver: each gets its own kill points and signals.
  const results = await killLoop(scenario, { runs, deadline, seed: seed + index });
  total += results.length;
  const leftHere = results.reduce((sum, r) => sum + r.leftBehind, 0);
  left += leftHere;
  const bySignal = (list) =>
    Object.fromEntries(['SIGINT', 'SIGTERM', 'SIGKILL'].map((s) => [s, list.filter((r) => r.signal === s).length]));
  const graceful = results.filter((r) => r.signal !== 'SIGKILL' && !r.endedBeforeKill).map((r) => r.cleanAfterMs);
  const hard = results.filter((r) => r.signal === 'SIGKILL' && !r.endedBeforeKill).map((r) => r.cleanAfterMs);
  const points = results.map((r) => r.killAtMs);
  console.log(
    `${name.padEnd(10)} runs ${results.length}  signals ${JSON.stringify(bySignal(results))}  kill points ${Math.min(...points)}..${Math.max(...points)} ms (median ${median(points)})  faults in place at kill ${results.filter((r) => r.injectedAtKill).length}  hung ${results.filter((r) => r.hung).length}  faults left behind ${leftHere}`,
  );
  if (graceful.length && hard.length)
    console.log(
      `${''.padEnd(10)} kill → clean target, median: SIGINT/SIGTERM ${median(graceful).toFixed(0)} ms (baseline), SIGKILL + stop ${median(hard).toFixed(0)} ms (ratio ${(median(hard) / median(graceful)).toFixed(2)})`,
    );
  for (const r of results.filter((r) => r.leftBehind)) console.log(JSON.stringify(r, null, 2));
}
console.log(`\ntotal: ${total} runs killed, ${left} left faults behind (goal: 0)`);
process.exitCode = left ? 1 : 0;
