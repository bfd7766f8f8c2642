import { errorMessage } from '../util/error-message.js';
import { faultlineVersion } from '../util/faultline-version.js';
import { hostname, platform, release } from 'node:os';
import { isAbsolute } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ActivityContext } from '../activity/activity-context.js';
import { silentLogger, type Logger } from '../activity/logger.js';
import type { ControlHookName } from '../control/control-module.js';
import { parseWait } from '../duration/parse-duration.js';
import { longTimeoutSignal } from '../util/long-timeout-signal.js';
import { setLongTimeout } from '../util/set-long-timeout.js';
import { FaultlineError, InterruptedError } from '../errors/faultline-error.js';
import { exitCodes } from '../errors/exit-codes.js';
import type { Journal, PauseRecord, RunEntry, SteadyStateResult } from '../journal/journal.js';
import type { Activity, ActivityOrRef, Experiment } from '../model/experiment.js';
import { ResolutionError } from '../resolve/activity-resolver.js';
import type { PendingRevert } from '../revert/revert-spec.js';
import { runRevert } from '../revert/run-revert.js';
import { manualUndo } from '../revert/manual-undo.js';
import { RunStateFile } from '../run-state/run-state-file.js';
import { runnerVariable } from '../run-state/leftover-processes.js';
import { checkEnvironmentGuards } from '../guard/check-environment-guards.js';
import { collectSafeguards, isSafeguardsControl, type Safeguard } from '../safeguard/collect-safeguards.js';
import { SafeguardMonitor, type SafeguardTrip, type SafeguardVerdict } from '../safeguard/safeguard-monitor.js';
import type { ProbeSample, RunPhase } from '../run-state/run-state.js';
import { rollbacksDigest } from '../run-state/rollbacks-digest.js';
import { abortableSleep } from '../util/abortable-sleep.js';
import { PythonError } from '../python/python-error.js';
import { callHook, loadControls, type HookEnvironment, type LoadedControl } from './control-hooks.js';
import { JournalWriter } from './journal-writer.js';
import { RevertLedger } from './revert-ledger.js';
import type { HypothesisPhase, ActivityPhase, RunEvent } from './run-event.js';
import type { RunOptions } from './run-options.js';
import { runProvider } from './run-provider.js';
import { checkTolerance } from '../tolerance/index.js';
import { substitute } from '../substitution/index.js';
import { resolveConfiguration, resolveSecrets } from '../configuration/index.js';
import { createRedactor, redactExperiment, secretConfigurationKeys } from '../redaction/index.js';

/** The Chaos Toolkit journal format version whose layout and semantics Faultline follows. */
export const chaoslibVersion = '1.44.0';

type Secrets = Record<string, Record<string, unknown>>;
/** How long reverting waits for activity calls an interruption cut short (they got the aborted signal). */
const abandonedGraceMs = 1_500;
const now = () => new Date().toISOString();

/** Raised inside the run to stop the method (signal, control, timeout). */
class StopRun extends Error {}

/** Why a run was interrupted, as the journal records it (`faultline.interruption`). */
export type InterruptionCause = 'signal' | 'stop-request' | 'max-duration' | 'control' | 'safeguard';

/** An activity ran past its `timeout`. */
class ActivityTimeoutError extends FaultlineError {
  constructor(name: string, seconds: number) {
    super(`activity "${name}" did not finish within its timeout of ${seconds}s`, { code: 'E_ACTIVITY_TIMEOUT' });
    this.name = 'ActivityTimeoutError';
  }
}

/**
 * One run of an experiment, with Chaos Toolkit's semantics: hypothesis before → method (with
 * background activities and an optional continuous hypothesis) → hypothesis after → reverts →
 * rollbacks by strategy → journal. Failures after validation end up in the journal; the only
 * thing this throws is a bug.
 */
export async function runExperiment(options: RunOptions): Promise<Journal> {
  return new ExperimentRun(options).run();
}

class ExperimentRun {
  private readonly runId = randomUUID();
  private logger: Logger;
  private readonly abort = new AbortController();
  /** Rollbacks run to completion even after an interruption: they are the way back. */
  private readonly rollbackAbort = new AbortController();
  private readonly journal: Journal;
  private readonly ledger: RevertLedger;
  private readonly writer: JournalWriter;
  private readonly experiment: Experiment;
  private configuration: Record<string, unknown> = {};
  private secrets: Secrets = {};
  private redact: <T>(value: T) => T = (v) => v;
  private controls: LoadedControl[] = [];
  private interruptReason: string | undefined;
  private readonly settings: Record<string, unknown>;
  private readonly activitiesByName = new Map<string, Activity>();
  /** Outputs before redaction: tolerances judge what the probe returned, the journal keeps the redacted copy. */
  private readonly rawOutputs = new WeakMap<RunEntry, unknown>();
  /** The run's state file (`faultline status`/`stop`), when the caller gave a runs directory. */
  private readonly state: RunStateFile | undefined;
  /** Activities running now: an interruption records what it cut short. */
  private readonly running = new Set<string>();
  private safeguards: SafeguardMonitor | undefined;
  private safeguardTrip: SafeguardTrip | undefined;
  private rollbacksPinned = false;
  /** Activity calls an interruption or a timeout cut short that may still be running. */
  private readonly abandoned = new Set<Promise<unknown>>();

