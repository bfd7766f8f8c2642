import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { loadSettings, parseWait, UsageError } from '@faultline/core';
import { renderSchedule, type RenderedSchedule, type ScheduleSpec } from '@faultline/kubernetes/schedule';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { loadAndValidate } from '../load-and-validate.js';
import type { ScheduleSpecFlags } from './schedule.js';

type RunFiles = Pick<ScheduleSpec, 'files' | 'entry' | 'experiments'>;

/**
 * `schedule render` and `apply`: the schedule's objects, from the experiment (or plan) loaded and
 * validated; warns about Kubernetes activities whose permissions are not known (so not granted).
 */
export async function renderedSchedule(
  source: string,
  flags: ScheduleSpecFlags,
  globals: GlobalFlags,
  io: CliIo,
): Promise<RenderedSchedule['objects']> {
  const rendered = await renderSchedule(await scheduleSpec(source, flags, globals, io));
  if (rendered.unknownActivities.length)
    io.stderr.write(
      `warning: no permission rule for ${rendered.unknownActivities.join(', ')}: the schedule's Role does not grant what they need\n`,
    );
  return rendered.objects;
}

async function scheduleSpec(
  source: string,
  flags: ScheduleSpecFlags,
  globals: GlobalFlags,
  io: CliIo,
): Promise<ScheduleSpec> {
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

/** One experiment: a local file kept as written (comments and all, for review in GitOps); a URL as JSON. */
async function experimentFiles(source: string, settings: Record<string, unknown>, io: CliIo): Promise<RunFiles> {
  const loaded = await loadAndValidate(source, { cwd: io.cwd, env: io.env, settings });
  await loaded.resolver.close();
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
    await loaded.resolver.close();
    files[name] = await readFile(path, 'utf8');
    experiments.push(loaded.experiment as unknown as Record<string, unknown>);
  }
  return { files, entry: { kind: 'plan', file }, experiments };
}

function secretRef(value: string): { name: string; key: string } {
  const [name, key, extra] = value.split('/');
  if (!name || !key || extra !== undefined)
    throw new UsageError(`--store-secret must be <secret name>/<key>, got "${value}"`, {
      hint: 'e.g. --store-secret faultline-store/url',
    });
  return { name, key };
}
