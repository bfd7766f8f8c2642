import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  collectVars,
  exitCodes,
  loadSettings,
  runExperiment,
  runsDir,
  UsageError,
  type DryMode,
} from '@faultline/core';
import type { CliIo } from '../cli-io.js';
import { insideWindow } from '../gameday/check-window.js';
import { loadPlan } from '../gameday/load-plan.js';
import { webhookNotifier } from '../gameday/notify-webhooks.js';
import { runPlan, type PlanResult, type StepRun } from '../gameday/run-plan.js';
import { writeGamedayReport } from '../gameday/write-gameday-report.js';
import type { GlobalFlags } from '../global-flags.js';
import { loadAndValidate } from '../load-and-validate.js';
import { createLogger } from '../logging/create-logger.js';
import { TerminalProgress } from '../progress/terminal-progress.js';
import { exitCodeFor } from '../exit-code-for.js';
import { faultlineVersion } from '../version.js';
import { globalControls } from './global-controls.js';
import type { GamedayFlags } from './gameday.js';

const planExitCodes = {
  completed: exitCodes.ok,
  'stopped-at-gate': exitCodes.deviated,
  'outside-window': exitCodes.aborted,
  deadline: exitCodes.aborted,
  interrupted: exitCodes.interrupted,
} as const;

/** `faultline gameday run`: each step is a `faultline run` of its experiment, under the plan's gates. */
export async function runGameday(
  source: string,
  flags: GamedayFlags,
  globals: GlobalFlags,
  io: CliIo,
): Promise<PlanResult & { gameday: string }> {
  const planPath = resolve(io.cwd, source);
  const plan = await loadPlan(planPath);
  if (plan.window && !insideWindow(plan.window, new Date()))
    throw new UsageError(
      `outside the plan's window (${plan.window.start}-${plan.window.end} ${plan.window.timeZone}${plan.window.days ? ` on ${plan.window.days.join(',')}` : ''}): not starting`,
    );
  const { settings } = await loadSettings(globals.settings, io.env);
  // Each step gets the settings' controls (loading and run hooks), as `faultline run` does.
  const controls = await globalControls(settings, [], io.cwd);
  const vars = await collectVars({ vars: flags.var, varFiles: flags.varFile, cwd: io.cwd });
  const outDir = resolve(io.cwd, flags.outDir);
  await mkdir(outDir, { recursive: true });
  const gameday = randomUUID();
  const logger = createLogger({ stderr: io.stderr, verbose: globals.verbose });
  const color = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && globals.color !== false;

  const interrupt = new AbortController();
  // Set when `faultline stop` stopped a step: the plan then starts no further step.
  let stopRequested = false;
  const unregister = io.onSignal((signal) => {
    if (!interrupt.signal.aborted) {
      io.stderr.write(`\n${signal}: stopping the game day, the running steps revert their faults\n`);
      interrupt.abort(`received ${signal}`);
    }
  });
  let index = 0;
  const runStep = async (run: StepRun, signal: AbortSignal) => {
    const journalPath = join(
      outDir,
      `${String(++index).padStart(2, '0')}-${run.label.replace(/[^\w.=-]+/g, '_')}.json`,
    );
    io.stdout.write(`\n== ${run.label}\n`);
    const loaded = await loadAndValidate(resolve(dirname(planPath), run.step.experiment), {
      cwd: io.cwd,
      env: io.env,
      settings,
      controls,
    });
    // The step's resolver may hold a Python bridge: stopped however the step ends.
    const journal = await runExperiment({
      experiment: loaded.experiment,
      baseDir: loaded.baseDir,
      resolver: loaded.resolver,
      settings,
      env: { ...io.env, ...vars.env },
      vars: { ...vars, configuration: { ...vars.configuration, ...run.vars } },
      dry: flags.dry as DryMode | undefined,
      journalPath,
      signal,
      observers: [new TerminalProgress(io.stdout, { color, live: false })],
      logger,
      version: faultlineVersion,
      // Discoverable like any run: `faultline status` shows the step, `faultline stop` stops it.
      runsDir: runsDir(io.env),
      source: resolve(dirname(planPath), run.step.experiment),
      controls,
    }).finally(() => loaded.resolver.close());
    if ((journal.faultline.interruption as { by?: string } | undefined)?.by === 'stop-request') stopRequested = true;
    if (flags.store !== false) {
      const { recordFinishedRun } = await import('../store/record-finished-run.js');
      const tags = [...(journal.experiment.tags ?? []), `gameday:${gameday}`];
      await recordFinishedRun(
        { ...journal, experiment: { ...journal.experiment, tags } },
        {
          flag: flags.store,
          settings,
          source: resolve(dirname(planPath), run.step.experiment),
          exitCode: exitCodeFor(journal),
          origin: 'gameday',
          json: false,
          color,
        },
        io,
      );
    }
    return { step: run.label, status: journal.status, deviated: journal.deviated, vars: run.vars, journalPath };
  };
  try {
    const result = await runPlan({
      plan,
      gameday,
      runStep,
      notify: webhookNotifier(plan.notify, (message) => logger.warn(message)),
      signal: interrupt.signal,
      shouldStop: () => stopRequested,
    });
    await writeFile(
      join(outDir, 'gameday.json'),
      `${JSON.stringify({ gameday, plan: plan.title, ...result }, null, 2)}\n`,
    );
    await writeGamedayReport(outDir, { id: gameday, title: plan.title, ...result });
    io.stdout.write(
      `\nGame day ${plan.title}: ${result.status} (${result.steps.length} step(s)); report ${join(flags.outDir, 'index.html')}\n`,
    );
    io.setExitCode(planExitCodes[result.status]);
    return { gameday, ...result };
  } finally {
    unregister();
  }
}