  constructor(private readonly options: RunOptions) {
    this.logger = options.logger ?? silentLogger;
    this.settings = { ...(options.settings ?? {}) };
    this.experiment = structuredClone(options.experiment);
    for (const activity of allActivities(this.experiment)) this.activitiesByName.set(activity.name, activity);
    this.journal = {
      'chaoslib-version': chaoslibVersion,
      'faultline-version': options.version ?? faultlineVersion,
      platform: `${platform()}-${release()}`,
      node: hostname(),
      experiment: this.experiment,
      start: now(),
      status: 'running',
      deviated: false,
      steady_states: { before: null, after: null, during: [] },
      run: [],
      rollbacks: [],
      faultline: { run_id: this.runId, reverts: [], pauses: [] },
    };
    this.state = options.runsDir
      ? new RunStateFile(
          options.runsDir,
          {
            run_id: this.runId,
            experiment: { title: String(this.experiment.title ?? ''), source: options.source },
            journal_path: options.journalPath,
          },
          options.onStateChange,
        )
      : undefined;
    this.ledger = new RevertLedger((revert, kind) => {
      this.journal.faultline.reverts = this.ledger.entries;
      this.writer.writeNow();
      this.state?.update({
        faults: this.redact(structuredClone(this.ledger.entries.filter((e) => e.status === 'pending'))),
      });
      if (kind === 'registered') this.emit({ type: 'fault-registered', revert, at: now() });
    });
    this.writer = new JournalWriter(options.journalPath, () => this.snapshot());
    if (options.signal) {
      if (options.signal.aborted) this.interrupt(String(options.signal.reason ?? 'interrupted'));
      options.signal.addEventListener('abort', () => this.interrupt(reasonOf(options.signal!)), { once: true });
    }
    if (this.state) {
      this.state.update({});
      this.state.watch((request) => this.interrupt(`stop requested by ${request.by}`, 'stop-request'));
    }
  }

  private get rollbackStrategy() {
    const fromSettings = (this.settings.runtime as { rollbacks?: { strategy?: string } } | undefined)?.rollbacks
      ?.strategy;
    return this.options.rollbackStrategy ?? this.experiment.runtime?.rollbacks?.strategy ?? fromSettings ?? 'default';
  }

  private get hypothesisStrategy() {
    const fromSettings = (this.settings.runtime as { hypothesis?: { strategy?: string } } | undefined)?.hypothesis
      ?.strategy;
    const strategy =
      this.options.hypothesisStrategy ?? this.experiment.runtime?.hypothesis?.strategy ?? fromSettings ?? 'default';
    return strategy === 'continously' ? 'continuously' : strategy;
  }

  async run(): Promise<Journal> {
    const startedMs = performance.now();
    const timer = this.options.maxDuration
      ? setLongTimeout(
          () => this.interrupt(`maximum duration of ${this.options.maxDuration}s reached`, 'max-duration'),
          this.options.maxDuration * 1000,
          { unref: true },
        )
      : undefined;
    this.journal.faultline.settings = {
      rollback_strategy: this.rollbackStrategy,
      hypothesis_strategy: this.hypothesisStrategy,
      dry: this.options.dry ?? null,
    };
    let started = false;
    const announce = () => {
      started = true;
      this.emit({
        type: 'run-started',
        experiment: redactExperiment(this.experiment) as Experiment,
        runId: this.runId,
        at: now(),
      });
    };
    try {
      const safeguards = await this.prepare();
      announce();
      this.writer.writeNow();
      await this.startSafeguards(safeguards);
      await this.hook('before_experiment_control', this.experiment);
      if (this.abort.signal.aborted) throw new StopRun();
      await this.runPhases();
    } catch (error) {
      // Configuration or secrets that cannot be resolved (an unset env variable) are invalid
      // input, like a validation error: nothing has run, so there is no journal to write.
      if (!started && error instanceof FaultlineError && error.exitCode === exitCodes.invalid) {
        timer?.clear();
        this.state?.remove();
        throw error;
      }
      if (!started) announce();
      this.recordRunError(error);
    } finally {
      timer?.clear();
    }
    await this.stopSafeguards();
    this.setPhase('reverting');
    await this.revertFaults();
    this.setPhase('rollbacks');
    await this.maybeRollback();
    // A fault registered late (by a call still settling, or during the rollbacks) is reverted too.
    if (this.ledger.pending().length) {
      this.setPhase('reverting');
      await this.revertPending();
    }
    this.setPhase('finishing');
    this.finish(startedMs);
    this.logger.info(`Experiment ended with status: ${this.journal.deviated ? 'deviated' : this.journal.status}`);
    await this.summarize();
    await this.hook('after_experiment_control', this.experiment, this.journal);
    await this.hook('cleanup_control', this.experiment);
    this.writer.writeNow();
    this.closeState();
    // One redacted copy serves observers and the caller (a long run's journal is megabytes).
    const journal = this.snapshot();
    this.emit({ type: 'run-ended', journal, at: now() });
    return journal;
  }

