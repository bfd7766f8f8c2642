import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

interface VerifyFlags {
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
      const [{ readFile }, { resolve }, core, prometheus] = await Promise.all([
        import('node:fs/promises'),
        import('node:path'),
        import('@faultline/core'),
        import('@faultline/prometheus'),
      ]);
      const read = async (path: string, what: string): Promise<string> => {
        try {
          return await readFile(resolve(io.cwd, path), 'utf8');
        } catch (error) {
          throw new core.UsageError(`cannot read the ${what} ${path}: ${(error as Error).message}`, {
            code: 'E_USAGE',
          });
        }
      };
      const journalText = await read(journalPath, 'journal');
      let journal: import('@faultline/core').Journal;
      try {
        journal = JSON.parse(journalText) as import('@faultline/core').Journal;
      } catch (error) {
        throw new core.UsageError(`${journalPath} is not a JSON journal: ${(error as Error).message}`, {
          code: 'E_JOURNAL',
          hint: 'pass the journal.json written by faultline run',
        });
      }
      const slos = prometheus.loadSloFile(await read(flags.slo, 'SLO file'), flags.slo);
      const report = await prometheus.verifyJournal({
        journal,
        slos,
        prometheusUrl: flags.prometheusUrl,
        marginBefore: flags.marginBefore,
        marginAfter: flags.marginAfter,
        client: {
          bearerToken: io.env.PROMETHEUS_BEARER_TOKEN || undefined,
          username: io.env.PROMETHEUS_USERNAME || undefined,
          password: io.env.PROMETHEUS_PASSWORD || undefined,
          verifyTls: !flags.insecure,
        },
      });

      if (flags.json) {
        io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        io.stdout.write(
          `Verifying ${report.results.length} SLO(s) against ${report.prometheusUrl}\nwindow ${report.window.start} .. ${report.window.end}\n`,
        );
        const width = Math.max(...report.results.map((r) => r.name.length));
        for (const result of report.results) {
          const label = result.status === 'met' ? 'PASS   ' : result.status === 'violated' ? 'FAIL   ' : 'NO DATA';
          const measured = result.measured === null ? 'no data' : formatNumber(result.measured);
          io.stdout.write(
            `  ${label}  ${result.name.padEnd(width)}  measured ${measured}  objective ${result.objective}\n`,
          );
        }
        const summary =
          report.violated > 0
            ? `${report.violated} of ${report.results.length} SLO(s) violated`
            : report.noData > 0
              ? `${report.noData} SLO(s) had no data`
              : `all ${report.results.length} SLO(s) met`;
        io.stdout.write(`${summary}\n`);
      }
      io.setExitCode(
        report.violated > 0 ? core.exitCodes.deviated : report.noData > 0 ? core.exitCodes.failed : core.exitCodes.ok,
      );
    });
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Number(value.toPrecision(6)).toString();
}
