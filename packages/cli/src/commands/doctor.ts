import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';

interface DoctorFlags {
  namespace?: string;
  context?: string;
  json?: boolean;
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

/**
 * `faultline doctor [experiment]`: checks the Kubernetes connection and, with
 * SelfSubjectAccessReview, that the credentials may do everything the experiment (or every
 * built-in activity) needs — before anything runs.
 */
export function registerDoctorCommand(program: Command, io: CliIo): void {
  program
    .command('doctor')
    .description(
      'Check the Kubernetes connection and that the credentials may do what an experiment needs (SelfSubjectAccessReview)',
    )
    .argument('[experiment]', 'experiment file or URL: check only what its activities need')
    .option('-n, --namespace <ns>', 'without an experiment: namespace to check the built-in activities in', 'default')
    .option('--context <name>', 'kubeconfig context (same as KUBERNETES_CONTEXT)')
    .option('--json', 'print the report as JSON')
    .action(async (source: string | undefined, flags: DoctorFlags, command: Command) => {
      const { loadExperimentDocument, loadSettings, bearerTokenFor, exitCodes } = await import('@faultline/core');
      const { runDoctor, formatDoctorReport } = await import('@faultline/kubernetes/doctor');
      const globals = command.optsWithGlobals<GlobalFlags>();
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
    });
}