  /** Configuration, secrets, title substitution and controls: what Chaos Toolkit does before the run. */
  private async prepare(): Promise<Safeguard[]> {
    const env = this.options.env ?? process.env;
    this.secrets = resolveSecrets(this.experiment.secrets, { env, vars: this.options.vars?.secrets }) as Secrets;
    this.configuration = await resolveConfiguration(this.experiment.configuration, {
      env,
      vars: this.options.vars?.configuration,
      secrets: this.secrets,
      onWarning: (message) => this.logger.warn(message),
      // Dynamic configuration: a probe whose output becomes a configuration value.
      runProbe: (provider, configuration, name) =>
        runProvider(provider, this.providerDeps(), {
          ...this.activityContext(name, 'hypothesis', provider.secrets),
          configuration,
        }),
    });
    this.redact = createRedactor(this.secrets, {
      configurationKeys: secretConfigurationKeys(this.experiment),
      configuration: this.configuration,
      // The experiment as activities will see it, configuration values included (URLs with passwords).
      sensitiveValuesIn: [
        substitute(
          { ...this.experiment, configuration: undefined, secrets: undefined },
          this.configuration,
          this.secrets,
        ),
        this.configuration,
      ],
    });
    this.logger = redactingLogger(this.logger, this.redact);
    // What Python modules print is logged too: through the same scrubbing as everything else.
    this.options.resolver.useLogger(this.logger);
    this.experiment.title = substitute(this.experiment.title, this.configuration, this.secrets);
    this.state?.update({ experiment: { title: this.redact(this.experiment.title), source: this.options.source } });
    this.logger.info(`Running experiment: ${this.experiment.title} (run ${this.runId})`);
    const global = this.options.controls ?? [];
    const own = this.experiment.controls ?? [];
    // Safeguards controls are run by the runner itself (they need to run probes and abort at once).
    const safeguards = collectSafeguards(
      [
        ...global.map((control) => ({ control, from: 'settings' as const })),
        ...own.map((control) => ({ control, from: 'experiment' as const })),
      ],
      this.settings,
    );
    // Environment guards: nothing (not even a control) runs against a forbidden cluster or namespace.
    const guards = checkEnvironmentGuards({
      activities: [...allActivities(this.experiment), ...safeguards].map((activity) => this.substituted(activity)),
      settings: this.settings,
      secrets: Object.assign({}, ...Object.values(this.secrets)) as Record<string, unknown>,
      configuration: this.configuration,
      env,
      allowProduction: this.options.allowProduction,
    });
    if (guards) this.journal.faultline.guards = guards;
    const declarations = [...global, ...own].filter((control) => !isSafeguardsControl(control));
    this.controls = await loadControls(declarations, this.options.resolver, this.options.baseDir);
    await this.hook('configure_control', this.experiment);
    return safeguards;
  }

  private async startSafeguards(safeguards: Safeguard[]): Promise<void> {
    if (!safeguards.length) return;
    this.logger.info(`watching ${safeguards.length} safeguard(s): ${safeguards.map((s) => s.name).join(', ')}`);
    this.safeguards = new SafeguardMonitor(
      safeguards,
      (safeguard, signal) => this.checkSafeguard(safeguard, signal),
      (trip) => {
        this.safeguardTrip = trip;
        this.interrupt(`safeguard "${trip.name}" tripped: ${trip.reason}`, 'safeguard');
      },
      this.logger,
    );
    await this.safeguards.start();
  }

  private async stopSafeguards(): Promise<void> {
    if (!this.safeguards) return;
    await this.safeguards.stop();
    this.journal.faultline.safeguards = {
      probes: this.safeguards.safeguards.map((s) => ({
        name: s.name,
        declared_in: s.declared_in,
        frequency: s.frequency ?? null,
      })),
      checks: this.safeguards.checks,
      tripped: this.safeguardTrip ?? null,
    };
  }

  private async checkSafeguard(safeguard: Safeguard, stop: AbortSignal): Promise<SafeguardVerdict> {
    const resolved = this.substituted(safeguard);
    const timeout =
      safeguard.timeout === undefined ? undefined : parseWait(safeguard.timeout, `${safeguard.name}.timeout`);
    const signal = timeout === undefined ? stop : AbortSignal.any([stop, longTimeoutSignal(timeout * 1000)]);
    const ctx = this.activityContext(safeguard.name, 'hypothesis', resolved.provider.secrets, signal);
    const value = await runProvider(resolved.provider, this.providerDeps(), ctx);
    const verdict = await checkTolerance(
      safeguard.tolerance as NonNullable<Activity['tolerance']>,
      value,
      this.toleranceOptions(),
    );
    return {
      met: verdict.met,
      value: this.redact(value ?? null),
      reason: verdict.reason && this.redact(verdict.reason),
    };
  }

