import type { Journal, RunEntry } from '@faultline/core';
import type { Verdict } from './demo-experiments.js';

/**
 * One word for a run, and why when it did not hold (the first probe that broke the steady state).
 * The demo's steady state must hold the whole time the faults are active, so a broken sample
 * during the method is a deviation too (with --fail-fast the journal then says `failed`).
 */
export function verdictOf(journal: Journal): { verdict: Verdict; reason?: string } {
  if (journal.status === 'interrupted' || journal.status === 'aborted') return { verdict: journal.status };
  const brokenWhileFaulted = journal.steady_states.during?.some((sample) => !sample.steady_state_met);
  if (journal.deviated || brokenWhileFaulted) return { verdict: 'deviated', reason: failedProbe(journal) };
  if (journal.status !== 'completed') return { verdict: journal.status as Verdict, reason: failedProbe(journal) };
  return { verdict: 'held' };
}

function failedProbe(journal: Journal): string | undefined {
  const states = journal.steady_states;
  for (const result of [states.before, ...(states.during ?? []), states.after]) {
    const probe = result?.probes.find((p: RunEntry) => p.tolerance_met === false || p.status === 'failed');
    if (!probe) continue;
    const error = probe.exception?.find((line) => !line.startsWith('hint:'))?.replace(/^\w+Error: /, '');
    return `${probe.activity.name}: ${probe.status === 'failed' && error ? error : (probe.tolerance_reason ?? probe.status)}`;
  }
  return undefined;
}
