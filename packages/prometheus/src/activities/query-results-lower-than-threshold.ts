import { defineActivity } from '@faultline/core';
import { thresholdArguments, thresholdCheck } from './threshold-check.js';

export const queryResultsLowerThanThreshold = defineActivity({
  name: 'query_results_lower_than_threshold',
  type: 'probe',
  description:
    'Tolerance: true when every value of a query/query_interval result is below `threshold` (false when empty).',
  python: ['chaosprometheus.verification.probes'],
  arguments: thresholdArguments,
  run: (args, ctx) => thresholdCheck(args, ctx, 'lower'),
});
