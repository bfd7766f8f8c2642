import type { Command } from 'commander';
import { Option } from 'commander';
import { dryModes } from '@faultline/core';
import type { CliIo } from '../cli-io.js';
import { storeOptionHelp } from '../store/cli-store.js';

export interface GamedayFlags {
  dry?: string;
  var: string[];
  varFile: string[];
  outDir: string;
  /** `--store URL`, or false with `--no-store`. */
  store?: string | false;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `faultline gameday run|schema`: a plan of experiments, run in order with gates and notifications. */
export function registerGamedayCommand(program: Command, io: CliIo): void {
  const gameday = program
    .command('gameday')
    .description('Game days: run a plan of experiments with gates, a time window and notifications');
  gameday
    .command('run')
    .description('Run a game day plan: steps in order, groups in parallel, stopping at a tripped gate')
    .argument('<plan>', 'plan file (YAML or JSON; see `faultline gameday schema`)')
    .addOption(new Option('--dry <mode>', 'run every step without touching anything').choices(dryModes))
    .option('--var <key=value>', 'configuration value for every step (repeatable)', collect, [])
    .option(
      '--var-file <path>',
      'JSON/YAML {configuration, secrets} or .env file for every step (repeatable)',
      collect,
      [],
    )
    .option('--out-dir <dir>', "where each step's journal and gameday.json are written", 'gameday')
    .option('--store <url>', storeOptionHelp)
    .option('--no-store', 'do not record the steps in the runs store')
    .addHelpText(
      'after',
      `
Exit codes: 0 every step completed, 1 the plan stopped at a gate, 3 its time window closed or its max_duration
passed before the end (the running steps are interrupted and revert),
4 interrupted (Ctrl-C / SIGTERM: the running steps revert their faults), 64 invalid plan or outside its window.

Each step is recorded in the runs store tagged gameday:<id> (\`faultline history --tag gameday:<id>\`).
\`faultline stop\` stops the running step (its faults are reverted) and the plan starts no further step.

Example:
  faultline gameday run gameday.yaml --var region=eu-west-1`,
    )
    .action(async (plan: string, flags: GamedayFlags, command: Command) => {
      const { runGameday } = await import('./gameday-action.js');
      await runGameday(plan, flags, command.optsWithGlobals(), io);
    });
  gameday
    .command('schema')
    .description('Print the JSON Schema of game day plan files (for editor autocompletion)')
    .action(async () => {
      const { planJsonSchema } = await import('../gameday/plan-schema.js');
      io.stdout.write(`${JSON.stringify(planJsonSchema(), null, 2)}\n`);
    });
}
