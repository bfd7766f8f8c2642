import { z } from 'zod';
import { kubeArguments } from '../arguments/kube-arguments.js';

/** The arguments chaosk8s's crd functions share. */
export const crdArguments = {
  group: z.string().min(1).describe('API group, e.g. chaos-mesh.org'),
  version: z.string().min(1).describe('API version, e.g. v1alpha1'),
  plural: z.string().min(1).describe('resource plural, e.g. networkchaos'),
  name: z.string().min(1),
  ns: kubeArguments.ns(),
  force: kubeArguments.boolean().default(false).describe('accepted as in chaosk8s (it has no effect on these calls)'),
  resource: z.record(z.string(), z.unknown()).optional().describe('the object (or patch) inline'),
  resource_as_yaml_file: z.string().optional().describe('YAML file holding it (relative to the experiment)'),
} as const;