  /** How tolerances get substituted and run their own probes (hypothesis and safeguards alike). */
  private toleranceOptions() {
    return {
      substitute: (value: unknown) => substitute(value, this.configuration, this.secrets),
      runProbe: async (toleranceProbe: Activity) => {
        const withValue = structuredClone(toleranceProbe);
        return runProvider(
          this.substituted(withValue).provider,
          this.providerDeps(),
          this.activityContext(withValue.name, 'hypothesis', withValue.provider.secrets),
        );
      },
    };
  }

  private async runPhases(): Promise<void> {
    const strategy = this.hypothesisStrategy;
    const hypothesis = this.experiment['steady-state-hypothesis'];
    const withHypothesis = strategy !== 'skip' && Boolean(hypothesis?.probes?.length);

    if (withHypothesis && ['default', 'before-method-only', 'continuously'].includes(strategy)) {
      this.setPhase('hypothesis-before');
      const before = await this.runHypothesis('before');
      this.journal.steady_states.before = before;
      if (!before.steady_state_met) {
        this.journal.status = before.probes.some((p) => p.status !== 'succeeded') ? 'failed' : 'completed';
        this.logger.error(
          `steady state probe "${before.probes.at(-1)?.activity.name}" is not in the given tolerance: the method is skipped`,
        );
        return;
      }
    }

    const continuous =
      withHypothesis && ['during-method-only', 'continuously'].includes(strategy)
        ? this.runContinuousHypothesis()
        : undefined;
    let methodRan = false;
    try {
      await this.runMethod();
      methodRan = true;
    } finally {
      continuous?.stop();
      await continuous?.done;
    }

    if (
      methodRan &&
      withHypothesis &&
      this.journal.status === 'running' &&
      ['default', 'after-method-only', 'continuously'].includes(strategy)
    ) {
      this.setPhase('hypothesis-after');
      const after = await this.runHypothesis('after');
      this.journal.steady_states.after = after;
      if (!after.steady_state_met) {
        this.journal.deviated = true;
        this.journal.status = after.probes.some((p) => p.status !== 'succeeded') ? 'failed' : 'completed';
      }
    }
  }

  private async runMethod(): Promise<void> {
    this.setPhase('method');
    this.pinRollbacks();
    await this.hook('before_method_control', this.experiment);
    const background: Array<Promise<unknown>> = [];
    try {
      for (const item of this.experiment.method ?? []) {
        if (this.journal.status !== 'running' || this.abort.signal.aborted) break;
        const activity = this.lookup(item);
        if (activity.background) {
          background.push(
            this.executeActivity(activity, 'method', this.journal.run).catch((error) => this.recordRunError(error)),
          );
        } else {
          await this.executeActivity(activity, 'method', this.journal.run);
        }
      }
    } finally {
      // Background activities are awaited before the hypothesis after (and before reverts).
      await Promise.all(background);
      await this.hook('after_method_control', this.experiment, this.journal.run);
    }
    if (this.abort.signal.aborted) throw new StopRun();
  }

  private async runHypothesis(phase: HypothesisPhase): Promise<SteadyStateResult> {
    const hypothesis = this.experiment['steady-state-hypothesis']!;
    const state: SteadyStateResult = { steady_state_met: false, probes: [], start: now() };
    this.emit({ type: 'hypothesis-started', phase, title: hypothesis.title, at: now() });
    await this.hook('before_hypothesis_control', hypothesis, undefined, hypothesis.controls);
    try {
      state.steady_state_met = await this.evaluateProbes(hypothesis.probes ?? [], state, phase);
    } finally {
      state.end = now();
      await this.hook('after_hypothesis_control', hypothesis, state, hypothesis.controls);
      this.emit({ type: 'hypothesis-ended', phase, result: state, at: now() });
    }
    return state;
  }

  private async evaluateProbes(
    probes: readonly ActivityOrRef[],
    state: SteadyStateResult,
    phase: HypothesisPhase,
  ): Promise<boolean> {
    for (const item of probes) {
      const probe = this.lookup(item);
      const entry = await this.executeActivity(
        probe,
        'hypothesis',
        state.probes,
        this.experiment['steady-state-hypothesis']?.controls,
      );
      const met = await this.judgeProbe(probe, entry);
      this.state?.sample(probeSample(entry, phase));
      if (!met) return false;
    }
    return true;
  }

