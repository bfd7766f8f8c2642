import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { nodeConditions } from './node-conditions.js';

const expectations: ReadonlyArray<readonly [string, string]> = [
  ['FrequentKubeletRestart', 'False'],
  ['FrequentDockerRestart', 'False'],
  ['FrequentContainerdRestart', 'False'],
  ['ReadonlyFilesystem', 'False'],
  ['KernelDeadlock', 'False'],
  ['CorruptDockerOverlay2', 'False'],
  ['FrequentUnregisterNetDevice', 'False'],
  ['NetworkUnavailable', 'False'],
  ['MemoryPressure', 'False'],
  ['DiskPressure', 'False'],
  ['PIDPressure', 'False'],
  ['Ready', 'True'],
];

/** True when every condition a node reports is in its healthy state (the set chaosk8s checks). */
export const nodesMustBeHealthy = defineActivity({
  name: 'nodes_must_be_healthy',
  type: 'probe',
  description: 'Check that the nodes report no pressure, no kernel/runtime problem and are Ready.',
  python: ['chaosk8s.node.probes'],
  arguments: z.strictObject({ label_selector: kubeArguments.labelSelector() }),
  async run(args, ctx) {
    for (const node of await nodeConditions(ctx, args.label_selector)) {
      for (const [type, healthy] of expectations) {
        if (type in node && node[type] !== healthy) {
          ctx.logger.debug(`Node ${node['name']} does not match '${type}' expected state: ${healthy}`);
          return false;
        }
      }
    }
    return true;
  },
});
