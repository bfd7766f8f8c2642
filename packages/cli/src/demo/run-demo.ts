import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { exitCodes, loadSettings, UsageError } from '@faultline/core';
import { globalControls } from '../commands/global-controls.js';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { createLogger } from '../logging/create-logger.js';
import { createStyle } from '../progress/style.js';
import { demoExperiments, localExamplesDir, type DemoExperiment } from './demo-experiments.js';
import { storedFindings } from './demo-findings.js';
import { DemoProgress } from './demo-progress.js';
import { runDemoExperiment, type DemoRun } from './run-demo-experiment.js';
import { shopStats } from './shop-stats.js';
import { startShop } from './shop/start-shop.js';

export interface DemoFlags {
  out: string;
  experiment: string;
  ci?: boolean;
}

const modes = ['naive', 'resilient'] as const;
const intro = {
  naive: 'orders calls payment and inventory with no timeout, no retry, no circuit breaker',
  resilient:
    'orders uses cockatiel: timeouts, retries with exponential backoff, a circuit breaker and a queued payment fallback',
};

/**
 * `faultline demo`: a weakness found, fixed and proven fixed. Starts the naive shop, runs the
 * experiments of examples/local against it (the payment ones deviate), then the resilient shop and
 * the same experiments (they hold); prints a verdict per run, what changed, and where the journals
 * and reports are. Every process it starts is stopped, also on Ctrl-C.
 */
