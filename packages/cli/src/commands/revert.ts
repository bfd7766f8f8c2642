import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';

export function registerRevertCommand(program: Command, io: CliIo): void {
  program
    .command('revert')
    .description('Revert the faults a run left injected (after a hard kill), as recorded in its journal')
    .argument('<journal>', 'journal written by `faultline run`')
    .option(
      '--var-file <path>',
      'configuration and secrets the reverts need (JSON/YAML or .env)',
      (v: string, p: string[]) => [...p, v],
      [],
    )
    .option('--dry', 'list what would be reverted, change nothing')
    .action(async (journalPath: string, flags: { varFile: string[]; dry?: boolean }, command: Command) => {
      const { revertJournal } = await import('./revert-action.js');
      await revertJournal(journalPath, flags, command.optsWithGlobals<GlobalFlags>(), io);
    });
}
