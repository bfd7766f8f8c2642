import type { ResourceType } from './resource-types.js';

/** batch/v1: what `faultline schedule` creates (CronJobs) and what they start (Jobs). */
export const batchResourceTypes: readonly ResourceType[] = [
  {
    group: 'batch',
    versions: ['v1'],
    plural: 'cronjobs',
    singular: 'cronjob',
    kind: 'CronJob',
    namespaced: true,
    shortNames: ['cj'],
    subresources: ['status'],
  },
  {
    group: 'batch',
    versions: ['v1'],
    plural: 'jobs',
    singular: 'job',
    kind: 'Job',
    namespaced: true,
    subresources: ['status'],
  },
];