export async function runDemo(flags: DemoFlags, globals: GlobalFlags, io: CliIo): Promise<void> {
  // The settings' controls hook into every experiment of the demo, as into `faultline run`.
  const { settings } = await loadSettings(globals.settings, io.env);
  const controls = await globalControls(settings, [], io.cwd);
  const out = resolve(io.cwd, flags.out);
  await mkdir(out, { recursive: true });
  const style = createStyle(!flags.ci && Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && globals.color !== false);
  const progress = new DemoProgress(io.stdout, style);
  const print = (line = '') => io.stdout.write(`${line}\n`);
  const logger = createLogger({
    file: globals.logFile === false ? undefined : resolve(out, 'faultline.log'),
    verbose: globals.verbose,
  });
  if (!flags.experiment && !existsSync(localExamplesDir))
    throw new UsageError(`the demo's experiments are not at ${localExamplesDir}`, {
      hint: 'run faultline demo from a clone of the Faultline repository (examples/local), or pass --experiment',
    });
  const experiments: DemoExperiment[] = flags.experiment
    ? [
        {
          file: resolve(io.cwd, flags.experiment),
          expect: undefined as never,
          fix: "the resilient shop's timeouts, retries with backoff, circuit breaker and queued fallback",
        },
      ]
    : demoExperiments.map((e) => ({ ...e, file: resolve(localExamplesDir, e.file) }));
  const findings = storedFindings(resolve(out, 'findings.sqlite'), (line) => print(style.dim(line)));
  const interrupt = new AbortController();
  const unregister = io.onSignal((signal) => interrupt.abort(`received ${signal}`));
  const runs = { naive: [] as DemoRun[], resilient: [] as DemoRun[] };
  const problems: string[] = [];
  const pids: number[] = [];
  const started = Date.now();
  // Both shops start together (one wait instead of two); each is stopped once its experiments ran.
  print(style.dim('Starting the naive and the resilient shop on 127.0.0.1 …'));
  const starting = await Promise.allSettled(modes.map((mode) => startShop(mode, out, (line) => progress.note(line))));
  const shops = starting.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  try {
    const failed = starting.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    for (const [m, mode] of modes.entries()) {
      if (interrupt.signal.aborted) break;
      const shop = shops[m];
      print(`\n${style.bold(`The ${mode} shop`)}: ${intro[mode]}`);
      print(
        style.dim(`  gateway ${shop.gatewayUrl}, ${shop.processes().length} processes (pid files in ${shop.runDir})`),
      );
      try {
        for (const [i, experiment] of experiments.entries()) {
          if (interrupt.signal.aborted) break;
          const before = runs.naive[i];
          const name = experiment.file
            .split('/')
            .pop()!
            .replace(/\.ya?ml$/, '');
          const run = await runDemoExperiment({
            file: experiment.file,
            env: { ...io.env, ...shop.env },
            cwd: io.cwd,
            journalPath: resolve(out, mode, `${name}.json`),
            signal: interrupt.signal,
            observer: {
              onEvent: (event) =>
                event.type === 'run-started' ? print(`\n  ▶ ${event.experiment.title}`) : progress.onEvent(event),
            },
            logger,
            settings,
            controls,
          });
          runs[mode].push(run);
          const ok = run.verdict === 'held';
          print(
            `  ${ok ? style.green('✓ held') : style.red(`✗ ${run.verdict}`)}${run.reason ? style.dim(` — ${run.reason}`) : ''}`,
          );
          if (mode === 'naive' && run.verdict === 'deviated') await findings.opened(experiment, run);
          if (mode === 'resilient' && before?.verdict === 'deviated' && ok) {
            // The resilient shop is the fix; the same experiment holding against it verifies it.
            await findings.fixed(experiment);
            await findings.verified(experiment, run);
          }
          const expected = experiment.expect?.[mode];
          if (expected && run.verdict !== expected)
            problems.push(`${mode} shop, ${run.journal.experiment.title}: ${run.verdict}, expected ${expected}`);
        }
        if (mode === 'resilient') print(style.dim(`\n  ${await shopStats(shop)}`));
        const killed = shop.processes().find((p) => p.name === 'orders-1');
        if (!flags.experiment && !interrupt.signal.aborted && !killed?.restarts)
          problems.push(`${mode} shop: the killed replica was not restarted`);
      } finally {
        await shop.stop();
      }
    }
  } finally {
    unregister();
    await findings.close();
    for (const shop of shops) {
      await shop.stop();
      pids.push(...shop.startedPids());
    }
  }

  const alive = pids.filter(isAlive);
  if (alive.length) problems.push(`processes still running: ${alive.join(', ')}`);
  printSummary(experiments, runs, print, style);
  print(style.dim(`\nFindings: faultline findings list --store ${resolve(out, 'findings.sqlite')}`));
  print(`\nJournals and HTML reports (${out}):`);
  for (const run of [...runs.naive, ...runs.resilient]) {
    if (!existsSync(run.reportPath)) problems.push(`report missing: ${run.reportPath}`);
    print(`  ${run.reportPath}`);
  }
  print(style.dim(`\n${pids.length} processes started and stopped; ${((Date.now() - started) / 1000).toFixed(1)} s.`));
  if (interrupt.signal.aborted) {
    print('Interrupted: the faults of the running experiment were reverted and every shop process stopped.');
    return io.setExitCode(exitCodes.interrupted);
  }
  if (problems.length) {
    print(style.red(`\nThe demo did not show what it should:\n${problems.map((p) => `  - ${p}`).join('\n')}`));
    if (flags.ci) io.setExitCode(1);
  }
}

function printSummary(
  experiments: DemoExperiment[],
  runs: Record<(typeof modes)[number], DemoRun[]>,
  print: (line?: string) => void,
  style: ReturnType<typeof createStyle>,
): void {
  print(`\n${style.bold('What the experiments showed')}`);
  const mark = (run?: DemoRun) => (!run ? '-' : run.verdict === 'held' ? style.green('held') : style.red(run.verdict));
  experiments.forEach((experiment, i) => {
    const naive = runs.naive[i];
    const title = (naive ?? runs.resilient[i])?.journal.experiment.title;
    if (!title) return;
    print(`  ${title}: naive ${mark(naive)}, resilient ${mark(runs.resilient[i])}`);
    if (experiment.fix) print(style.dim(`      what changed: ${experiment.fix}`));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
