import type { Command } from 'commander';
import { Option } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { GlobalFlags } from '../global-flags.js';

export interface StopFlags {
  timeout: string;
  force?: boolean;
  varFile: string[];
  output: 'text' | 'json';
  cluster?: boolean;
  context?: string;
  store?: string;
}

export function registerStopCommand(program: Command, io: CliIo): void {
  program
    .command('stop')
    .description(
      'Stop running experiments (the big red button): each run interrupts, reverts its faults and writes its journal',
    )
    .argument(
      '[run-id]',
      'run id (or a unique prefix of one, from `faultline status`); default: every run on this machine',
    )
    .option('--timeout <duration>', 'how long to wait for the runs to revert and end', '60s')
    .option('--force', 'kill a run still going after the timeout and revert its faults here')
    .option(
      '--var-file <path>',
      'configuration and secrets the reverts of a killed run need (JSON/YAML or .env; repeatable)',
      (v: string, p: string[]) => [...p, v],
      [],
    )
    .addOption(new Option('--output <format>', 'output format').choices(['text', 'json']).default('text'))
    .option(
      '--store <url>',
      'shared store where the runs it reverts are marked ended (default: FAULTLINE_STORE, store.url in settings)',
    )
    .option('--cluster', 'also suspend every Faultline CronJob and delete running Faultline Jobs (their pods revert)')
    .option('--context <name>', 'kubeconfig context for --cluster (same as KUBERNETES_CONTEXT)')
    .addHelpText(
      'after',
      `
A run whose process is gone (SIGKILL, node lost) is found through its state file and journal, and its
pending reverts are run by \`stop\` itself, then the rollbacks it owed (strategy always), read again
from its experiment file and played only when unchanged. Exit codes: 0 every run stopped and every
fault reverted, 4 a run did not stop in time, 6 a revert kept failing or owed rollbacks could not be
played (the output says what to undo by hand).

Examples:
  faultline stop                 # every run on this machine
  faultline stop 3f2c            # one run, by id prefix
  faultline stop --timeout 2m --force
  faultline stop --cluster       # and every scheduled run on the cluster`,
    )
    .action(async (runId: string | undefined, flags: StopFlags, command: Command) => {
      const { stopCommand } = await import('./stop-action.js');
      await stopCommand(runId, flags, command.optsWithGlobals<GlobalFlags>(), io);
    });
}