  /** Sets the entry's tolerance_met (and why not). */
  private async judgeProbe(probe: Activity, entry: RunEntry): Promise<boolean> {
    const dry = this.options.dry;
    if (entry.status === 'failed') {
      entry.tolerance_met = false;
      entry.tolerance_reason = 'the probe failed, so its tolerance could not be checked';
      return false;
    }
    entry.tolerance_met = true;
    if (dry === 'probes' || dry === 'activities') return true;
    // checkTolerance substitutes string tolerances itself (once: `$$` must stay an escape).
    const verdict = await checkTolerance(
      probe.tolerance as NonNullable<Activity['tolerance']>,
      this.rawOutputs.get(entry),
      this.toleranceOptions(),
    );
    if (!verdict.met) {
      entry.tolerance_met = false;
      entry.tolerance_reason = this.redact(verdict.reason ?? 'tolerance not met');
    }
    return verdict.met;
  }

  private runContinuousHypothesis(): { stop(): void; done: Promise<void> } {
    const stop = new AbortController();
    const frequency = this.options.hypothesisFrequency ?? this.experiment.runtime?.hypothesis?.frequency ?? 1;
    const failFast = this.options.failFast ?? this.experiment.runtime?.hypothesis?.fail_fast ?? false;
    const ratio = failFast === true ? 0 : failFast === false ? undefined : failFast;
    const done = (async () => {
      let iterations = 0;
      let failures = 0;
      while (!stop.signal.aborted && !this.abort.signal.aborted && this.journal.status === 'running') {
        const state = await this.runHypothesis('during');
        iterations++;
        this.journal.steady_states.during.push(state);
        this.writer.schedule();
        if (!state.steady_state_met) {
          failures++;
          this.logger.warn(
            `continuous steady state probe "${state.probes.at(-1)?.activity.name}" is not in the given tolerance`,
          );
          if (ratio !== undefined && failures / iterations > ratio - 1e-9 && failures > 0) {
            this.logger.error(`fail fast: ${((failures * 100) / iterations).toFixed(1)}% of hypothesis runs deviated`);
            this.journal.status = 'failed';
            break;
          }
        }
        await abortableSleep(frequency * 1000, AbortSignal.any([stop.signal, this.abort.signal]));
      }
    })().catch((error) => this.recordRunError(error));
    return { stop: () => stop.abort(), done };
  }

  private lookup(item: ActivityOrRef): Activity {
    if ('ref' in item) {
      const found = this.activitiesByName.get(item.ref);
      if (!found) throw new ResolutionError(`could not find referenced activity "${item.ref}"`);
      return found;
    }
    return item;
  }

  /** Runs one activity and records it; only resolution errors and interruption escape. */
  private async executeActivity(
    activity: Activity,
    phase: ActivityPhase,
    into: RunEntry[],
    extraControls?: Activity['controls'],
  ): Promise<RunEntry> {
    const controls = await loadControls(
      activity.controls ?? extraControls,
      this.options.resolver,
      this.options.baseDir,
    );
    await this.hook('before_activity_control', activity, undefined, undefined, controls);
    const dry = this.options.dry;
    const isDry =
      dry === 'activities' ||
      (dry === 'actions' && activity.type === 'action') ||
      (dry === 'probes' && activity.type === 'probe');
    const skipPauses = isDry || dry === 'pause';
    const pauses = substitute(activity.pauses ?? {}, this.configuration, this.secrets);
    const pauseSignal = phase === 'rollback' ? this.rollbackAbort.signal : this.abort.signal;
    if (pauses.before !== undefined) await this.pause(activity, 'before', pauses.before, skipPauses, pauseSignal);

    const entry: RunEntry = {
      activity: this.redact(structuredClone(activity)),
      output: null,
      start: now(),
      status: 'succeeded',
      end: '',
      duration: 0,
    };
    into.push(entry);
    this.logger.info(
      `${activity.type === 'action' ? 'Action' : 'Probe'}: ${activity.name}${activity.background ? ' [in background]' : ''}`,
    );
    this.emit({ type: 'activity-started', activity: entry.activity, phase, at: entry.start });
    const startedAt = performance.now();
    const phaseSignal = phase === 'rollback' ? this.rollbackAbort.signal : this.abort.signal;
    const stopsRun = phase !== 'revert' && phase !== 'rollback';
    let escaped: unknown;
    let timeout: number | undefined;
    const timeoutSignal = new AbortController();
    let timer: { clear(): void } | undefined;
    this.running.add(activity.name);
    try {
      const resolved = this.substituted(activity);
      timeout = activity.timeout === undefined ? undefined : parseWait(activity.timeout, `${activity.name}.timeout`);
      if (timeout !== undefined) {
        const seconds = timeout;
        timer = setLongTimeout(
          () => timeoutSignal.abort(new ActivityTimeoutError(activity.name, seconds)),
          seconds * 1000,
          { unref: true },
        );
      }
      // Every provider type (http, process, javascript, python) stops on this signal.
      const signal = timeout === undefined ? phaseSignal : AbortSignal.any([phaseSignal, timeoutSignal.signal]);
      const ctx = this.activityContext(activity.name, phase, resolved.provider.secrets, signal, isDry);
      // Under dry mode Chaos Toolkit runs nothing. Faultline still calls mutating driver activities
      // with ctx.dryRun so they can report the exact targets they would touch.
      const output = isDry
        ? await this.dryRun(resolved, ctx)
        : await runProvider(resolved.provider, this.providerDeps(), ctx);
      this.rawOutputs.set(entry, output ?? null);
      entry.output = this.redact(output ?? null);
      // It finished (despite the interruption): its outcome stands, and the run stops after it.
      if (stopsRun && this.abort.signal.aborted) escaped = new InterruptedError(this.interruptReason);
    } catch (caught) {
      if (stopsRun && this.abort.signal.aborted) {
        // Cut short by the interruption: journalled as Chaos Toolkit journals it — no status, no
        // exception, output null, with its start, end and duration (the journal's status says why).
        delete entry.status;
        escaped = caught;
      } else {
        // Its own timeout: say so, rather than a bare "operation aborted".
        const error = timeoutSignal.signal.aborted && !phaseSignal.aborted ? timeoutSignal.signal.reason : caught;
        entry.status = 'failed';
        entry.exception = this.redact(exceptionLines(error));
        if (error instanceof ResolutionError) escaped = error;
        else this.logger.error(`${activity.type} "${activity.name}" failed: ${this.redact(errorMessage(error))}`);
      }
    }
    timer?.clear();
    this.running.delete(activity.name);
    entry.end = now();
    entry.duration = (performance.now() - startedAt) / 1000;
    this.emit({ type: 'activity-ended', activity: entry.activity, phase, entry, at: entry.end });
    this.writer.schedule();
    await this.hook('after_activity_control', activity, entry, undefined, controls);
    if (escaped) throw escaped;
    if (pauses.after !== undefined) await this.pause(activity, 'after', pauses.after, skipPauses, phaseSignal);
    return entry;
  }

