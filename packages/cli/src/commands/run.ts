import type { Command } from 'commander';
import { Option } from 'commander';
import { dryModes, hypothesisStrategies, rollbackStrategies } from '@faultline/core';
import type { CliIo } from '../cli-io.js';

export interface RunFlags {
  journalPath: string;
  dry?: string;
  rollbackStrategy?: string;
  hypothesisStrategy?: string;
  hypothesisFrequency?: string;
  failFast?: boolean;
  failFastRatio?: string;
  var: string[];
  varFile: string[];
  controlFile: string[];
  validation: boolean;
  verifyTls: boolean;
  maxDuration?: string;
  output: 'text' | 'json';
  metricsPort?: string;
  /** Store URL, or false with --no-store. */
  store?: string | false;
  /** How the run reaches the store (`recheck` runs say so). Not a flag. */
  origin?: 'run' | 'recheck';
  allowProduction?: boolean;
  allowRemoteCode?: boolean;
}

/** `faultline run <source> --journal-path <path>` with every other flag at its default, for commands that run experiments. */
export function plainRunFlags(journalPath: string, more: Partial<RunFlags> = {}): RunFlags {
  return {
    journalPath,
    var: [],
    varFile: [],
    controlFile: [],
    validation: true,
    verifyTls: true,
    output: 'text',
    ...more,
  };
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerRunCommand(program: Command, io: CliIo): void {
  program
    .command('run')
    .description('Run an experiment: steady-state hypothesis → method → rollbacks, writing a journal')
    .argument('<source>', 'experiment file (.json, .yaml, .yml) or http(s) URL')
    .option('--journal-path <path>', 'where the journal is written (kept up to date during the run)', './journal.json')
    .addOption(new Option('--dry <mode>', 'run without touching anything').choices(dryModes))
    .addOption(new Option('--rollback-strategy <strategy>', 'when rollbacks run').choices(rollbackStrategies))
    .addOption(
      new Option('--hypothesis-strategy <strategy>', 'when the steady-state hypothesis runs').choices(
        hypothesisStrategies,
      ),
    )
    .option(
      '--hypothesis-frequency <seconds>',
      "seconds between continuous hypothesis runs (default: the experiment's runtime.hypothesis.frequency, else 1)",
    )
    .option(
      '--fail-fast',
      'with during-method-only or continuously: stop the run as soon as the hypothesis deviates once',
    )
    .option(
      '--fail-fast-ratio <ratio>',
      'like --fail-fast, but stop once this share (0..1) of the hypothesis runs so far deviated',
    )
    .option(
      '--var <key[:type]=value>',
      'set a configuration value (repeatable); type: str|int|float|bool|json',
      collect,
      [],
    )
    .option('--var-file <path>', 'JSON/YAML {configuration, secrets} or .env file (repeatable)', collect, [])
    .option(
      '--control-file <path>',
      'control module (.js/.mjs) or a JSON/YAML file of controls (repeatable)',
      collect,
      [],
    )
    .option('--no-validation', 'skip validating the experiment before running it')
    .option('--no-verify-tls', 'do not verify TLS certificates of http providers')
    .option('--max-duration <duration>', 'interrupt the run after this long ("30m"); faults are reverted')
    .option(
      '--allow-remote-code',
      'let an experiment loaded from a URL run code of its own (javascript modules, Python bridge, process)',
    )
    .option('--allow-production', 'allow a Kubernetes context marked production in the settings (guards.kubernetes)')
    .option('--metrics-port <port>', 'serve Prometheus metrics of the run on 127.0.0.1:<port>/metrics')
    .addOption(new Option('--output <format>', 'progress format').choices(['text', 'json']).default('text'))
    .option(
      '--store <url>',
      'record the run in this store: SQLite file or postgres:// URL (default: FAULTLINE_STORE, store.url in settings, else ~/.local/share/faultline/faultline.sqlite)',
    )
    .option('--no-store', 'do not record the run in the store')
    .addHelpText(
      'after',
      `
Exit codes: 0 completed, 1 deviated, 2 failed, 3 aborted, 4 interrupted, 5 not tried (steady state broken
before the method), 64 invalid input (docs/exit-codes.md).
Faults injected by the method are reverted on every exit path; after a hard kill run \`faultline revert <journal>\`.

Examples:
  faultline run experiment.yaml --journal-path=results.json
  faultline run experiment.yaml --dry=actions
  faultline run experiment.yaml --hypothesis-strategy=continuously --hypothesis-frequency=2 --fail-fast
  faultline run experiment.yaml --store postgres://chaos@db.internal/faultline
  chaos run --fail-fast --hypothesis-strategy=continuously experiment.json   # Chaos Toolkit's spelling works

Every run is recorded in the runs store (\`faultline history\`); a deviated run proposes a finding, and a
run that deviates after a fix says REGRESSION. An unreachable store queues the record on disk.
A store given explicitly (--store, FAULTLINE_STORE, store.url) also gets the run's live state while it
runs: \`faultline serve\` on other hosts lists it, and can stop it.`,
    )
    .action(async (source: string, flags: RunFlags, command: Command) => {
      const { runCommand } = await import('./run-action.js');
      await runCommand(source, flags, command.optsWithGlobals(), io);
    });
}
