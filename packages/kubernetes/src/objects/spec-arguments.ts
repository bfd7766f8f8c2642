import { z } from 'zod';
import { kubeArguments } from '../arguments/kube-arguments.js';

/** Arguments of chaosk8s's create_* functions that read one object from a file. */
export const specArguments = {
  spec_path: z.string().min(1).describe('JSON or YAML file of the object (relative to the experiment)'),
  ns: kubeArguments.ns(),
} as const;

/** Arguments of chaosk8s's delete_* functions that select by name or label selector. */
export const selectionArguments = {
  name: z
    .string()
    .optional()
    .describe('object name (every object of the namespace when neither name nor label_selector is set)'),
  ns: kubeArguments.ns(),
  label_selector: kubeArguments.labelSelector(),
} as const;
