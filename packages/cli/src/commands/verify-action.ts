import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exitCodes, UsageError, type Journal } from '@faultline/core';
import { loadSloFile, verifyJournal } from '@faultline/prometheus';
import type { CliIo } from '../cli-io.js';
import type { VerifyFlags } from './verify.js';

/** `faultline verify`: the SLOs of a file, evaluated over the run's window, printed with a verdict. */
export async function verifyCommand(journalPath: string, flags: VerifyFlags, io: CliIo): Promise<void> {
  const read = async (path: string, what: string): Promise<string> => {
    try {
      return await readFile(resolve(io.cwd, path), 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read the ${what} ${path}: ${(error as Error).message}`, {
        code: 'E_USAGE',
      });
    }
  };
  const journalText = await read(journalPath, 'journal');
  let journal: Journal;
  try {
    journal = JSON.parse(journalText) as Journal;
  } catch (error) {
    throw new UsageError(`${journalPath} is not a JSON journal: ${(error as Error).message}`, {
      code: 'E_JOURNAL',
      hint: 'pass the journal.json written by faultline run',
    });
  }
  const slos = loadSloFile(await read(flags.slo, 'SLO file'), flags.slo);
  const report = await verifyJournal({
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
  io.setExitCode(report.violated > 0 ? exitCodes.deviated : report.noData > 0 ? exitCodes.failed : exitCodes.ok);
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Number(value.toPrecision(6)).toString();
}
