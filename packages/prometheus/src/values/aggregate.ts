import { ActivityFailedError } from '@faultline/core';

export const aggregations = ['max', 'min', 'avg', 'sum', 'last', 'first'] as const;
export type Aggregation = (typeof aggregations)[number];

/** Reduce numbers to one; NaN values must be removed by the caller (they mean "no data"). */
export function aggregate(values: readonly number[], how: Aggregation): number {
  if (values.length === 0) throw new ActivityFailedError('no values to aggregate');
  switch (how) {
    case 'max':
      return values.reduce((a, b) => Math.max(a, b));
    case 'min':
      return values.reduce((a, b) => Math.min(a, b));
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'avg':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'first':
      return values[0]!;
    case 'last':
      return values[values.length - 1]!;
  }
}
