import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

export function registerSchemaCommand(program: Command, io: CliIo): void {
  program
    .command('schema')
    .description('Print the JSON Schema of the experiment format (for editor autocompletion)')
    .action(async () => {
      const { experimentJsonSchema } = await import('@faultline/core');
      io.stdout.write(`${JSON.stringify(experimentJsonSchema(), null, 2)}\n`);
    });
}
