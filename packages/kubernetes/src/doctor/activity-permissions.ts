import { upstreamActivityPermissions } from './upstream-activity-permissions.js';

/** One thing the credentials must be allowed to do (a SelfSubjectAccessReview's resourceAttributes). */
export interface Permission {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  /** Undefined: across all namespaces / cluster-scoped. */
  namespace?: string;
}

type Args = Record<string, unknown>;
const ns = (args: Args) =>
  typeof args['ns'] === 'string' && !args['ns'].includes('${')
    ? args['ns']
    : typeof args['ns'] === 'string'
      ? undefined
      : 'default';
const p = (verb: string, group: string, resource: string, namespace?: string, subresource?: string): Permission => ({
  verb,
  group,
  resource,
  ...(subresource ? { subresource } : {}),
  ...(namespace ? { namespace } : {}),
});
const events = (namespace?: string) => p('create', '', 'events', namespace ?? 'default');
const nodesRead = [p('list', '', 'nodes')];
const istio = (verbs: string[]) => (args: Args) =>
  verbs.map((verb) => p(verb, 'networking.istio.io', 'virtualservices', ns(args)));
/** Istio faults: read-modify-write the VirtualService, an event on it, the namespace's labels (opt-in). */
const istioFault = (args: Args) => [...istio(['get', 'update'])(args), events(ns(args)), p('get', '', 'namespaces')];
const custom = (verb: string) => (args: Args) => [
  p(verb, String(args['group'] ?? ''), String(args['plural'] ?? ''), ns(args)),
];

/** What `faultline doctor` itself needs: asking the server what the credentials may do. */
export const doctorPermissions: readonly Permission[] = [
  p('create', 'authorization.k8s.io', 'selfsubjectaccessreviews'),
];

/**
 * What each built-in activity needs, by name — the one place that says it: `faultline doctor`
 * checks these with SelfSubjectAccessReview, deploy/rbac.yaml grants exactly their union (a test
 * compares both ways, and another records what the activities really ask of the API), and minimal
 * RBAC for a scheduled experiment can be rendered from them. Events about nodes go to the
 * `default` namespace (nodes have none), so that namespace is named where it applies.
 */
