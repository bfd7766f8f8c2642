import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '@faultline/core';
import type { ScheduleSpec } from '@faultline/kubernetes/schedule';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { loadAndValidate } from '../load-and-validate.js';
import { faultlineVersion } from '../version.js';

export interface ScheduleSpecFlags {
  name: string;
  cron: string;
  namespace: string;
  timeZone?: string;
  image: string;
  maxDuration: string;
  suspend?: boolean;
  context?: string;
  plan?: boolean;
  storeSecret?: string;
}

type RunFiles = Pick<ScheduleSpec, 'files' | 'entry' | 'experiments'>;

/** One experiment: a local file kept as written (comments and all, for review in GitOps); a URL as JSON. */
async function experimentFiles(source: string, settings: Record<string, unknown>, io: CliIo): Promise<RunFiles> {
  const loaded = await loadAndValidate(source, { cwd: io.cwd, env: io.env, settings });
  const remote = /^https?:\/\//i.test(source);
  const file = !remote && /^\.ya?ml$/i.test(extname(source)) ? 'experiment.yaml' : 'experiment.json';
  const text = remote ? JSON.stringify(loaded.experiment, null, 2) : await readFile(resolve(io.cwd, source), 'utf8');
  return {
    files: { [file]: text },
    entry: { kind: 'experiment', file },
    experiments: [loaded.experiment as unknown as Record<string, unknown>],
  };
}

/** A game day plan and every experiment it names (validated), each file kept as written. */
async function planFiles(source: string, settings: Record<string, unknown>, io: CliIo): Promise<RunFiles> {
  const { loadPlan } = await import('../gameday/load-plan.js');
  const planPath = resolve(io.cwd, source);
  const plan = await loadPlan(planPath);
  const file = `plan${/^\.json$/i.test(extname(source)) ? '.json' : '.yaml'}`;
  const files: Record<string, string> = { [file]: await readFile(planPath, 'utf8') };
  const experiments: Array<Record<string, unknown>> = [];
  const names = new Set(
    plan.steps.flatMap((step) => ('parallel' in step ? step.parallel : [step])).map((step) => step.experiment),
  );
  for (const name of names) {
    const path = resolve(dirname(planPath), name);
    const loaded = await loadAndValidate(path, { cwd: io.cwd, env: io.env, settings });
    files[name] = await readFile(path, 'utf8');
    experiments.push(loaded.experiment as unknown as Record<string, unknown>);
  }
  return { files, entry: { kind: 'plan', file }, experiments };
}

/** The image `faultline schedule` runs by default: the one the repository's Dockerfile builds, tagged with this version. */
export const defaultImage = `faultline:${faultlineVersion}`;

/** The options shared by `schedule render` and `schedule apply`. */
export function scheduleSpecOptions(command: Command): Command {
  return command
    .argument('<experiment>', 'experiment file (.json, .yaml, .yml) or http(s) URL; with --plan a plan file')
    .requiredOption('--name <name>', 'schedule name (objects are named faultline-<name>)')
    .requiredOption('--cron <expression>', 'when to run: five-field cron expression, e.g. "0 10 * * 1-5"')
    .option('-n, --namespace <ns>', 'namespace of the CronJob, its ConfigMap and service account', 'default')
    .option('--time-zone <zone>', "IANA time zone of the cron expression (default: the controller's, usually UTC)")
    .option('--image <ref>', 'container image with faultline (see Dockerfile)', defaultImage)
    .option('--max-duration <duration>', 'interrupt each run after this long and revert ("30m")', '30m')
    .option('--suspend', 'create the CronJob suspended')
    .option(
      '--store-secret <name/key>',
      "record each run in the runs store whose URL is this Secret's key (FAULTLINE_STORE)",
    )
    .option('--plan', 'the file is a game day plan (docs/gamedays.md): the Job runs `faultline gameday run`');
}

/** Load and validate the experiment, then the schedule's specification. */
export async function scheduleSpecFrom(
  source: string,
  flags: ScheduleSpecFlags,
  globals: GlobalFlags,
  io: CliIo,
): Promise<ScheduleSpec> {
  const { loadSettings, parseWait } = await import('@faultline/core');
  const { settings } = await loadSettings(globals.settings, io.env);
  const run = flags.plan ? await planFiles(source, settings, io) : await experimentFiles(source, settings, io);
  return {
    name: flags.name,
    namespace: flags.namespace,
    cron: flags.cron,
    ...(flags.timeZone ? { timeZone: flags.timeZone } : {}),
    ...run,
    maxDurationSeconds: Math.ceil(parseWait(flags.maxDuration, '--max-duration')),
    image: flags.image,
    ...(flags.suspend ? { suspend: true } : {}),
    ...(flags.storeSecret ? { storeSecret: secretRef(flags.storeSecret) } : {}),
  };
}

function secretRef(value: string): { name: string; key: string } {
  const [name, key, extra] = value.split('/');
  if (!name || !key || extra !== undefined)
    throw new UsageError(`--store-secret must be <secret name>/<key>, got "${value}"`, {
      hint: 'e.g. --store-secret faultline-store/url',
    });
  return { name, key };
}

/** Warn about Kubernetes activities whose permissions are not known (so not granted). */
export function warnUnknownActivities(unknown: readonly string[], io: CliIo): void {
  if (unknown.length)
    io.stderr.write(
      `warning: no permission rule for ${unknown.join(', ')}: the schedule's Role does not grant what they need\n`,
    );
}
