import { existsSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { storeOptionHelp } from '../store/cli-store.js';

/** Extensions that make an existing last argument an output to overwrite, never a journal. */
export const reportExtensions: Record<string, string> = {
  '.html': 'html',
  '.htm': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.xml': 'junit',
  '.pdf': 'pdf',
};

const help = `
Arguments are journal files, optionally followed by the output file. The last argument is taken
as the output when there is more than one argument and it either does not exist yet or is an
existing report (.html, .htm, .md, .markdown, .xml, .pdf); otherwise every argument is a journal.
Use --output to say it explicitly. Without an output, the report goes to standard output
(PDF needs an output file).

Without --export-format the format follows the output's extension (.md, .xml, .json, .pdf,
.html), and is HTML otherwise.

Reads journals written by Faultline and by Chaos Toolkit (chaos run --journal-path=...).
Several journals make one report with a summary table and a trend per experiment.

Examples:
  chaos report --export-format=html results.json > experiment-report.html
  faultline report --export-format=markdown journal.json >> "$GITHUB_STEP_SUMMARY"
  faultline report --export-format=junit runs/*.json chaos-junit.xml
  faultline report --export-format=pdf journal.json report.pdf
  faultline report --history journal.json report.html   # with the experiment's trend and findings`;

export interface ReportFlags {
  exportFormat?: string;
  output?: string;
  title?: string;
  history?: boolean;
  store?: string;
}

/** Splits positionals into journals and an output path (see the help text for the rule). */
export function splitReportArguments(
  paths: readonly string[],
  cwd: string,
  explicitOutput?: string,
): { journals: string[]; output: string | undefined } {
  if (explicitOutput !== undefined || paths.length < 2) return { journals: [...paths], output: explicitOutput };
  const last = paths[paths.length - 1]!;
  const absolute = resolve(cwd, last);
  const isFile = existsSync(absolute) && statSync(absolute).isFile();
  if (!isFile || reportExtensions[extname(last).toLowerCase()] !== undefined)
    return { journals: paths.slice(0, -1), output: last };
  return { journals: [...paths], output: undefined };
}

export function registerReportCommand(program: Command, io: CliIo): void {
  program
    .command('report')
    .description('Turn run journals into a report: HTML (one offline file), Markdown, JSON, JUnit XML or PDF')
    .argument('<journal...>', 'journal file(s), optionally followed by the output file')
    .option(
      '--export-format <format>',
      'html | markdown | json | junit | pdf (default: from the output extension, else html)',
    )
    .option('-o, --output <path>', 'write the report to this file (all arguments are then journals)')
    .option('--history', "add each experiment's trend, resilience score and findings from the runs store (HTML, PDF)")
    .option('--store <url>', storeOptionHelp)
    .addHelpText('after', help)
    .action(async (paths: string[], flags: ReportFlags, command: Command) => {
      const { reportCommand } = await import('./report-action.js');
      await reportCommand(paths, flags, command, io);
    });
}
