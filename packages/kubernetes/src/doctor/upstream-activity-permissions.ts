import type { Permission } from './activity-permissions.js';

type Args = Record<string, unknown>;
type Rule = (args: Args) => Permission[];

const ns = (args: Args): string | undefined =>
  typeof args['ns'] !== 'string' ? 'default' : args['ns'].includes('${') ? undefined : args['ns'];
const p = (verb: string, group: string, resource: string, namespace?: string): Permission => ({
  verb,
  group,
  resource,
  ...(namespace ? { namespace } : {}),
});
const events = (namespace?: string) => p('create', '', 'events', namespace ?? 'default');
/** Verbs on one namespaced resource, plus the event every mutation records. */
const on =
  (group: string, resource: string, verbs: string[], withEvents = true): Rule =>
  (args) => [...verbs.map((verb) => p(verb, group, resource, ns(args))), ...(withEvents ? [events(ns(args))] : [])];
const probe = (group: string, resource: string): Rule => on(group, resource, ['list'], false);
const custom =
  (verbs: string[], cluster = false): Rule =>
  (args) => [
    ...verbs.map((verb) =>
      p(verb, String(args['group'] ?? ''), String(args['plural'] ?? ''), cluster ? undefined : ns(args)),
    ),
    events(cluster ? undefined : ns(args)),
  ];
const chaosMesh = (resource: string, verbs: string[], withEvents = true) =>
  on('chaos-mesh.org', resource, verbs, withEvents);
const deployments = on('apps', 'deployments', ['create', 'delete']);

