export * from './driver.js';
export * from './query.js';
export * from './query-interval.js';
export * from './compute-mean.js';
export * from './nodes-cpu-usage-mean.js';
export * from './query-value.js';
export * from './slo.js';
