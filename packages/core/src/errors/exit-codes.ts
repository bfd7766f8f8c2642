/**
 * Exit codes are public API: documented in docs/exit-codes.md and never changed silently.
 */
export const exitCodes = {
  /** Completed and the steady state held. */
  ok: 0,
  /** Completed, but the steady state deviated after the method. */
  deviated: 1,
  /** A probe failed in the hypothesis, or the run failed. */
  failed: 2,
  /** An activity could not be resolved or run at all. */
  aborted: 3,
  /** Interrupted by a signal, a control or a timeout. */
  interrupted: 4,
  /** The steady state did not hold before the method, so no fault was tried. */
  notTried: 5,
  /** A revert kept failing: a fault is still injected and a person must undo it (the output says how). */
  faultsLeft: 6,
  /** Invalid experiment, flag or settings: nothing was run. */
  invalid: 64,
  /** An unexpected error: a bug in Faultline. */
  internal: 70,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];
