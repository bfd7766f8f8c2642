import { readFile, rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  ActivityResolver,
  collectVars,
  createRedactor,
  exitCodes,
  loadSettings,
  resolveConfiguration,
  resolveSecrets,
  silentLogger,
  UsageError,
  type Journal,
  type PendingRevert,
  RevertLedger,
  runRevert,
} from '@faultline/core';
import type { GlobalFlags } from '../global-flags.js';
import type { CliIo } from '../cli-io.js';
import { knownDrivers } from '../known-drivers.js';

/** Runs the reverts a journal still lists as pending (or failed), newest first, and records the outcome. */
export async function revertJournal(
  journalPath: string,
  flags: { varFile: string[]; dry?: boolean },
  globals: GlobalFlags,
  io: CliIo,
): Promise<void> {
  const path = resolve(io.cwd, journalPath);
  let journal: Journal;
  try {
    journal = JSON.parse(await readFile(path, 'utf8')) as Journal;
  } catch (error) {
    throw new UsageError(`cannot read journal ${journalPath}: ${(error as Error).message}`);
  }
  const reverts: PendingRevert[] = journal.faultline?.reverts ?? [];
  const todo = reverts.filter((r) => r.status === 'pending' || r.status === 'failed').reverse();
  if (!todo.length) {
    io.stdout.write('nothing to revert: every fault of this run was reverted\n');
    return;
  }
  if (flags.dry) {
    for (const revert of todo) io.stdout.write(`would revert: ${revert.title} (${revert.driver} ${revert.func})\n`);
    return;
  }
  const vars = await collectVars({ varFiles: flags.varFile, cwd: io.cwd });
  const secrets = resolveSecrets(journal.experiment.secrets, { env: io.env, vars: vars.secrets }) as Record<
    string,
    Record<string, unknown>
  >;
  const configuration = await resolveConfiguration(journal.experiment.configuration, {
    env: io.env,
    vars: vars.configuration,
  }).catch(() => vars.configuration);
  const allSecrets = Object.assign({}, ...Object.values(secrets)) as Record<string, unknown>;
  const { settings } = await loadSettings(globals.settings, io.env);
  const redact = createRedactor(secrets, { configuration });
  const resolver = new ActivityResolver(knownDrivers);
  let failed = 0;
  for (const revert of todo) {
    await runRevert(
      revert,
      resolver,
      {
        configuration,
        secrets: allSecrets,
        signal: AbortSignal.timeout(120_000),
        logger: silentLogger,
        dryRun: false,
        runId: journal.faultline.run_id,
        experimentDir: io.cwd,
        settings,
        experimentTitle: journal.experiment.title,
        runStartedAt: journal.start,
        registerRevert: () => RevertLedger.noopHandle,
      },
      redact,
    );
    if (revert.status === 'reverted') {
      io.stdout.write(`reverted: ${revert.title}\n`);
    } else {
      failed++;
      io.stderr.write(`could not revert ${revert.title}: ${revert.error}\n`);
    }
  }
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(journal, null, 2)}\n`);
  await rename(temp, path);
  io.setExitCode(failed ? exitCodes.failed : exitCodes.ok);
}
