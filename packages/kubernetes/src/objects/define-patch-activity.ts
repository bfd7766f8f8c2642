import { z } from 'zod';
import { defineActivity } from '@faultline/core';
import { kubeArguments } from '../arguments/kube-arguments.js';
import { patchObject } from './patch-object.js';

/**
 * chaosk8s's `update_<kind>(name, spec, ns)` actions, which differ only in the kind they patch:
 * a strategic merge patch of one namespaced object, reverted by restoring it as it was.
 */
export function definePatchActivity(target: {
  name: string;
  /** chaosk8s modules that name the function. */
  python: string[];
  apiVersion: string;
  kind: string;
  /** "a daemon set", for the description. */
  noun: string;
}) {
  const description = `Patch ${target.noun} (strategic merge); reverted by restoring it as it was.`;
  return defineActivity({
    name: target.name,
    type: 'action',
    description,
    python: target.python,
    mutating: true,
    arguments: z.strictObject({
      name: z.string().min(1),
      spec: z.record(z.string(), z.unknown()).describe('strategic merge patch, e.g. {"spec": {...}}'),
      ns: kubeArguments.ns(),
    }),
    run: (args, ctx) =>
      patchObject(
        ctx,
        target.name,
        { apiVersion: target.apiVersion, kind: target.kind, name: args.name, namespace: args.ns },
        args.spec,
      ),
  });
}
