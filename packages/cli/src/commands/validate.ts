import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

export function registerValidateCommand(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('Check an experiment and report every problem at once, with file:line:column')
    .argument('<source>', 'experiment file or http(s) URL')
    .option('--json', 'print the problems as JSON')
    .option('--no-verify-tls', 'do not verify the TLS certificate of an https experiment URL')
    .action(async (source: string, flags: { json?: boolean; verifyTls: boolean }, command: Command) => {
      const { validateCommand } = await import('./validate-action.js');
      await validateCommand(source, flags, command, io);
    });
}