  private async dryRun(activity: Activity, ctx: ActivityContext): Promise<unknown> {
    const provider = activity.provider;
    if (provider.type !== 'python' && provider.type !== 'javascript') return null;
    const resolved = await this.options.resolver.resolve(provider, this.options.baseDir);
    if (!resolved.definition?.mutating) return null;
    return resolved.call(provider.arguments ?? {}, ctx);
  }

  private async pause(
    activity: Activity,
    when: 'before' | 'after',
    value: number | string,
    skip: boolean,
    signal: AbortSignal,
  ): Promise<void> {
    const seconds = parseWait(value, `pauses.${when}`);
    if (skip || seconds <= 0 || signal.aborted) return;
    const start = now();
    this.emit({ type: 'pause-started', activity, when, seconds, at: start });
    await abortableSleep(seconds * 1000, signal);
    const record: PauseRecord = { activity: activity.name, when, seconds, start, end: now() };
    if (signal.aborted) record.interrupted = true;
    this.journal.faultline.pauses!.push(record);
    this.emit({ type: 'pause-ended', activity, when, at: now() });
  }

  private substituted(activity: Activity): Activity {
    return { ...activity, provider: substitute(activity.provider, this.configuration, this.secrets) };
  }

  private providerDeps() {
    const env = this.options.env;
    return {
      resolver: this.options.resolver,
      baseDir: this.options.baseDir,
      verifyTls: this.options.verifyTls ?? true,
      // Processes the run starts carry the runner's mark (see markChildProcesses), whatever env the caller gave.
      env: env && this.state ? { ...env, [runnerVariable]: process.env[runnerVariable] } : env,
      onAbandoned: (call: Promise<unknown>) => {
        this.abandoned.add(call);
        void call.finally(() => this.abandoned.delete(call));
      },
    };
  }

  private activityContext(
    name: string,
    phase: ActivityPhase,
    scopes: readonly string[] | undefined,
    signal = this.abort.signal,
    dryRun = false,
  ): ActivityContext {
    const secrets: Record<string, unknown> = {};
    for (const scope of scopes ?? []) Object.assign(secrets, this.secrets[scope] ?? {});
    const recordsReverts = phase === 'method';
    return {
      configuration: this.configuration,
      secrets,
      signal,
      logger: this.logger,
      dryRun,
      runId: this.runId,
      experimentDir: this.options.baseDir,
      settings: this.settings,
      experimentTitle: this.experiment.title,
      runStartedAt: this.journal.start,
      registerRevert: (spec) =>
        recordsReverts && !dryRun ? this.ledger.register(spec, name) : RevertLedger.noopHandle,
    };
  }

