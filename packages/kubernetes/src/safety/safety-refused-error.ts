import { ActivityFailedError } from '@faultline/core';
import type { SafetyDecision } from './safety-decision.js';

/** A safety guard refused the fault: nothing was changed. */
export class SafetyRefusedError extends ActivityFailedError {
  static override readonly brand: string = 'SafetyRefusedError';
  readonly decisions: readonly SafetyDecision[];

  constructor(message: string, decisions: readonly SafetyDecision[], hint: string) {
    super(message, { code: 'E_K8S_SAFETY', hint });
    this.decisions = decisions;
  }
}
