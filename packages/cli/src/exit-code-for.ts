import { exitCodes, type Journal } from '@faultline/core';

/** Exit code of a finished run (docs/exit-codes.md). */
export function exitCodeFor(journal: Pick<Journal, 'status' | 'deviated'>): number {
  switch (journal.status) {
    case 'completed':
      return journal.deviated ? exitCodes.deviated : exitCodes.ok;
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
