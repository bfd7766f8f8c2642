import { readFile, rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  ActivityResolver,
  collectVars,
  exitCodes,
  listRuns,
  loadSettings,
  manualUndo,
  revertJournal as revertPendingFaults,
  stopRun,
  UsageError,
  type Journal,
  type PendingRevert,
} from '@faultline/core';
import type { GlobalFlags } from '../global-flags.js';
import type { CliIo } from '../cli-io.js';
import { knownDrivers } from '../known-drivers.js';
import { reportUnplayedRollbacks } from './stop-action.js';

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
  if (!isPlainObject(journal) || !('experiment' in journal) || !Array.isArray(journal.run))
    throw new UsageError(`${journalPath} is not a journal (no "experiment" and "run" entries)`, {
      hint: 'give the journal a run wrote (--journal-path, default journal.json)',
    });
  const reverts = pendingRevertsOf(journal, journalPath);
  const todo = reverts.filter((r) => r.status === 'pending' || r.status === 'failed').reverse();
  // A run killed hard left its state file (listed by `faultline status`) and may owe its rollbacks:
  // those come from the experiment file that state file pinned (never from this journal). Once the
  // journal's reverts are done, `faultline stop` settles it: plays them and removes the state file.
  const runId = isPlainObject(journal.faultline) ? journal.faultline.run_id : undefined;
  const owing = listRuns({ env: io.env }).find((r) => r.run_id === runId && r.liveness === 'stale');
  if (!todo.length && !owing) {
    io.stdout.write('nothing to revert: every fault of this run was reverted\n');
    return;
  }
  const resolver = new ActivityResolver(knownDrivers);
  if (flags.dry) {
    // Exactly what would run: the driver function and its arguments, or why it would be refused.
    for (const revert of todo) {
      const refused = await resolver.resolveRevert(revert).then(
        () => '',
        (error: Error) => ` — REFUSED: ${error.message}`,
      );
      io.stdout.write(
        `would revert: ${revert.title} (${revert.driver} ${revert.func} ${JSON.stringify(revert.arguments)})${refused}\n`,
      );
    }
    if (owing?.rollbacks)
      io.stdout.write(
        `would play the ${owing.rollbacks!.count} rollback(s) of ${owing.rollbacks!.source}, if unchanged since the run loaded it\n`,
      );
    return;
  }
  const vars = await collectVars({ varFiles: flags.varFile, cwd: io.cwd });
  const { settings } = await loadSettings(globals.settings, io.env);
  // The same code as a run's own reverts and `faultline stop`: retried with backoff.
  const outcome = await revertPendingFaults(journal, {
    resolver,
    env: io.env,
    settings,
    cwd: io.cwd,
    vars,
    onReverted: (revert) => {
      if (revert.status === 'reverted') io.stdout.write(`reverted: ${revert.title}\n`);
      else io.stderr.write(`could not revert ${revert.title}: ${revert.error}\n`);
    },
  });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(journal, null, 2)}\n`);
  await rename(temp, path);
  if (outcome.failed.length) io.stderr.write(manualUndo(outcome.failed));
  let unplayed = 0;
  // Faults still left keep the run listed (and are not tried again here) unless rollbacks are owed.
  if (owing && (owing.rollbacks || !outcome.failed.length)) {
    const results = await stopRun(owing.run_id, {
      env: io.env,
      revert: { resolver, env: io.env, settings, cwd: io.cwd, vars },
    });
    for (const entry of results.flatMap((r) => r.rollbacks?.played ?? []))
      io.stdout.write(`rollback "${entry.activity.name}": ${entry.status}\n`);
    unplayed = reportUnplayedRollbacks(results, io).length;
  }
  io.setExitCode(outcome.failed.length || unplayed ? exitCodes.faultsLeft : exitCodes.ok);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The journal's reverts, each checked for the shape a run writes (a forged entry is refused whole). */
function pendingRevertsOf(journal: Journal, journalPath: string): PendingRevert[] {
  const reverts: unknown = isPlainObject(journal.faultline) ? journal.faultline.reverts : undefined;
  if (reverts === undefined || reverts === null) return [];
  const bad = !Array.isArray(reverts)
    ? 'faultline.reverts is not a list'
    : reverts
        .map((r: unknown, i) =>
          isPlainObject(r) &&
          typeof r.title === 'string' &&
          typeof r.driver === 'string' &&
          typeof r.func === 'string' &&
          typeof r.status === 'string' &&
          isPlainObject(r.arguments)
            ? ''
            : `faultline.reverts[${i}] is not a revert (title, driver, func, status, arguments)`,
        )
        .find(Boolean);
  if (bad) throw new UsageError(`${journalPath}: ${bad}`);
  return reverts as PendingRevert[];
}
