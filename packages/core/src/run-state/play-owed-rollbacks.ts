import { statSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import { silentLogger } from '../activity/logger.js';
import { parseWait } from '../duration/parse-duration.js';
import type { Journal, RunEntry } from '../journal/journal.js';
import { loadExperimentDocument } from '../loader/load-experiment-document.js';
import type { Activity, Experiment } from '../model/experiment.js';
import { resolveRunInputs, type RevertJournalOptions } from '../revert/revert-journal.js';
import { RevertLedger } from '../run/revert-ledger.js';
import { runProvider } from '../run/run-provider.js';
import { substitute } from '../substitution/index.js';
import { errorMessage } from '../util/error-message.js';
import type { ListedRun } from './list-runs.js';
import { declaredRollbacks, rollbacksDigest } from './rollbacks-digest.js';

export interface RollbacksOutcome {
  /** One journal entry per rollback played, in order. */
  played: RunEntry[];
  /** Why none was played, when they were refused (the file changed, an untrusted state file…). */
  refused?: string;
}

/**
 * Plays the rollbacks a run killed hard still owes (`faultline stop`). They come from the
 * experiment file the run loaded, never from the state file or the journal: a file must not be
 * able to make Faultline run what it names. The state file only pins which file and the SHA-256
 * of its rollbacks; the file is read again and its rollbacks play only when they hash the same.
 * The state file must be the user's own and writable by nobody else. Configuration and secrets
 * are resolved from this process's environment and `--var-file` values.
 */
export async function playOwedRollbacks(
  run: ListedRun,
  journal: Journal,
  options: Omit<RevertJournalOptions, 'onReverted'>,
): Promise<RollbacksOutcome> {
  const owed = run.rollbacks!;
  const refused = (reason: string): RollbacksOutcome => ({ played: [], refused: reason });
  const untrusted = untrustedFile(run.state_path) ?? untrustedFile(dirname(run.state_path));
  if (untrusted) return refused(untrusted);
  if (typeof owed.source !== 'string' || !isAbsolute(owed.source))
    return refused('the state file names no experiment file');
  let experiment: Experiment;
  try {
    const document = await loadExperimentDocument(owed.source, { cwd: dirname(owed.source), env: options.env });
    experiment = document.value as Experiment;
  } catch (error) {
    return refused(`cannot read ${owed.source}: ${errorMessage(error)}`);
  }
  if (rollbacksDigest(experiment) !== owed.sha256)
    return refused(`the rollbacks in ${owed.source} changed since the run loaded them`);
  const rollbacks = declaredRollbacks(experiment);
  if (rollbacks.some((activity) => !activity?.provider)) return refused('a rollback names an unknown activity');
  const { secrets, configuration, redact } = await resolveRunInputs(experiment, options);
  const baseDir = dirname(owed.source);
  const played: RunEntry[] = [];
  for (const activity of rollbacks as Activity[]) {
    const started = performance.now();
    const entry: RunEntry = {
      activity: redact(structuredClone(activity)),
      output: null,
      start: new Date().toISOString(),
      status: 'succeeded',
      end: '',
      duration: 0,
    };
    try {
      const provider = substitute(activity.provider, configuration, secrets);
      const scoped = Object.assign({}, ...(provider.secrets ?? []).map((scope) => secrets[scope] ?? {}));
      const seconds = activity.timeout === undefined ? 120 : parseWait(activity.timeout, `${activity.name}.timeout`);
      const output = await runProvider(
        provider,
        { resolver: options.resolver, baseDir, verifyTls: true, env: options.env },
        {
          configuration,
          secrets: scoped,
          signal: AbortSignal.timeout(seconds * 1000),
          logger: options.logger ?? silentLogger,
          dryRun: false,
          runId: run.run_id,
          experimentDir: baseDir,
          settings: options.settings,
          experimentTitle: String(experiment.title ?? ''),
          runStartedAt: journal.start,
          registerRevert: () => RevertLedger.noopHandle,
        },
      );
      entry.output = redact(output ?? null);
    } catch (error) {
      entry.status = 'failed';
      entry.exception = [redact(errorMessage(error))];
    }
    entry.end = new Date().toISOString();
    entry.duration = (performance.now() - started) / 1000;
    played.push(entry);
  }
  return { played };
}

/** Why a state file (or its directory) cannot be trusted to pin rollbacks: not ours, or writable by others. */
function untrustedFile(path: string): string | undefined {
  const uid = process.getuid?.();
  if (uid === undefined) return undefined;
  try {
    const stat = statSync(path);
    if (stat.uid !== uid) return `${path} belongs to another user`;
    if (stat.mode & 0o022) return `${path} is writable by other users`;
  } catch (error) {
    return `cannot check ${path}: ${errorMessage(error)}`;
  }
  return undefined;
}
