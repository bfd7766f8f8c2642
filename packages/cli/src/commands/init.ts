import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

export interface InitFlags {
  experimentPath: string;
  url: string;
  force?: boolean;
  discoveryPath?: string;
}

export function registerInitCommand(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('Write a starter experiment file')
    .option('--experiment-path <path>', 'file to write (.yaml, .yml or .json)', 'experiment.yaml')
    .option('--url <url>', 'base URL of the service to probe', 'http://127.0.0.1:8080')
    .option('--force', 'overwrite an existing file')
    .option('--discovery-path <path>', 'accepted for Chaos Toolkit compatibility (the starter needs no discovery file)')
    .action(async (flags: InitFlags) => {
      const { initCommand } = await import('./init-action.js');
      await initCommand(flags, io);
    });
}
