import { Argument, type Command } from 'commander';
import type { CliIo } from '../cli-io.js';

export function registerInfoCommand(program: Command, io: CliIo): void {
  program
    .command('info')
    .description('Show versions, the drivers available, or the settings file (core | extensions | settings)')
    .addArgument(new Argument('[target]', 'what to show').choices(['core', 'extensions', 'settings']).default('core'))
    .action(async (target: string, _flags: unknown, command: Command) => {
      const { infoCommand } = await import('./info-action.js');
      await infoCommand(target, command, io);
    });
}
