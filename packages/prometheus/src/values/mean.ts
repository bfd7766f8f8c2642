import { ActivityFailedError } from '@faultline/core';

export const meanTypes = ['arithmetic', 'geometric', 'harmonic'] as const;
export type MeanType = (typeof meanTypes)[number];

/**
 * Python's statistics.fmean / geometric_mean / harmonic_mean semantics, with clear errors where
 * the mean is undefined (Chaos Toolkit's compute_mean silently returned the arithmetic mean for
 * "harmonic" because of a copy-paste bug).
 */
export function mean(values: readonly number[], type: MeanType): number {
  if (values.length === 0)
    throw new ActivityFailedError('cannot compute a mean of no values', {
      hint: 'widen the window or check that the query returns data',
    });
  switch (type) {
    case 'arithmetic':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'geometric': {
      if (values.some((v) => v < 0))
        throw new ActivityFailedError('geometric mean needs non-negative values', {
          hint: 'use mean_type: arithmetic',
        });
      if (values.some((v) => v === 0)) return 0;
      // Sum of logs avoids overflow of the product over long windows.
      return Math.exp(values.reduce((a, b) => a + Math.log(b), 0) / values.length);
    }
    case 'harmonic': {
      if (values.some((v) => v < 0))
        throw new ActivityFailedError('harmonic mean needs non-negative values', { hint: 'use mean_type: arithmetic' });
      if (values.some((v) => v === 0)) return 0;
      return values.length / values.reduce((a, b) => a + 1 / b, 0);
    }
  }
}
