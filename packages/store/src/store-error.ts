import { FaultlineError } from '@faultline/core';

/** The store cannot be opened, reached or read (a run still finishes: its record is queued). */
export class StoreError extends FaultlineError {
  static override readonly brand: string = 'StoreError';
  constructor(message: string, options: { code?: string; hint?: string; cause?: unknown } = {}) {
    super(message, { code: 'E_STORE', ...options });
  }
}
