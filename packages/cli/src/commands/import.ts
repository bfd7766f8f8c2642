import type { Command } from 'commander';
import { Option } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { storeOptionHelp } from '../store/cli-store.js';

export function registerImportCommand(program: Command, io: CliIo): void {
  program
    .command('import')
    .description('Add existing journals (Faultline or Chaos Toolkit) to the runs store; twice adds nothing')
    .argument('<journals...>', 'journal files, or folders searched for *.json')
    .option('--store <url>', storeOptionHelp)
    .addOption(new Option('--output <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Imported runs are history: they feed trends and scores but do not move findings.

Examples:
  faultline import journal.json
  faultline import ./chaostoolkit-journals/`,
    )
    .action(async (paths: string[], flags: { store?: string; output: string }, command: Command) => {
      const { importAction } = await import('./import-action.js');
      await importAction(paths, flags, command.optsWithGlobals<GlobalFlags>(), io);
    });
}
