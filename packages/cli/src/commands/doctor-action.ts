import { bearerTokenFor, exitCodes, loadExperimentDocument, loadSettings } from '@faultline/core';
import { formatDoctorReport, runDoctor } from '@faultline/kubernetes/doctor';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import type { DoctorFlags } from './doctor.js';

export async function doctorCommand(
  source: string | undefined,
  flags: DoctorFlags,
  globals: GlobalFlags,
  io: CliIo,
): Promise<void> {
  const { settings } = await loadSettings(globals.settings, io.env);
  let experiment: Record<string, unknown> | undefined;
  if (source) {
    const document = await loadExperimentDocument(source, {
      cwd: io.cwd,
      env: io.env,
      bearerToken: bearerTokenFor(source, settings),
    });
    experiment = document.value as Record<string, unknown>;
  }
  const secrets = {
    ...(experiment ? experimentSecrets(experiment, io.env) : {}),
    ...(flags.context ? { KUBERNETES_CONTEXT: flags.context } : {}),
  };
  const report = await runDoctor({ experiment, secrets, settings, env: io.env, namespace: flags.namespace });
  io.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatDoctorReport(report));
  io.setExitCode(report.ok ? exitCodes.ok : exitCodes.failed);
}

/** Flatten an experiment's secret scopes, resolving `{type: env, key}` values from the environment. */
function experimentSecrets(
  experiment: Record<string, unknown>,
  env: Readonly<Record<string, string | undefined>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const scopes = experiment['secrets'];
  if (!scopes || typeof scopes !== 'object') return out;
  for (const scope of Object.values(scopes as Record<string, unknown>)) {
    if (!scope || typeof scope !== 'object') continue;
    for (const [key, value] of Object.entries(scope as Record<string, unknown>)) {
      if (value && typeof value === 'object' && (value as { type?: string }).type === 'env') {
        const resolved = env[String((value as { key?: string }).key)] ?? (value as { default?: unknown }).default;
        if (resolved !== undefined) out[key] = resolved;
      } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
    }
  }
  return out;
}
