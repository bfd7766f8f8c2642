import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';

export interface DoctorFlags {
  namespace?: string;
  context?: string;
  json?: boolean;
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
    .addHelpText(
      'after',
      `
Exit code 2 when a permission is missing or the cluster is unreachable.

Examples:
  faultline doctor experiment.yaml
  faultline doctor -n shop --context staging --json`,
    )
    .action(async (source: string | undefined, flags: DoctorFlags, command: Command) => {
      const { doctorCommand } = await import('./doctor-action.js');
      await doctorCommand(source, flags, command.optsWithGlobals<GlobalFlags>(), io);
    });
}
