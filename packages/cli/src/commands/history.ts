import type { Command } from 'commander';
import { Option } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';
import { storeOptionHelp } from '../store/cli-store.js';

export interface HistoryFlags {
  store?: string;
  experiment?: string;
  tag?: string;
  status?: string[];
  since?: string;
  until?: string;
  limit?: string;
  cursor?: string;
  output: 'text' | 'json';
}

const outputOption = () =>
  new Option('--output <format>', 'output format: text (default) or json').choices(['text', 'json']);
const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerHistoryCommand(program: Command, io: CliIo): void {
  const history = program
    .command('history')
    .description('Past runs from the runs store: list, show one, trend of an experiment, prune')
    .option('--store <url>', storeOptionHelp)
    .option('--experiment <ref>', 'only this experiment (id, id prefix, title or experiment file)')
    .option('--tag <tag>', 'only runs of experiments with this tag')
    .option(
      '--status <outcome>',
      'only runs with this outcome: held, deviated, failed, interrupted, aborted, untried (repeatable)',
      collect,
    )
    .option('--since <time>', 'runs started since (7d, 12h, 2026-01-31)')
    .option('--until <time>', 'runs started before (7d, 2026-01-31)')
    .option('--limit <n>', 'runs per page (default 50)')
    .option('--cursor <cursor>', 'the next page (printed under a full page)')
    .addOption(outputOption().default('text'))
    .addHelpText(
      'after',
      `
Examples:
  faultline history --since 7d --status deviated
  faultline history --experiment checkout.yaml --output json
  faultline history show 3f2a9c1e
  faultline history trend checkout.yaml
  faultline history prune --keep 90d`,
    )
    .action(async (flags: HistoryFlags, command: Command) => {
      const { listHistory } = await import('./history-action.js');
      await listHistory(flags, command.optsWithGlobals<GlobalFlags>(), io);
    });

  // Subcommands read the merged options: commander gives `history`'s own flags (--store, --output,
  // --tag …) to `history` even when they are written after the subcommand.
  history
    .command('show')
    .description('One run: outcome, verdict, impact per fault, findings it touched (--journal: the journal)')
    .argument('<run>', 'run id or unique id prefix')
    .option('--store <url>', storeOptionHelp)
    .option('--journal', 'print the run journal (JSON) instead')
    .addOption(outputOption())
    .action(async (run: string, _flags: unknown, command: Command) => {
      const { showRun } = await import('./history-action.js');
      await showRun(run, command.optsWithGlobals(), command.optsWithGlobals<GlobalFlags>(), io);
    });

  history
    .command('trend')
    .description('Pass rate, time to impact, time to recover and resilience score over time')
    .argument('[experiment]', 'experiment id, id prefix, title or experiment file')
    .option('--tag <tag>', 'the trend of every experiment with this tag instead')
    .option('--limit <n>', 'last n runs (default 1000)')
    .option('--since <time>', 'runs started since (30d, 2026-01-31)')
    .option('--store <url>', storeOptionHelp)
    .addOption(outputOption())
    .action(async (experiment: string | undefined, _flags: unknown, command: Command) => {
      const { showTrend } = await import('./history-action.js');
      await showTrend(experiment, command.optsWithGlobals(), command.optsWithGlobals<GlobalFlags>(), io);
    });

  history
    .command('experiments')
    .description('Every experiment in the store with its runs, last outcome and resilience score')
    .option('--store <url>', storeOptionHelp)
    .addOption(outputOption())
    .action(async (_flags: unknown, command: Command) => {
      const { listExperiments } = await import('./history-action.js');
      await listExperiments(command.optsWithGlobals(), command.optsWithGlobals<GlobalFlags>(), io);
    });

  history
    .command('prune')
    .description('Delete old runs (never those that evidence a finding)')
    .option('--keep <duration>', 'keep runs younger than this (default: store.retention in settings, else 90d)')
    .option('--dry', 'count what would be deleted, delete nothing')
    .option('--store <url>', storeOptionHelp)
    .action(async (_flags: unknown, command: Command) => {
      const { pruneHistory } = await import('./history-action.js');
      await pruneHistory(command.optsWithGlobals(), command.optsWithGlobals<GlobalFlags>(), io);
    });
}

export interface TrendFlags {
  tag?: string;
  limit?: string;
  since?: string;
  store?: string;
  output: string;
}
