import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { patchObject } from '../objects/patch-object.js';

/** Patch a daemon set (strategic merge); reverted by restoring it as it was. */
export const updateDaemonSet = defineActivity({
  name: 'update_daemon_set',
  type: 'action',
  description: 'Patch a daemon set (strategic merge); reverted by restoring it as it was.',
  python: ['chaosk8s.daemonset.actions'],
  mutating: true,
  arguments: z.strictObject({
    name: z.string().min(1),
    spec: z.record(z.string(), z.unknown()).describe('strategic merge patch, e.g. {"spec": {...}}'),
    ns: kubeArguments.ns(),
  }),
  run: (args, ctx) =>
    patchObject(
      ctx,
      'update_daemon_set',
      { apiVersion: 'apps/v1', kind: 'DaemonSet', name: args.name, namespace: args.ns },
      args.spec,
    ),
});
