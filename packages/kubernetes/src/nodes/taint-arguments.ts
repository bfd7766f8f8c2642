import { z } from 'zod';
import { kubeArguments } from '../arguments/kube-arguments.js';

export const taintEffects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

/** Arguments of taint_nodes / untaint_nodes: which nodes, and the taint `key[=value]:effect`. */
export const taintArguments = z.strictObject({
  name: z.string().optional().describe('node name'),
  label_selector: kubeArguments.labelSelector(),
  key: z.string().min(1).describe('taint key, e.g. simulated-failure'),
  value: z.string().optional().describe('taint value, e.g. "true"'),
  effect: z.enum(taintEffects).default('NoSchedule'),
  _faultline_revert: kubeArguments.revertFlag(),
});
