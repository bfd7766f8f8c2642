import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { patchObject } from '../objects/patch-object.js';

/** Patch an ingress (strategic merge); reverted by restoring it as it was. */
export const updateIngress = defineActivity({
  name: 'update_ingress',
  type: 'action',
  description: 'Patch an ingress (strategic merge); reverted by restoring it as it was.',
  python: ['chaosk8s.networking.actions'],
  mutating: true,
  arguments: z.strictObject({
    name: z.string().min(1),
    spec: z.record(z.string(), z.unknown()).describe('strategic merge patch, e.g. {"spec": {...}}'),
    ns: kubeArguments.ns(),
  }),
  run: (args, ctx) =>
    patchObject(
      ctx,
      'update_ingress',
      { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: args.name, namespace: args.ns },
      args.spec,
    ),
});
