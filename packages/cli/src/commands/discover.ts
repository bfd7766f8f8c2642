import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

export function registerDiscoverCommand(program: Command, io: CliIo): void {
  program
    .command('discover')
    .description('List every activity and control Faultline provides, with its arguments')
    .argument(
      '[drivers...]',
      "limit to these drivers (kubernetes, @faultline/prometheus, or Chaos Toolkit's package name: chaostoolkit-kubernetes)",
    )
    .option('--json', 'print a machine-readable discovery document')
    .option(
      '--discovery-path <path>',
      'also write the JSON document to this file (Chaos Toolkit writes discovery.json)',
    )
    .option('--no-system-info', 'accepted for Chaos Toolkit compatibility (Faultline collects no system information)')
    .option('--no-install', 'accepted for Chaos Toolkit compatibility (Faultline never installs packages)')
    .action(
      async (
        names: string[],
        flags: { json?: boolean; discoveryPath?: string; systemInfo: boolean; install: boolean },
      ) => {
        const { ignoredOption } = await import('../ignored-option.js');
        if (!flags.systemInfo) ignoredOption(io, '--no-system-info', 'Faultline collects no system information');
        if (!flags.install)
          ignoredOption(io, '--no-install', 'Faultline never installs packages: its drivers are built in');
        const { discover } = await import('./discover-action.js');
        await discover(names, flags, io);
      },
    );
}