export const activityPermissions: Readonly<Record<string, (args: Args) => Permission[]>> = {
  terminate_pods: (args) => [p('list', '', 'pods', ns(args)), p('delete', '', 'pods', ns(args)), events(ns(args))],
  pods_in_phase: (args) => [p('list', '', 'pods', ns(args))],
  pods_not_in_phase: (args) => [p('list', '', 'pods', ns(args))],
  pods_in_conditions: (args) => [p('list', '', 'pods', ns(args))],
  count_pods: (args) => [p('list', '', 'pods', ns(args))],
  count_min_pods: (args) => [p('list', '', 'pods', ns(args))],
  delete_pods: (args) => [p('list', '', 'pods', ns(args)), p('delete', '', 'pods', ns(args)), events(ns(args))],
  all_pods_healthy: (args) => [p('list', '', 'pods', ns(args))],
  pod_is_not_available: (args) => [p('list', '', 'pods', ns(args))],
  deployment_partially_available: (args) => [p('list', 'apps', 'deployments', ns(args))],
  get_all_node_status_conditions: () => nodesRead,
  verify_nodes_condition: () => nodesRead,
  nodes_must_be_healthy: () => nodesRead,
  read_pod_logs: (args) => [p('list', '', 'pods', ns(args)), p('get', '', 'pods', ns(args), 'log')],
  scale_deployment: (args) => [
    p('get', 'apps', 'deployments', ns(args)),
    p('patch', 'apps', 'deployments', ns(args), 'scale'),
    events(ns(args)),
  ],
  rollout_deployment: (args) => [
    p('get', 'apps', 'deployments', ns(args)),
    p('patch', 'apps', 'deployments', ns(args)),
    events(ns(args)),
  ],
  restore_deployment_restart: (args) => [
    p('get', 'apps', 'deployments', ns(args)),
    p('patch', 'apps', 'deployments', ns(args)),
    events(ns(args)),
  ],
  delete_deployment: (args) => [
    p('list', 'apps', 'deployments', ns(args)),
    p('delete', 'apps', 'deployments', ns(args)),
    events(ns(args)),
  ],
  deployment_available_and_healthy: (args) => [p('list', 'apps', 'deployments', ns(args))],
  deployment_fully_available: (args) => [p('watch', 'apps', 'deployments', ns(args))],
  deployment_not_fully_available: (args) => [p('watch', 'apps', 'deployments', ns(args))],
  scale_statefulset: (args) => [
    p('get', 'apps', 'statefulsets', ns(args)),
    p('patch', 'apps', 'statefulsets', ns(args), 'scale'),
    events(ns(args)),
  ],
  statefulset_fully_available: (args) => [p('watch', 'apps', 'statefulsets', ns(args))],
  statefulset_not_fully_available: (args) => [p('watch', 'apps', 'statefulsets', ns(args))],
  cordon_node: () => [...nodesRead, p('patch', '', 'nodes'), events()],
  uncordon_node: () => [...nodesRead, p('patch', '', 'nodes'), events()],
  taint_nodes: () => [...nodesRead, p('get', '', 'nodes'), p('patch', '', 'nodes'), events()],
  untaint_nodes: () => [...nodesRead, p('get', '', 'nodes'), p('patch', '', 'nodes'), events()],
  drain_nodes: () => [
    ...nodesRead,
    p('patch', '', 'nodes'),
    p('list', '', 'pods'),
    p('create', '', 'pods', undefined, 'eviction'),
    events(),
  ],
  get_nodes: () => nodesRead,
  all_nodes_must_be_ready_to_schedule: () => nodesRead,
  stress_node: (args) => [
    p('get', '', 'nodes'),
    p('create', '', 'pods', ns(args)),
    p('get', '', 'pods', ns(args)),
    p('delete', '', 'pods', ns(args)),
    events(),
  ],
  delete_stress_pod: (args) => [p('get', '', 'pods', ns(args)), p('delete', '', 'pods', ns(args)), events(ns(args))],
  stress_pods: (args) => [
    p('list', '', 'pods', ns(args)),
    p('get', '', 'pods', ns(args)),
    p('get', '', 'pods', ns(args), 'ephemeralcontainers'),
    p('update', '', 'pods', ns(args), 'ephemeralcontainers'),
    events(ns(args)),
  ],
  stop_pod_stress: (args) => [p('get', '', 'pods', ns(args)), p('delete', '', 'pods', ns(args)), events(ns(args))],
  deny_all_ingress: (args) => [
    p('create', 'networking.k8s.io', 'networkpolicies', ns(args)),
    p('delete', 'networking.k8s.io', 'networkpolicies', ns(args)),
    events(ns(args)),
  ],
  deny_all_egress: (args) => [
    p('create', 'networking.k8s.io', 'networkpolicies', ns(args)),
    p('delete', 'networking.k8s.io', 'networkpolicies', ns(args)),
    events(ns(args)),
  ],
  create_network_policy: (args) => [
    p('create', 'networking.k8s.io', 'networkpolicies', ns(args)),
    p('delete', 'networking.k8s.io', 'networkpolicies', ns(args)),
    events(ns(args)),
  ],
  remove_deny_all_ingress: (args) => [p('delete', 'networking.k8s.io', 'networkpolicies', ns(args)), events(ns(args))],
  remove_deny_all_egress: (args) => [p('delete', 'networking.k8s.io', 'networkpolicies', ns(args)), events(ns(args))],
  remove_network_policy: (args) => [p('delete', 'networking.k8s.io', 'networkpolicies', ns(args)), events(ns(args))],
  get_custom_object: custom('get'),
  list_custom_objects: custom('list'),
  patch_custom_object: (args) => [...custom('get')(args), ...custom('patch')(args), events(ns(args))],
  restore_custom_object: (args) => [...custom('get')(args), ...custom('patch')(args), events(ns(args))],
  get_events: () => [p('list', 'events.k8s.io', 'events')],
  namespace_exists: () => [p('list', '', 'namespaces')],
  add_delay_fault: istioFault,
  add_abort_fault: istioFault,
  set_fault: istioFault,
  remove_delay_fault: istioFault,
  remove_abort_fault: istioFault,
  unset_fault: istioFault,
  restore_virtual_service_faults: (args) => [...istio(['get', 'update'])(args), events(ns(args))],
  get_virtual_service: istio(['get']),
  ...upstreamActivityPermissions,
};
