import { z } from 'zod';
import { ActivityFailedError, defineActivity, pythonRegex } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';

/**
 * A tolerance probe for read_pod_logs's output: true when the pattern (a Python regular
 * expression) is found in the logs of every container, or of at least one with all_containers false.
 */
export const shouldBeFoundInLogs = defineActivity({
  name: 'should_be_found_in_logs',
  type: 'probe',
  description:
    'Tolerance for read_pod_logs: the pattern is found in the logs of every container (or of one, with all_containers false).',
  python: ['chaosk8s.pod.probes'],
  arguments: z.strictObject({
    pattern: z.string().describe('Python regular expression searched in each log'),
    all_containers: kubeArguments.boolean().default(true),
    value: z.record(z.string(), z.string()).optional().describe('the logs by container, as read_pod_logs returns them'),
  }),
  async run(args, ctx) {
    if (!args.value || Object.keys(args.value).length === 0) throw new ActivityFailedError('no logs to search from');
    const regex = pythonRegex(args.pattern);
    const matched = Object.entries(args.value).filter(([container, logs]) => {
      const found = regex.test(logs);
      ctx.logger.debug(`container '${container}' ${found ? 'matched' : 'did not match'}`);
      return found;
    });
    if (args.all_containers) return matched.length === Object.keys(args.value).length;
    return matched.length > 0;
  },
});
