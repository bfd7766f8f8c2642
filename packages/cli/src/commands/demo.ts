import { Option, type Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';

export function registerDemoCommand(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description(
      'Find a weakness, fix it, prove the fix: run examples/local against a naive and a resilient local shop',
    )
    .option('--out <dir>', 'where the journals and HTML reports go', 'faultline-demo')
    .option('--experiment <path>', 'run this experiment against both shops instead of examples/local', '')
    .option('--ci', 'plain output; exit 1 unless the naive shop deviated and the resilient one held as expected')
    .addOption(
      new Option(
        '--serve <mode>',
        'only start this shop and keep it up until Ctrl-C (to run examples/local by hand)',
      ).choices(['naive', 'resilient']),
    )
    .action(
      async (
        flags: { out: string; experiment: string; ci?: boolean; serve?: 'naive' | 'resilient' },
        command: Command,
      ) => {
        if (flags.serve) return (await import('../demo/serve-shop.js')).serveShop(flags.serve, flags.out, io);
        const { runDemo } = await import('../demo/run-demo.js');
        await runDemo(flags, command.optsWithGlobals<GlobalFlags>(), io);
      },
    );
}
