import { resolve } from 'node:path';
import {
  checkOutputPath,
  collectVars,
  experimentBaseDir,
  type ActivityResolver,
  formatProblem,
  loadExperiment,
  loadSettings,
  parseWait,
  runExperiment,
  runsDir,
  UsageError,
  type HypothesisStrategy,
  type RollbackStrategy,
  type RunObserver,
  type DryMode,
} from '@faultline/core';
import type { CliIo } from '../cli-io.js';
import { exitCodeFor } from '../exit-code-for.js';
import { createLogger } from '../logging/create-logger.js';
import { JsonProgress } from '../progress/json-progress.js';
import { TerminalProgress } from '../progress/terminal-progress.js';
import { faultlineVersion } from '../version.js';
import { createResolver } from '../create-resolver.js';
import { globalControls } from './global-controls.js';
import { publishLiveRun } from '../store/publish-live-run.js';
import type { RunFlags } from './run.js';
import type { GlobalFlags } from '../global-flags.js';

export async function runCommand(source: string, flags: RunFlags, globals: GlobalFlags, io: CliIo): Promise<void> {
  // Resolvers may hold a Python bridge process: stopped however the command ends.
  const resolvers: ActivityResolver[] = [];
  try {
    await runWith(source, flags, globals, io, resolvers);
  } finally {
    await Promise.all(resolvers.map((r) => r.close()));
  }
}

