import type { Logger } from '../activity/logger.js';
import { silentLogger } from '../activity/logger.js';
import { resolveConfiguration, resolveSecrets } from '../configuration/index.js';
import type { Journal } from '../journal/journal.js';
import { createRedactor } from '../redaction/index.js';
import type { ActivityResolver } from '../resolve/activity-resolver.js';
import { RevertLedger } from '../run/revert-ledger.js';
import type { PendingRevert } from './revert-spec.js';
import { runRevert, type RevertRetry } from './run-revert.js';

export interface RevertJournalOptions {
  resolver: ActivityResolver;
  env: Readonly<Record<string, string | undefined>>;
  settings: Readonly<Record<string, unknown>>;
  /** Directory relative module paths of the reverts resolve from. */
  cwd: string;
  /** `--var-file` values: configuration and secrets the reverts need. */
  vars?: { configuration?: Record<string, unknown>; secrets?: Record<string, Record<string, unknown>> };
  logger?: Logger;
  retry?: RevertRetry;
  /** Called after each revert (printing progress). */
  onReverted?: (revert: PendingRevert) => void;
}

export interface RevertOutcome {
  reverted: PendingRevert[];
  failed: PendingRevert[];
}

/**
 * Runs the reverts a journal still lists as pending (or failed), newest first, recording the outcome
 * on the journal (the caller writes it). Used after a hard kill by `faultline revert` and by
 * `faultline stop` for a run whose process is gone.
 */
export async function revertJournal(journal: Journal, options: RevertJournalOptions): Promise<RevertOutcome> {
  const todo = pendingReverts(journal);
  const outcome: RevertOutcome = { reverted: [], failed: [] };
  if (!todo.length) return outcome;
  const { secrets, configuration, redact } = await resolveRunInputs(journal.experiment, options);
  const allSecrets = Object.assign({}, ...Object.values(secrets)) as Record<string, unknown>;
  for (const revert of todo) {
    await runRevert(
      revert,
      options.resolver,
      {
        configuration,
        secrets: allSecrets,
        signal: AbortSignal.timeout(120_000),
        logger: options.logger ?? silentLogger,
        dryRun: false,
        runId: journal.faultline?.run_id ?? '',
        experimentDir: options.cwd,
        settings: options.settings,
        experimentTitle: journal.experiment?.title ?? '',
        runStartedAt: journal.start,
        registerRevert: () => RevertLedger.noopHandle,
      },
      redact,
      options.retry,
    );
    (revert.status === 'reverted' ? outcome.reverted : outcome.failed).push(revert);
    options.onReverted?.(revert);
  }
  return outcome;
}

/**
 * Configuration and secrets of an experiment, resolved again after its run is gone (from this
 * process's environment and `--var-file` values; what cannot be resolved falls back to the var
 * files), and the redactor that keeps them out of errors.
 */
export async function resolveRunInputs(
  experiment: Pick<Journal['experiment'], 'configuration' | 'secrets'> | undefined | null,
  options: Pick<RevertJournalOptions, 'env' | 'vars'>,
) {
  const { env, vars = {} } = options;
  const secrets = (() => {
    try {
      return resolveSecrets(experiment?.secrets, { env, vars: vars.secrets }) as Record<
        string,
        Record<string, unknown>
      >;
    } catch {
      return vars.secrets ?? {};
    }
  })();
  const configuration = await resolveConfiguration(experiment?.configuration, {
    env,
    vars: vars.configuration,
  }).catch(() => vars.configuration ?? {});
  return { secrets, configuration, redact: createRedactor(secrets, { configuration }) };
}

/** Reverts still to run, newest first. */
export function pendingReverts(journal: Pick<Journal, 'faultline'>): PendingRevert[] {
  return (journal.faultline?.reverts ?? []).filter((r) => r.status === 'pending' || r.status === 'failed').reverse();
}