  /**
   * Undo every fault still injected, newest first, whatever happened before. An activity cut short
   * may still be running and register (then inject) a fault after these reverts: such calls get a
   * moment to settle, then what they registered is reverted too.
   */
  private async revertFaults(): Promise<void> {
    await this.revertPending();
    if (!this.abandoned.size) return;
    this.logger.info(`waiting for ${this.abandoned.size} interrupted activity call(s) to settle`);
    await Promise.race([Promise.all([...this.abandoned]), abortableSleep(abandonedGraceMs)]);
    await this.revertPending();
  }

  private async revertPending(): Promise<void> {
    const pending = this.ledger.pending();
    if (!pending.length) return;
    this.logger.info(`reverting ${pending.length} injected fault(s)`);
    for (const revert of pending) await this.revertOne(revert);
    this.writer.writeNow();
    const failed = this.ledger.entries.filter((e) => e.status === 'failed');
    if (failed.length) this.logger.error(this.redact(manualUndo(failed)).trimEnd());
  }

  private setPhase(phase: RunPhase): void {
    this.state?.phase(phase);
  }

  /** The state file goes with the run, unless a fault is still injected: then `faultline stop` retries it. */
  private closeState(): void {
    if (!this.state) return;
    const left = this.ledger.entries.filter((e) => e.status === 'failed' || e.status === 'pending');
    if (!left.length) return this.state.remove();
    this.state.unwatch();
    this.state.update({ faults: this.redact(structuredClone(left)) });
  }

  private async revertOne(revert: PendingRevert): Promise<void> {
    // Reverts get every secret scope: the spec cannot name scopes, and it is written before the fault.
    const secrets = Object.assign({}, ...Object.values(this.secrets)) as Record<string, unknown>;
    const ctx = {
      ...this.activityContext(`revert ${revert.activity}`, 'revert', undefined, AbortSignal.timeout(120_000)),
      secrets,
    };
    await runRevert(revert, this.options.resolver, ctx, this.redact);
    if (revert.status === 'failed')
      this.logger.error(`could not revert "${revert.title}" after ${revert.attempts} tries: ${revert.error}`);
    this.emit({ type: 'fault-reverted', revert, at: revert.reverted! });
  }

  /**
   * From the method on, strategy `always` owes the rollbacks even to a run killed hard: the state
   * file pins the experiment file and the hash of its rollbacks, so `faultline stop` can play them
   * from that file (never from a file that names them). Cleared once the run played them.
   */
  private pinRollbacks(): void {
    const source = this.options.source;
    if (!this.state || this.options.dry || this.rollbackStrategy !== 'always') return;
    if (!this.experiment.rollbacks?.length || !source || !isAbsolute(source)) return;
    const sha256 = rollbacksDigest(this.options.experiment);
    this.state.update({ rollbacks: { source, sha256, count: this.experiment.rollbacks.length } });
    this.rollbacksPinned = true;
  }

  private async maybeRollback(): Promise<void> {
    try {
      await this.playRollbacks();
    } finally {
      if (this.rollbacksPinned) this.state?.update({ rollbacks: undefined });
    }
  }

  private async playRollbacks(): Promise<void> {
    const strategy = this.rollbackStrategy;
    const status = this.journal.status === 'running' ? 'completed' : this.journal.status;
    const play =
      strategy === 'always' ||
      (strategy === 'default' && status !== 'failed' && status !== 'interrupted') ||
      (strategy === 'deviated' && this.journal.deviated);
    if (!play || !this.experiment.rollbacks?.length) return;
    await this.hook('before_rollback_control', this.experiment);
    const background: Array<Promise<unknown>> = [];
    for (const item of this.experiment.rollbacks) {
      try {
        const activity = this.lookup(item);
        const run = this.executeActivity(activity, 'rollback', this.journal.rollbacks);
        if (activity.background) background.push(run.catch((e) => this.logger.error(String(e))));
        else await run;
      } catch (error) {
        this.logger.error(`rollback failed: ${errorMessage(error)}`);
      }
    }
    await Promise.all(background);
    await this.hook('after_rollback_control', this.experiment, this.journal.rollbacks);
  }

  private async summarize(): Promise<void> {
    if (!this.options.finalize) return;
    try {
      const journal = this.snapshot();
      await this.options.finalize(journal);
      const { faultline } = journal;
      for (const [key, value] of Object.entries(faultline))
        if (!(key in this.journal.faultline)) this.journal.faultline[key] = value;
    } catch (error) {
      this.logger.warn(`could not summarise the run: ${errorMessage(error)}`);
    }
  }

  private interrupt(reason: string, by: InterruptionCause = 'signal'): void {
    if (this.abort.signal.aborted) return;
    this.interruptReason = reason;
    this.journal.faultline.interruption = { by, reason, at: now(), cut_short: [...this.running] };
    this.logger.warn(`interrupting the run: ${reason}`);
    this.emit({
      type: 'interrupted',
      reason,
      at: now(),
      by,
      ...(by === 'safeguard' && this.safeguardTrip ? { safeguard: this.safeguardTrip } : {}),
    });
    this.abort.abort(new InterruptedError(reason));
  }

