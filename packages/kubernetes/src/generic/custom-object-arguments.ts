import { z } from 'zod';
import { kubeArguments } from '../arguments/kube-arguments.js';

/** group/version/plural/name/ns as chaosk8s's crd functions take them. */
export const customObjectArguments = {
  group: z.string().min(1).describe('API group, e.g. networking.istio.io'),
  version: z.string().min(1).describe('API version, e.g. v1'),
  plural: z.string().min(1).describe('resource plural, e.g. virtualservices'),
  name: z.string().min(1),
  ns: kubeArguments.ns(),
} as const;
