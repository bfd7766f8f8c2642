import { definePatchActivity } from '../objects/define-patch-activity.js';

/** Patch an ingress (strategic merge); reverted by restoring it as it was. */
export const updateIngress = definePatchActivity({
  name: 'update_ingress',
  python: ['chaosk8s.networking.actions'],
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  noun: 'an ingress',
});
