import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

export interface VerifyFlags {
  slo: string;
  prometheusUrl?: string;
  marginBefore?: string;
  marginAfter?: string;
  json?: boolean;
  insecure?: boolean;
}

/**
 * `faultline verify <journal> --slo slo.yaml`: evaluate SLOs against Prometheus over the run's time
 * window and fail the CI job on a violation (what the seed's validate_metrics.py did by hand).
 * Exit codes: 0 all met, 1 (deviated) a rule was violated, 2 (failed) a rule had no data or
 * Prometheus could not be queried, 64 (invalid) bad journal, SLO file or flag.
 */
export function registerVerifyCommand(program: Command, io: CliIo): void {
  program
    .command('verify')
    .description('check SLOs against Prometheus over the time window of a run journal')
    .argument('<journal>', 'journal written by faultline run (journal.json)')
    .requiredOption('--slo <file>', 'SLO file (YAML or JSON): slos: [{name, indicator, objective}]')
    .option(
      '--prometheus-url <url>',
      "Prometheus base URL (default: the SLO file's prometheus_url, then the experiment's prometheus_base_url)",
    )
    .option('--margin-before <duration>', 'start the window this long before the run started (e.g. 1m)', '0s')
    .option('--margin-after <duration>', 'end the window this long after the run ended (e.g. 1m)', '0s')
    .option('--json', 'print the report as JSON')
    .option('--insecure', "do not verify Prometheus' TLS certificate")
    .addHelpText(
      'after',
      [
        '',
        'Credentials come from the environment: PROMETHEUS_BEARER_TOKEN, or PROMETHEUS_USERNAME and PROMETHEUS_PASSWORD.',
        'In an indicator, $window is replaced by the window length (rate(x[$window])).',
        'Exit codes: 0 all SLOs met, 1 an SLO was violated, 2 no data or Prometheus unreachable, 64 invalid input.',
      ].join('\n'),
    )
    .action(async (journalPath: string, flags: VerifyFlags) => {
      const { verifyCommand } = await import('./verify-action.js');
      await verifyCommand(journalPath, flags, io);
    });
}
