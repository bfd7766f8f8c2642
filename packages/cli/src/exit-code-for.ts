import { exitCodes, type Journal } from '@faultline/core';

/** Exit code of a finished run (docs/exit-codes.md). */
export function exitCodeFor(journal: Pick<Journal, 'status' | 'deviated' | 'steady_states' | 'faultline'>): number {
  // A fault still injected matters more than how the run went: a person must act.
  if (journal.faultline?.reverts?.some((r) => r.status === 'failed' || r.status === 'pending'))
    return exitCodes.faultsLeft;
  switch (journal.status) {
    case 'completed':
      if (journal.deviated) return exitCodes.deviated;
      // Chaos Toolkit exits 0 here; a system that was not steady to begin with proved nothing.
      return journal.steady_states?.before?.steady_state_met === false ? exitCodes.notTried : exitCodes.ok;
    case 'failed':
      return exitCodes.failed;
    case 'aborted':
      return exitCodes.aborted;
    case 'interrupted':
      return exitCodes.interrupted;
    default:
      return exitCodes.internal;
  }
}
