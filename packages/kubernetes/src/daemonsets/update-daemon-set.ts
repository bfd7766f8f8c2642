import { definePatchActivity } from '../objects/define-patch-activity.js';

/** Patch a daemon set (strategic merge); reverted by restoring it as it was. */
export const updateDaemonSet = definePatchActivity({
  name: 'update_daemon_set',
  python: ['chaosk8s.daemonset.actions'],
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  noun: 'a daemon set',
});
