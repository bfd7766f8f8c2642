// Faultline under its own chaos: start a run, kill it at a random point with a random signal,
// run `faultline stop` (which reverts what a SIGKILLed run left), and check the target is
// exactly as before. Shared by the bench (many runs) and its test (a few).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const cli = fileURLToPath(new URL('../../packages/cli/dist/bin/faultline.js', import.meta.url));
const signals = ['SIGINT', 'SIGTERM', 'SIGKILL'];

/** A small deterministic PRNG (mulberry32): a seed replays the same kill points. */
export function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function start(args, cwd, env) {
  const child = spawn(process.execPath, [cli, '--no-log-file', ...args], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exit = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, output })));
  return { child, exit };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (bounded) for a promise; kills the child and says so when it hangs. */
async function within(run, ms) {
  const timer = sleep(ms).then(() => 'hung');
  const result = await Promise.race([run.exit, timer]);
  if (result !== 'hung') return result;
  run.child.kill('SIGKILL');
  return { ...(await run.exit), hung: true };
}

/**
 * Runs `runs` kill rounds (or until `deadline`) against one scenario. Returns one record per run:
 * the signal, when it was sent, the exit codes, and whether anything was left behind.
 */
export async function killLoop(scenario, { runs, deadline, seed = 1 }) {
  const random = prng(seed);
  const target = await scenario();
  const results = [];
  try {
    const before = structuredClone(await target.state());
    for (let i = 0; i < runs && Date.now() < deadline; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'faultline-chaos-kill-'));
      writeFileSync(join(dir, 'experiment.yaml'), target.experiment);
      const env = { ...process.env, ...target.env, HOME: dir, NO_COLOR: '1', FAULTLINE_RUNS_DIR: join(dir, 'runs') };
      const signal = signals[Math.floor(random() * signals.length)];
      const killAt = Math.floor(random() * target.windowMs);
      const run = start(['run', 'experiment.yaml', '--journal-path', 'journal.json'], dir, env);
      const started = Date.now();
      const early = await Promise.race([run.exit, sleep(killAt).then(() => undefined)]);
      // Whether a fault was in place when the signal went out: kills that hit nothing prove little.
      const injected = !early && !isDeepStrictEqual(await target.state(), before);
      if (!early) run.child.kill(signal);
      const killed = Date.now();
      const ended = await within(run, 60_000);
      const stop = await within(start(['stop', '--timeout', '30s'], dir, env), 60_000);
      // Reverts are done when stop returns; the target may take a moment to show it (grace periods).
      let after = await target.state();
      for (let wait = 0; wait < 100 && !isDeepStrictEqual(after, before); wait++) {
        await sleep(100);
        after = await target.state();
      }
      const clean = isDeepStrictEqual(after, before);
      let notReverted = [];
      try {
        const journal = JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8'));
        notReverted = journal.faultline.reverts.filter((r) => r.status === 'pending' || r.status === 'failed');
      } catch {
        // killed before the journal was first written: nothing was injected
      }
      results.push({
        signal,
        killAtMs: killAt,
        endedBeforeKill: Boolean(early),
        injectedAtKill: injected,
        runExit: ended.code ?? ended.signal,
        stopExit: stop.code,
        hung: Boolean(ended.hung || stop.hung),
        cleanAfterMs: Date.now() - killed,
        runMs: killed - started,
        leftBehind: clean && notReverted.length === 0 ? 0 : 1,
        ...(clean && !notReverted.length
          ? {}
          : { before, after, notReverted, output: `${ended.output}\n--- stop:\n${stop.output}` }),
      });
    }
  } finally {
    await target.close();
  }
  return results;
}
