import { readFile, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { checkOutputPath, UsageError } from '@faultline/core';
import { parseJournal, parseExportFormat, renderReport } from '@faultline/report';
import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { reportExtensions, splitReportArguments, type ReportFlags } from './report.js';

/** `faultline report`: reads the journals, renders one report, writes it (never over a journal). */
export async function reportCommand(paths: string[], flags: ReportFlags, command: Command, io: CliIo): Promise<void> {
  const { journals, output } = splitReportArguments(paths, io.cwd, flags.output);
  const fromExtension = output ? { ...reportExtensions, '.json': 'json' }[extname(output).toLowerCase()] : undefined;
  const format = parseExportFormat(flags.exportFormat ?? fromExtension ?? 'html');
  if (format === 'pdf' && !output) {
    throw new UsageError('a PDF report needs an output file', {
      code: 'E_REPORT_OUTPUT',
      hint: 'faultline report --export-format=pdf journal.json report.pdf',
    });
  }
  const parsed = [];
  for (const path of journals) {
    const absolute = resolve(io.cwd, path);
    let text: string;
    try {
      text = await readFile(absolute, 'utf8');
    } catch (error) {
      throw new UsageError(
        `cannot read journal ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
        {
          code: 'E_REPORT_JOURNAL',
          hint: 'pass the file written by `faultline run --journal-path=...` (default journal.json)',
          cause: error,
        },
      );
    }
    parsed.push(parseJournal(text, path));
  }
  const history = flags.history
    ? await (
        await import('../store/report-history.js')
      ).reportHistory(parsed, flags.store, command.optsWithGlobals(), io)
    : undefined;
  const report = await renderReport(format, parsed, {
    env: io.env,
    generatedAt: new Date().toISOString(),
    history,
  });
  if (output) {
    const target = checkOutputPath(output, 'report', {
      cwd: io.cwd,
      inputs: journals.map((path) => resolve(io.cwd, path)),
    });
    await writeFile(target, report);
    io.stderr.write(`${format} report of ${parsed.length} run${parsed.length > 1 ? 's' : ''} written to ${output}\n`);
  } else {
    io.stdout.write(typeof report === 'string' ? report : report.toString('utf8'));
  }
}