async function runWith(
  source: string,
  flags: RunFlags,
  globals: GlobalFlags,
  io: CliIo,
  resolvers: ActivityResolver[],
): Promise<void> {
  const { settings, path: settingsPath } = await loadSettings(globals.settings, io.env);
  // Nothing the run writes may overwrite what it reads: checked before anything runs.
  const inputs = [
    ...(/^https?:\/\//i.test(source) ? [] : [resolve(io.cwd, source)]),
    ...flags.varFile.map((file) => resolve(io.cwd, file)),
    ...flags.controlFile.map((file) => resolve(io.cwd, file)),
    ...(settingsPath ? [settingsPath] : []),
  ];
  const journalPath = checkOutputPath(flags.journalPath, 'journal', { cwd: io.cwd, inputs });
  const logger = createLogger({
    file: logFileFor(globals, io, [...inputs, journalPath]),
    fileLevel: globals.logFileLevel,
    stderr: flags.output === 'json' ? undefined : io.stderr,
    format: globals.logFormat,
    verbose: globals.verbose,
    // Under --dry the drivers say what they would have changed: that is the point of the dry run.
    echoInfo: flags.dry || settings.dry_run ? (message) => /\bdry run:|\bwould /.test(message) : undefined,
  });
  const controls = await globalControls(settings, flags.controlFile, io.cwd);
  const vars = await collectVars({ vars: flags.var, varFiles: flags.varFile, cwd: io.cwd });
  // .env var files feed the environment Python modules see too, as under Chaos Toolkit.
  const env = { ...io.env, ...vars.env };
  // One resolver, so one Python bridge, serves the global controls and the experiment.
  const resolver = createResolver({ cwd: io.cwd, env, settings, baseDir: experimentBaseDir(source, io.cwd), logger });
  resolvers.push(resolver);
  // The global controls' loading hooks run inside loadExperiment, as for any program using core.
  const loaded = await loadExperiment(source, {
    environment: { env, vars },
    resolver,
    cwd: io.cwd,
    env,
    settings,
    controls,
    validate: flags.validation,
    verifyTls: flags.verifyTls,
    logger,
    allowRemoteCode: flags.allowRemoteCode,
  });
  for (const warning of loaded.warnings) logger.warn(formatProblem(warning, loaded.source));

  const failFast = flags.failFastRatio !== undefined ? Number(flags.failFastRatio) : flags.failFast ? true : undefined;
  if (typeof failFast === 'number' && !(failFast >= 0 && failFast <= 1))
    throw new UsageError('--fail-fast-ratio must be a number between 0 and 1');
  const frequency =
    flags.hypothesisFrequency === undefined
      ? undefined
      : parseWait(flags.hypothesisFrequency, '--hypothesis-frequency');
  if (frequency !== undefined && !(frequency > 0))
    throw new UsageError('--hypothesis-frequency must be a positive number of seconds');

  const observers: RunObserver[] = [];
  const color = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && globals.color !== false;
  observers.push(
    flags.output === 'json'
      ? new JsonProgress(io.stdout)
      : new TerminalProgress(io.stdout, { color, live: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR }),
  );
  const metrics = flags.metricsPort ? await startMetrics(Number(flags.metricsPort), io) : undefined;
  if (metrics) observers.push(metrics.observer);

  const live = publishLiveRun(flags.store, settings, io);
  const interrupt = new AbortController();
  let signals = 0;
  const unregister = io.onSignal((signal) => {
    signals++;
    if (signals === 1) interrupt.abort(signal === 'crash' ? 'an unexpected error (see above)' : `received ${signal}`);
    else
      io.stderr.write(
        `\n${signal} again: still reverting faults so nothing is left behind; a hard kill leaves them pending (use \`faultline revert\`)\n`,
      );
  });
  try {
    const journal = await runExperiment({
      experiment: loaded.experiment,
      baseDir: loaded.baseDir,
      resolver,
      settings,
      env,
      vars,
      rollbackStrategy: flags.rollbackStrategy as RollbackStrategy | undefined,
      hypothesisStrategy: flags.hypothesisStrategy as HypothesisStrategy | undefined,
      hypothesisFrequency: frequency,
      failFast,
      dry: (flags.dry ?? (settings.dry_run ? 'actions' : undefined)) as DryMode | undefined,
      verifyTls: flags.verifyTls,
      journalPath,
      runsDir: runsDir(io.env),
      onStateChange: live && ((state) => live.update(state)),
      allowProduction: flags.allowProduction,
      source: loaded.source,
      controls,
      signal: interrupt.signal,
      maxDuration: flags.maxDuration ? parseWait(flags.maxDuration, '--max-duration') : undefined,
      observers,
      logger,
      version: faultlineVersion,
      // Impact and recovery per fault (time to impact, time to recover, share of samples held),
      // so CI and later runs can compare them without rendering a report.
      finalize: async (journal) => {
        if (!journal.steady_states.during.length) return;
        const { computeImpact } = await import('@faultline/report');
        journal.faultline.impact = computeImpact(journal);
      },
    });
    await live?.end({
      status: journal.status,
      faultsLeft: journal.faultline.reverts.filter((r) => r.status === 'pending' || r.status === 'failed'),
    });
    if (flags.output !== 'json') io.stdout.write(`Journal: ${journalPath}\n`);
    const exitCode = exitCodeFor(journal);
    if (flags.store !== false) {
      // imported only now, so a run pays for the store (and its database driver) only once it is over
      const { recordFinishedRun } = await import('../store/record-finished-run.js');
      await recordFinishedRun(
        journal,
        {
          flag: flags.store,
          settings,
          source: /^https?:\/\//.test(source) ? source : resolve(io.cwd, source),
          exitCode,
          origin: flags.origin,
          json: flags.output === 'json',
          color,
        },
        io,
      );
    }
    io.setExitCode(exitCode);
  } finally {
    await live?.end({}); // when the run threw (a no-op once ended)
    unregister();
    await metrics?.close();
  }
}

/**
 * The log file: an explicit `--log-file` must be writable (exit 64 otherwise); the default
 * `faultline.log` is skipped with a warning when the working directory cannot take it.
 */
function logFileFor(globals: GlobalFlags, io: CliIo, inputs: readonly string[]): string | undefined {
  if (globals.logFile === false) return undefined;
  if (globals.logFile !== undefined) {
    return checkOutputPath(globals.logFile, 'log file', { cwd: io.cwd, inputs });
  }
  try {
    return checkOutputPath('faultline.log', 'log file', { cwd: io.cwd, inputs });
  } catch (error) {
    io.stderr.write(`warning: no log file: ${(error as Error).message} (use --log-file or --no-log-file)\n`);
    return undefined;
  }
}

async function startMetrics(port: number, io: CliIo): Promise<{ observer: RunObserver; close(): Promise<void> }> {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--metrics-port must be a port number');
  const { createRunMetrics } = await import('@faultline/prometheus');
  const metrics = createRunMetrics();
  const server = await metrics.startServer(port, '127.0.0.1').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE' || error.code === 'EACCES')
      throw new UsageError(
        `--metrics-port ${port}: port ${error.code === 'EADDRINUSE' ? 'already in use' : 'not allowed'}`,
        {
          hint: 'choose another port, or 0 for any free one',
        },
      );
    throw error;
  });
  io.stderr.write(`metrics: http://127.0.0.1:${server.port}/metrics\n`);
  return { observer: metrics.observer, close: () => server.close() };
}
