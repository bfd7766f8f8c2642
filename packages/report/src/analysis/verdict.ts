import type { Journal, RunEntry } from '@faultline/core';
import type { ImpactSummary } from './compute-impact.js';
import { computeImpact } from './compute-impact.js';

/** `untried`: the steady state was already broken before the method, so no fault was injected. */
export type Outcome = 'held' | 'deviated' | 'failed' | 'interrupted' | 'aborted' | 'unfinished' | 'untried';

export interface Verdict {
  outcome: Outcome;
  /** One plain sentence (or two) a non-specialist understands. */
  sentence: string;
  /** Faults whose revert failed or never ran: something may still be broken. */
  leftBehind: string[];
}

/** "a, b and c" */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The first line of an exception, without Python's traceback noise. */
export function firstErrorLine(entry: RunEntry): string | undefined {
  const lines = (entry.exception ?? [])
    .flatMap((chunk) => chunk.split('\n'))
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return undefined;
  if (lines[0] === 'Traceback (most recent call last):') return lines[lines.length - 1];
  return lines[0];
}

function why(entry: RunEntry): string {
  if (entry.tolerance_reason) return `${entry.activity.name}: ${entry.tolerance_reason}`;
  const error = firstErrorLine(entry);
  if (error) return `${entry.activity.name} failed (${error})`;
  return `${entry.activity.name} was outside its tolerance`;
}

export function outcomeOf(journal: Journal): Outcome {
  // Chaos Toolkit marks a run whose hypothesis was out of tolerance before the method as
  // "completed", not deviated, with no method run: it did not show that the system holds.
  const before = journal.steady_states.before;
  if (journal.status === 'completed' && before && !before.steady_state_met && !journal.deviated) return 'untried';
  if (journal.status === 'completed') return journal.deviated ? 'deviated' : 'held';
  if (journal.status === 'running') return 'unfinished';
  return journal.status;
}

/** The headline: what was tried, whether the system held, what deviated. */
export function verdictOf(journal: Journal, impact: ImpactSummary = computeImpact(journal)): Verdict {
  const outcome = outcomeOf(journal);
  const hypothesis = journal.experiment['steady-state-hypothesis']?.title;
  const ssh = hypothesis ? `“${hypothesis}”` : 'the steady state';
  const actions = journal.run
    .filter((e) => e.activity.type === 'action' && e.status !== 'skipped')
    .map((e) => e.activity.name);
  const tried = actions.length ? listInWords(actions) : 'the method';
  const before = journal.steady_states.before;
  const after = journal.steady_states.after;
  const failedBefore =
    before && !before.steady_state_met
      ? before.probes.find((p) => p.tolerance_met === false || p.status === 'failed')
      : undefined;
  const failedAfter =
    after && !after.steady_state_met
      ? after.probes.find((p) => p.tolerance_met === false || p.status === 'failed')
      : undefined;
  const failedActivity = [...journal.run, ...journal.rollbacks].find((e) => e.status === 'failed');
  const { samples } = impact;
  const sampled = impact.continuous
    ? ` During the run it held in ${samples.held} of ${samples.total} checks (${Math.round((samples.heldRatio ?? 0) * 100)}%).`
    : '';
  let sentence: string;
  switch (outcome) {
    case 'held':
      sentence =
        impact.continuous && samples.failed > 0
          ? `The system recovered, but did not hold throughout: while Faultline ran ${tried}, ${ssh} held in only ${samples.held} of ${samples.total} checks (${Math.round((samples.heldRatio ?? 0) * 100)}%); it was true again afterwards.`
          : `The system held: while Faultline ran ${tried}, ${ssh} was still true afterwards.${sampled}`;
      break;
    case 'deviated':
      sentence = `The system did not hold: after ${tried}, ${ssh} was no longer true${failedAfter ? ` — ${why(failedAfter)}` : ''}.${sampled}`;
      break;
    case 'untried':
      sentence = `Nothing was tried: ${ssh} was already false before any fault was injected${failedBefore ? ` — ${why(failedBefore)}` : ''}. Fix the system (or the hypothesis) and run it again.`;
      break;
    case 'failed':
      sentence = failedBefore
        ? `Nothing was tried: ${ssh} was already false before any fault was injected — ${why(failedBefore)}.`
        : failedActivity
          ? `The run failed: ${why(failedActivity)}.${sampled}`
          : `The run failed: ${ssh} did not hold while ${tried} ran.${sampled}`;
      break;
    case 'interrupted':
      sentence = `The run was stopped before it could tell whether the system holds (during ${failedActivity?.activity.name ?? tried}).`;
      break;
    case 'aborted':
      sentence = `The run was aborted: ${failedActivity ? why(failedActivity) : 'an activity could not be run'}.`;
      break;
    default:
      sentence = 'The run did not finish: this journal was written while it was still going (or the runner crashed).';
  }
  const leftBehind = journal.faultline.reverts
    .filter((r) => r.status === 'failed' || r.status === 'pending')
    .map(
      (r) =>
        `${r.title} (${r.status === 'failed' ? `revert failed: ${r.error ?? 'unknown error'}` : 'never reverted'})`,
    );
  if (leftBehind.length) {
    sentence += ` Warning: ${leftBehind.length === 1 ? 'a fault may still be in place' : `${leftBehind.length} faults may still be in place`} — run \`faultline revert\` on this journal.`;
  }
  return { outcome, sentence, leftBehind };
}
