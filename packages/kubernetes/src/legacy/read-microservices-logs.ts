import { defineActivity } from '@faultline/core';
import { readPodLogs } from '../pods/read-pod-logs.js';

/** chaosk8s's read_microservices_logs, an alias of read_pod_logs (same arguments). */
export const readMicroservicesLogs = defineActivity({
  name: 'read_microservices_logs',
  type: 'probe',
  description: 'Alias of read_pod_logs kept by chaosk8s: the logs of the pods labelled name=<name>, by pod name.',
  python: ['chaosk8s.probes'],
  arguments: readPodLogs.arguments,
  run: (args, ctx) => readPodLogs.run(args, ctx),
});
