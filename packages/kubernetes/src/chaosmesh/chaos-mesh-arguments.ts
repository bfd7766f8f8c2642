import { z } from 'zod';
import { kubeArguments } from '../arguments/kube-arguments.js';

const list = () => z.union([z.string(), z.array(z.string())]).optional();
const selectors = () => z.union([z.string(), z.record(z.string(), z.string())]).optional();
const modes = ['one', 'all', 'fixed', 'fixed-percent', 'random-max-percent'] as const;

/** Pod selection of chaosk8s's chaosmesh functions (the target of a Chaos Mesh experiment). */
export const podSelectorArguments = {
  name: z.string().min(1).describe('name of the Chaos Mesh object'),
  ns: kubeArguments.ns(),
  namespaces_selectors: list().describe('namespaces of the pods ("a,b" or a list)'),
  label_selectors: selectors().describe('labels of the pods ("k=v,k2=v2" or a map)'),
  annotations_selectors: selectors().describe('annotations of the pods ("k=v" or a map)'),
  mode: z.enum(modes).default('one').describe('how many selected pods are affected'),
  mode_value: z.union([z.string(), z.number()]).optional().describe('count or percentage for fixed/percent modes'),
  direction: z.enum(['to', 'from', 'both']).default('to'),
} as const;

/** The network functions' second selection: the peers of the traffic that is disturbed. */
export const networkTargetArguments = {
  external_targets: list().describe('IPs or hosts outside the cluster'),
  target_mode: z.enum(modes).optional().default('one'),
  target_mode_value: z.union([z.string(), z.number()]).optional(),
  target_namespaces_selectors: list(),
  target_label_selectors: selectors(),
  target_annotations_selectors: selectors(),
} as const;

/** Numbers Chaos Mesh takes as strings ("50" percent, "10ms") may be written as numbers. */
export const quantity = () =>
  z
    .union([z.string(), z.number()])
    .optional()
    .transform((value) => (value === undefined ? undefined : String(value)));
