import type { Command } from 'commander';
import { Option } from 'commander';
import type { CliIo } from '../cli-io.js';

export interface StatusFlags {
  output: 'text' | 'json';
}

export function registerStatusCommand(program: Command, io: CliIo): void {
  program
    .command('status')
    .description('List the experiments running on this machine: run id, experiment, phase, faults injected now')
    .addOption(new Option('--output <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Runs are found through their state files (FAULTLINE_RUNS_DIR, default ~/.local/state/faultline/runs).
A "stale" run's process is gone (killed, node lost) while faults are still listed: \`faultline stop\` reverts them.

Examples:
  faultline status
  faultline status --output json`,
    )
    .action(async (flags: StatusFlags) => {
      const { statusCommand } = await import('./status-action.js');
      statusCommand(flags, io);
    });
}
