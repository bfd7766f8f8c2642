import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { deleteDeployment } from '../deployments/delete-deployment.js';
import { deletePods } from '../pods/delete-pods.js';
import { deleteReplicaSet } from '../replicasets/delete-replica-set.js';
import { deprecated } from './deprecated.js';

/**
 * chaosk8s's deprecated kill_microservice: delete the deployment and the replica set of that name,
 * then its pods. chaosk8s passes "name in ({name})" to the pod selection unformatted (an invalid
 * selector); here {name} is replaced.
 */
export const killMicroservice = defineActivity({
  name: 'kill_microservice',
  type: 'action',
  description:
    'Deprecated in chaosk8s: delete the deployment and replica set of that name, then its pods (the deployment is not revertible).',
  python: ['chaosk8s.actions'],
  mutating: true,
  arguments: z.strictObject({
    name: z.string().min(1),
    ns: kubeArguments.ns(),
    label_selector: z.string().default('name in ({name})').describe('"{name}" is replaced by name'),
  }),
  async run(args, ctx) {
    deprecated(ctx, 'kill_microservice', 'delete_deployment/delete_replica_set/delete_pods');
    const selection = {
      name: args.name,
      ns: args.ns,
      label_selector: args.label_selector.replaceAll('{name}', args.name),
    };
    const deployments = await deleteDeployment.run(deleteDeployment.arguments.parse(selection), ctx);
    const replicaSets = await deleteReplicaSet.run(deleteReplicaSet.arguments.parse(selection), ctx);
    const pods = await deletePods.run(deletePods.arguments.parse(selection), ctx);
    return { deployments, replicaSets, pods };
  },
});
