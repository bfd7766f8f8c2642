import type { Journal } from '@faultline/core';
import type { RecordResult, RunOrigin } from '@faultline/store';
import type { CliIo } from '../cli-io.js';
import { queueDirectory, storeUrl } from './cli-store.js';

export interface RecordOptions {
  flag: string | undefined;
  settings: Record<string, unknown>;
  source: string;
  exitCode: number;
  origin?: RunOrigin;
  json: boolean;
  color: boolean;
}

/**
 * Records a finished run in the store and says what it changed: a proposed finding, a verified
 * fix, and — loudly — a regression. A store that cannot be reached never fails the run: the
 * record is queued on disk, delivered by the next command that opens the store, and one line on
 * stderr says so. Returns the result, or undefined when the record was queued.
 */
export async function recordFinishedRun(
  journal: Journal,
  options: RecordOptions,
  io: CliIo,
): Promise<RecordResult | undefined> {
  const { openStore, flushQueue, queueRecord } = await import('@faultline/store');
  const input = { journal, exitCode: options.exitCode, origin: options.origin ?? 'run', source: options.source };
  let url = '';
  try {
    url = await storeUrl(options.flag, options.settings, io);
    const store = await openStore(url);
    try {
      const result = await store.recordRun(input);
      announce(result, options, io);
      const delivered = await flushQueue(await queueDirectory(io), url, (queued) => store.recordRun(queued));
      if (delivered) io.stderr.write(`store: delivered ${delivered} queued run${delivered > 1 ? 's' : ''}\n`);
      return result;
    } finally {
      await store.close();
    }
  } catch (error) {
    try {
      const path = await queueRecord(await queueDirectory(io), url || 'unresolved', input);
      io.stderr.write(`store: run not recorded (${(error as Error).message}); queued in ${path}\n`);
    } catch (queueError) {
      io.stderr.write(
        `store: run not recorded (${(error as Error).message}) and could not be queued (${(queueError as Error).message}); the journal has it\n`,
      );
    }
    return undefined;
  }
}

function announce(result: RecordResult, options: RecordOptions, io: CliIo): void {
  const loud = (text: string) => (options.color ? `\x1b[1;31m${text}\x1b[0m` : text);
  for (const { finding, to } of result.transitions) {
    const link = finding.fixLink ? ` (fix: ${finding.fixLink})` : '';
    if (to === 'regressed') {
      const line = `REGRESSION: finding #${finding.id} "${finding.title}"${link} is back: this run deviated again. It is reopened as regressed.`;
      // on stderr too, so it is seen even when stdout is NDJSON for a machine
      if (options.json) io.stderr.write(`${line}\n`);
      else io.stdout.write(`\n${loud(`!!! ${line}`)}\n\n`);
    } else if (!options.json) {
      io.stdout.write(`Finding #${finding.id} "${finding.title}" verified: the run held after the fix${link}.\n`);
    }
  }
  if (result.proposed) {
    // with --output json stdout is NDJSON whose last event carries the journal: notes go to stderr
    (options.json ? io.stderr : io.stdout).write(
      `Finding #${result.proposed.id} proposed: ${result.proposed.title} (review it: faultline findings show ${result.proposed.id})\n`,
    );
  }
}
