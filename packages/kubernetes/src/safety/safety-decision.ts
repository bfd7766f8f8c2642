/** One safety check and its outcome, logged and returned in the activity's output (so in the journal). */
export interface SafetyDecision {
  check: 'namespace' | 'opt-in' | 'blast-radius' | 'min-ready' | 'dry-run';
  outcome: 'allowed' | 'refused' | 'skipped';
  detail: string;
}