  private recordRunError(error: unknown): void {
    if (error instanceof StopRun || error instanceof InterruptedError || this.abort.signal.aborted) {
      this.journal.status = 'interrupted';
    } else if (error instanceof ResolutionError) {
      this.journal.status = 'aborted';
      this.logger.error(`aborting: ${error.message}`);
    } else {
      this.journal.status = 'aborted';
      this.logger.error(`aborting after an unexpected error: ${(error as Error)?.stack ?? String(error)}`);
    }
  }

  private finish(startedMs: number): void {
    if (this.abort.signal.aborted && this.journal.status === 'running') this.journal.status = 'interrupted';
    // A safeguard protects the system: tripping it aborts the run (the hypothesis only judges it).
    if (this.safeguardTrip) this.journal.status = 'aborted';
    if (this.journal.status === 'running') this.journal.status = 'completed';
    this.journal.end = now();
    this.journal.duration = (performance.now() - startedMs) / 1000;
  }

  private async hook(
    name: ControlHookName,
    context: unknown,
    state?: unknown,
    scoped?: Activity['controls'],
    loaded?: LoadedControl[],
  ): Promise<void> {
    // A control declared with `automatic: false` only sees the experiment-level hooks, as in Chaos Toolkit.
    const experimentLevel = name === 'configure_control' || name === 'cleanup_control' || name.includes('experiment');
    let controls = this.controls.filter((c) => experimentLevel || c.declaration.automatic !== false);
    if (scoped?.length)
      controls = [...controls, ...(await loadControls(scoped, this.options.resolver, this.options.baseDir))];
    if (loaded?.length) controls = [...controls, ...loaded];
    if (!controls.length) return;
    const env: HookEnvironment = {
      experiment: this.experiment,
      configuration: this.configuration,
      secrets: this.secrets,
      settings: this.settings,
      logger: this.logger,
      runId: this.runId,
      interrupt: (reason) => this.interrupt(`control: ${reason}`, 'control'),
    };
    await callHook(controls, name, env, context, state);
  }

  private emit(unsafe: RunEvent): void {
    if (!this.options.observers?.length) return;
    // Observers print and export events (--output json, metrics): they get them without secrets.
    const event = unsafe.type === 'run-ended' ? unsafe : this.redact(unsafe);
    for (const observer of this.options.observers) {
      try {
        observer.onEvent(event);
      } catch (error) {
        this.logger.debug(`observer failed: ${errorMessage(error)}`);
      }
    }
  }

  /** The journal as written: secrets redacted, Chaos Toolkit key order. */
  private snapshot(): Journal {
    const journal = structuredClone(this.journal);
    journal.experiment = redactExperiment(this.redact(journal.experiment)) as Experiment;
    journal.faultline.reverts = this.redact(structuredClone(this.ledger.entries));
    return journal;
  }
}

/** Logs go to files and terminals: secrets are scrubbed from every message and field first. */
function redactingLogger(logger: Logger, redact: <T>(value: T) => T): Logger {
  const wrap = (log: Logger['info']) => (message: string, fields?: Record<string, unknown>) =>
    log(redact(message), fields && redact(fields));
  return { debug: wrap(logger.debug), info: wrap(logger.info), warn: wrap(logger.warn), error: wrap(logger.error) };
}

/** A judged hypothesis probe as the run's state file keeps it (output already redacted). */
function probeSample(entry: RunEntry, phase: HypothesisPhase): ProbeSample {
  const output = entry.output;
  const value = typeof output === 'number' && Number.isFinite(output) ? output : undefined;
  return {
    probe: entry.activity.name,
    phase,
    at: entry.end,
    ok: entry.tolerance_met === true,
    ...(value === undefined ? {} : { value }),
    ms: Math.round(entry.duration * 1000),
  };
}

function allActivities(experiment: Experiment): Activity[] {
  const lists = [
    experiment['steady-state-hypothesis']?.probes ?? [],
    experiment.method ?? [],
    experiment.rollbacks ?? [],
  ];
  return lists.flat().filter((item): item is Activity => !('ref' in item));
}

function exceptionLines(error: unknown): string[] {
  // A Python exception is journalled as Chaos Toolkit journals it (traceback.format_exception).
  if (error instanceof PythonError) return error.journalLines;
  const err = error as (Error & { hint?: string; code?: string }) | null | undefined;
  const lines = [`${err instanceof Error ? err.name : 'Error'}: ${errorMessage(error)}`];
  if (err?.hint) lines.push(`hint: ${err.hint}`);
  let cause = err?.cause as Error | undefined;
  while (cause) {
    lines.push(`caused by: ${cause.message ?? String(cause)}`);
    cause = cause.cause as Error | undefined;
  }
  return lines;
}

function reasonOf(signal: AbortSignal): string {
  const reason = signal.reason as unknown;
  if (reason instanceof Error) return reason.message;
  return typeof reason === 'string' ? reason : 'interrupted';
}
