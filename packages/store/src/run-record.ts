import { hostname, userInfo } from 'node:os';
import type { Journal } from '@faultline/core';
import { summarizeJournal } from '@faultline/report';
import { canonicalize, experimentIdentity, sha256 } from './experiment-identity.js';
import type { RecordRunInput, RunRecord, RunSummaryRecord } from './types.js';

/** The exit code `faultline run` gives this journal (docs/exit-codes.md). */
export function exitCodeOfJournal(journal: Journal): number {
  const map: Record<string, number> = { failed: 2, aborted: 3, interrupted: 4 };
  if (journal.status === 'completed') {
    if (journal.deviated) return 1;
    return journal.steady_states.before?.steady_state_met === false ? 5 : 0;
  }
  return map[journal.status] ?? 70;
}

/** Runs without an id (Chaos Toolkit journals) are named by their content, so importing twice adds nothing. */
export function runIdOf(journal: Journal): string {
  return journal.faultline?.run_id || `ctk-${sha256(JSON.stringify(canonicalize(journal))).slice(0, 24)}`;
}

function whoAmI(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}

const maxOf = (values: Array<number | null>): number | null => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? Math.max(...known) : null;
};

/** What the store keeps about a run, computed once from its journal. */
export function runRecordOf(input: RecordRunInput, now = new Date()): { record: RunRecord; summary: RunSummaryRecord } {
  const { journal } = input;
  const summary = summarizeJournal(journal);
  const faults = summary.impact.faults;
  const record: RunRecord = {
    id: runIdOf(journal),
    experimentId: experimentIdentity(journal.experiment),
    title: journal.experiment.title || '(untitled experiment)',
    tags: [...new Set((journal.experiment.tags ?? []).map(String))].sort(),
    status: journal.status,
    outcome: summary.outcome,
    deviated: journal.deviated,
    startedAt: summary.start || now.toISOString(),
    endedAt: summary.end,
    durationSeconds: summary.durationSeconds,
    exitCode: input.exitCode ?? exitCodeOfJournal(journal),
    heldRatio: summary.impact.samples.heldRatio,
    timeToImpactSeconds: maxOf(faults.map((f) => f.timeToImpactSeconds)),
    timeToRecoverSeconds: maxOf(faults.map((f) => f.timeToRecoverSeconds)),
    who: input.who === undefined ? whoAmI() : input.who,
    where: input.where === undefined ? hostname() : input.where,
    origin: input.origin ?? 'run',
    source: input.source ?? null,
    recordedAt: now.toISOString(),
  };
  return {
    record,
    summary: {
      verdict: summary.verdict,
      errors: summary.errors.map(({ phase, activity, message }) => ({ phase, activity, message })),
      faults,
      samples: {
        total: summary.impact.samples.total,
        held: summary.impact.samples.held,
        failed: summary.impact.samples.failed,
      },
    },
  };
}
