import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

export function registerDiscoverCommand(program: Command, io: CliIo): void {
  program
    .command('discover')
    .description('List every activity and control Faultline provides, with its arguments')
    .argument('[drivers...]', 'limit to these drivers (e.g. kubernetes, @faultline/prometheus)')
    .option('--json', 'print a machine-readable discovery document')
    .option(
      '--discovery-path <path>',
      'also write the JSON document to this file (Chaos Toolkit writes discovery.json)',
    )
    .action(async (names: string[], flags: { json?: boolean; discoveryPath?: string }) => {
      const { discover } = await import('./discover-action.js');
      await discover(names, flags, io);
    });
}