/** Permissions of the chaosk8s functions added for full compatibility (merged into activityPermissions). */
export const upstreamActivityPermissions: Readonly<Record<string, Rule>> = {
  create_deployment: deployments,
  start_microservice: deployments,
  create_statefulset: on('apps', 'statefulsets', ['create', 'delete']),
  remove_statefulset: on('apps', 'statefulsets', ['list', 'delete', 'create']),
  create_daemon_set: on('apps', 'daemonsets', ['create', 'delete']),
  delete_daemon_set: on('apps', 'daemonsets', ['list', 'delete', 'create']),
  update_daemon_set: on('apps', 'daemonsets', ['get', 'patch', 'update']),
  daemon_set_available_and_healthy: probe('apps', 'daemonsets'),
  daemon_set_partially_available: probe('apps', 'daemonsets'),
  daemon_set_fully_available: probe('apps', 'daemonsets'),
  daemon_set_not_fully_available: probe('apps', 'daemonsets'),
  delete_replica_set: on('apps', 'replicasets', ['list', 'delete', 'create']),
  create_service_endpoint: on('', 'services', ['create', 'delete']),
  delete_service: on('', 'services', ['list', 'delete', 'create']),
  remove_service_endpoint: on('', 'services', ['list', 'delete', 'create']),
  service_is_initialized: probe('', 'services'),
  service_endpoint_is_initialized: probe('', 'services'),
  create_secret: on('', 'secrets', ['create', 'delete']),
  delete_secret: on('', 'secrets', ['list', 'delete']),
  secret_exists: probe('', 'secrets'),
  create_namespace: () => [p('create', '', 'namespaces'), p('delete', '', 'namespaces'), events()],
  delete_namespace: () => [p('list', '', 'namespaces'), p('delete', '', 'namespaces')],
  create_ingress: on('networking.k8s.io', 'ingresses', ['create', 'delete']),
  delete_ingress: on('networking.k8s.io', 'ingresses', ['list', 'delete', 'create']),
  update_ingress: on('networking.k8s.io', 'ingresses', ['get', 'patch', 'update']),
  ingress_exists: probe('networking.k8s.io', 'ingresses'),
  allow_dns_access: on('networking.k8s.io', 'networkpolicies', ['create', 'delete']),
  remove_allow_dns_access: on('networking.k8s.io', 'networkpolicies', ['delete']),
  delete_nodes: () => [p('list', '', 'nodes'), p('delete', '', 'nodes'), p('create', '', 'nodes'), events()],
  create_node: () => [p('create', '', 'nodes'), p('delete', '', 'nodes'), events()],
  should_be_found_in_logs: () => [],
  exec_in_pods: (args) => [
    ...on('', 'pods', ['list', 'get'])(args),
    { ...p('create', '', 'pods', ns(args)), subresource: 'exec' },
    // The exec channel is a WebSocket upgrade of a GET.
    { ...p('get', '', 'pods', ns(args)), subresource: 'exec' },
  ],
  apply_from_json: custom(['create', 'delete']),
  apply_from_yaml: custom(['create', 'delete']),
  create_custom_object: custom(['create', 'delete']),
  delete_custom_object: custom(['get', 'delete', 'create']),
  replace_custom_object: custom(['get', 'update']),
  create_cluster_custom_object: custom(['create', 'delete'], true),
  delete_cluster_custom_object: custom(['get', 'delete', 'create'], true),
  patch_cluster_custom_object: custom(['get', 'patch', 'update'], true),
  replace_cluster_custom_object: custom(['get', 'update'], true),
  get_cluster_custom_object: (args) => [p('get', String(args['group'] ?? ''), String(args['plural'] ?? ''))],
  list_cluster_custom_objects: (args) => [p('list', String(args['group'] ?? ''), String(args['plural'] ?? ''))],
  add_latency: chaosMesh('networkchaos', ['create', 'delete']),
  set_loss: chaosMesh('networkchaos', ['create', 'delete']),
  duplicate_packets: chaosMesh('networkchaos', ['create', 'delete']),
  reorder_packets: chaosMesh('networkchaos', ['create', 'delete']),
  corrupt_packets: chaosMesh('networkchaos', ['create', 'delete']),
  set_bandwidth: chaosMesh('networkchaos', ['create', 'delete']),
  delete_network_fault: chaosMesh('networkchaos', ['get', 'delete']),
  get_network_faults: chaosMesh('networkchaos', ['list'], false),
  get_network_fault: chaosMesh('networkchaos', ['get'], false),
  stress_cpu: chaosMesh('stresschaos', ['create', 'delete']),
  stress_memory: chaosMesh('stresschaos', ['create', 'delete']),
  delete_stressor: chaosMesh('stresschaos', ['get', 'delete']),
  get_stressors: chaosMesh('stresschaos', ['list'], false),
  get_stressor: chaosMesh('stresschaos', ['get'], false),
  all_microservices_healthy: probe('', 'pods'),
  microservice_available_and_healthy: probe('apps', 'deployments'),
  microservice_is_not_available: probe('', 'pods'),
  deployment_is_fully_available: on('apps', 'deployments', ['watch'], false),
  deployment_is_not_fully_available: on('apps', 'deployments', ['watch'], false),
  read_microservices_logs: (args) => [
    p('list', '', 'pods', ns(args)),
    { ...p('get', '', 'pods', ns(args)), subresource: 'log' },
  ],
  scale_microservice: (args) => [
    p('get', 'apps', 'deployments', ns(args)),
    { ...p('patch', 'apps', 'deployments', ns(args)), subresource: 'scale' },
    events(ns(args)),
  ],
  kill_microservice: (args) => [
    ...on('apps', 'deployments', ['list', 'delete'])(args),
    ...on('apps', 'replicasets', ['list', 'delete'], false)(args),
    ...on('', 'pods', ['list', 'delete'], false)(args),
  ],
  // The reverts: what they touch depends on the object saved in the journal.
  delete_object: () => [],
  recreate_objects: () => [],
  restore_object: () => [],
};

/**
 * Activities on cluster-scoped custom resources the experiment names (group/plural): a ready-made
 * role cannot grant them, so deploy/rbac.yaml leaves them to the user (doctor still checks them).
 */
export const userGrantedActivities: ReadonlySet<string> = new Set([
  'create_cluster_custom_object',
  'delete_cluster_custom_object',
  'patch_cluster_custom_object',
  'replace_cluster_custom_object',
  'get_cluster_custom_object',
  'list_cluster_custom_objects',
]);
