import { UsageError } from '@faultline/core';
import type { IstioPercentage } from './virtual-service-types.js';

/** What users may write: chaosistio passes a plain number, Istio itself uses `{value: n}`. */
export type PercentageInput = number | { value: number };

/** Normalises a percentage to Istio's `{value: n}`, refusing anything outside 0..100. */
export function istioPercentage(input: PercentageInput, what = 'percentage'): IstioPercentage {
  const value = typeof input === 'number' ? input : input.value;
  if (!Number.isFinite(value) || value < 0 || value > 100) {
    throw new UsageError(`${what} must be between 0 and 100, got ${JSON.stringify(input)}`, {
      hint: 'write 50 or {value: 50} for half of the requests',
    });
  }
  return { value };
}
