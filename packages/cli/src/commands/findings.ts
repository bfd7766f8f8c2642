import type { Command } from 'commander';
import { Option } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { storeOptionHelp } from '../store/cli-store.js';

export interface FindingFlags {
  store?: string;
  experiment?: string;
  title?: string;
  severity?: string;
  owner?: string;
  fixLink?: string;
  description?: string;
  run?: string;
  state?: string;
  note?: string;
  tag?: string;
  output: 'text' | 'json';
}

const states = ['open', 'fixed', 'verified', 'regressed'];
const severities = ['low', 'medium', 'high', 'critical'];
const outputOption = () => new Option('--output <format>', 'output format').choices(['text', 'json']).default('text');

export function registerFindingsCommand(program: Command, io: CliIo): void {
  const findings = program
    .command('findings')
    .description('Weaknesses found by experiments: open → fixed → verified, or regressed')
    .addHelpText(
      'after',
      `
A deviated run proposes a finding for its experiment. Mark it fixed with a link to the fix; the next
run of the experiment that holds verifies it, and one that deviates regresses it (loudly).

Examples:
  faultline findings list --state open
  faultline findings show 3
  faultline findings update 3 --state fixed --fix-link https://git.example/pr/42 --owner payments
  faultline findings add --experiment checkout.yaml --title "Retries amplify load" --severity high`,
    );
  const run =
    (name: string) =>
    async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      const actions = await import('./findings-action.js');
      const action = actions[name as keyof typeof actions] as (
        positional: unknown[],
        flags: FindingFlags,
        globals: GlobalFlags & { store?: string },
        io: CliIo,
      ) => Promise<void>;
      await action(args.slice(0, -2), command.opts<FindingFlags>(), command.optsWithGlobals(), io);
    };

  findings
    .command('list')
    .description('List findings, newest first')
    .addOption(new Option('--state <state>', 'only this state').choices(states))
    .option('--experiment <ref>', 'only this experiment (id, prefix, title or file)')
    .option('--tag <tag>', 'only experiments with this tag')
    .option('--store <url>', storeOptionHelp)
    .addOption(outputOption())
    .action(run('listFindingsAction'));

  findings
    .command('show')
    .description('One finding with its history')
    .argument('<id>', 'finding number')
    .option('--store <url>', storeOptionHelp)
    .addOption(outputOption())
    .action(run('showFindingAction'));

  findings
    .command('add')
    .description('Record a weakness by hand')
    .requiredOption('--experiment <ref>', 'experiment (id, prefix, title or experiment file)')
    .requiredOption('--title <text>', 'what is wrong, in a sentence')
    .addOption(new Option('--severity <level>', 'how bad').choices(severities).default('medium'))
    .option('--owner <name>', 'who fixes it')
    .option('--fix-link <url>', 'link to the fix (issue, pull request)')
    .option('--description <text>', 'details')
    .option('--run <id>', 'the run that shows it')
    .option('--store <url>', storeOptionHelp)
    .addOption(outputOption())
    .action(run('addFindingAction'));

  findings
    .command('update')
    .description('Edit a finding or move it to another state (fixed needs --fix-link)')
    .argument('<id>', 'finding number')
    .option('--title <text>', 'new title')
    .addOption(new Option('--severity <level>', 'new severity').choices(severities))
    .addOption(new Option('--state <state>', 'new state').choices(states))
    .option('--owner <name>', 'new owner')
    .option('--fix-link <url>', 'link to the fix')
    .option('--description <text>', 'new details')
    .option('--note <text>', 'a note in the finding history')
    .option('--store <url>', storeOptionHelp)
    .addOption(outputOption())
    .action(run('updateFindingAction'));
}
