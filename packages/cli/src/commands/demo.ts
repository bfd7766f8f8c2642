import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';

export function registerDemoCommand(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description('Run an example experiment end to end against a local service this command starts')
    .option('--out <dir>', 'where the journal and the HTML report go', 'faultline-demo')
    .option('--experiment <path>', 'experiment to run against the demo service', '')
    .action(async (flags: { out: string; experiment: string }, command: Command) => {
      const { runDemo } = await import('../demo/run-demo.js');
      await runDemo(flags, command.optsWithGlobals<GlobalFlags>(), io);
    });
}
