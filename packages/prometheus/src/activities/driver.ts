import type { Driver } from '@faultline/core';
import { computeMean } from './compute-mean.js';
import { nodesCpuUsageMean } from './nodes-cpu-usage-mean.js';
import { queryInterval } from './query-interval.js';
import { queryValue } from './query-value.js';
import { query } from './query.js';
import { queryResultsHigherThanThreshold } from './query-results-higher-than-threshold.js';
import { queryResultsLowerThanThreshold } from './query-results-lower-than-threshold.js';
import { slo } from './slo.js';
import { grafanaAnnotationsControl } from '../controls/grafana-annotations.js';
import { pushgatewayMetricsControl } from '../controls/pushgateway-metrics.js';

export const driver: Driver = {
  name: '@faultline/prometheus',
  activities: [
    query,
    queryInterval,
    computeMean,
    nodesCpuUsageMean,
    queryValue,
    slo,
    queryResultsLowerThanThreshold,
    queryResultsHigherThanThreshold,
  ],
  controls: [pushgatewayMetricsControl, grafanaAnnotationsControl],
};
