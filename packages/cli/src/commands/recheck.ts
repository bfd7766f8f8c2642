import type { Command } from 'commander';
import { Option } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { storeOptionHelp } from '../store/cli-store.js';

export interface RecheckFlags {
  tag?: string;
  dry?: boolean;
  store?: string;
  journalDir: string;
  output: 'text' | 'json';
}

export function registerRecheckCommand(program: Command, io: CliIo): void {
  program
    .command('recheck')
    .description('Run again the experiments of fixed and verified findings; exit 1 on a regression')
    .option('--tag <tag>', 'only experiments with this tag')
    .option('--dry', 'list what would be run, run nothing')
    .option('--journal-dir <dir>', 'where the journals of the runs are written', './recheck-journals')
    .option('--store <url>', storeOptionHelp)
    .addOption(new Option('--output <format>', 'summary format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Each experiment is run from the file or URL it was last run from (else from the copy in its latest
journal), recorded in the store, and its findings move as usual: a run that holds verifies a fixed
finding, one that deviates regresses it. Prints what changed.

Exit codes: 0 nothing regressed, 1 a finding regressed, 2 an experiment could not be run.
For CI or a schedule:
  faultline recheck --tag payments`,
    )
    .action(async (flags: RecheckFlags, command: Command) => {
      const { recheck } = await import('./recheck-action.js');
      await recheck(flags, command.optsWithGlobals<GlobalFlags>(), io);
    });
}
