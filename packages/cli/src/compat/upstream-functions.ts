/**
 * Public functions and controls of the official Chaos Toolkit drivers, compiled from their sources
 * at the commits below: each module's `__all__` (a module without one lists helpers), the
 * arguments without what Chaos Toolkit injects (configuration, secrets, a hook's context).
 * docs/compatibility.md is generated from this list and the drivers' registries (npm run docs:compat).
 */
export interface UpstreamArgument {
  name: string;
  default?: unknown;
}

export interface UpstreamFunction {
  module: string;
  /** Absent for a control (the module is the control). */
  name?: string;
  /** activity: listed for users; helper: public but not an activity; control: a control module. */
  kind: 'activity' | 'helper' | 'control';
  hooks?: string[];
  arguments: UpstreamArgument[];
  note?: string;
}

export interface UpstreamDriver {
  package: string;
  repository: string;
  version: string;
  commit: string;
  functions: UpstreamFunction[];
}

export const upstreamDrivers: UpstreamDriver[] = [
  {
    package: 'chaostoolkit-kubernetes',
    repository: 'chaostoolkit/chaostoolkit-kubernetes',
    version: '0.39.0',
    commit: '5d786b992b3553cb1072d25efe5a162e3da037ac',
    functions: [
      {
        module: 'chaosk8s',
        name: 'create_k8s_api_client',
        kind: 'helper',
        arguments: [],
      },
      {
        module: 'chaosk8s',
        name: 'discover',
        kind: 'helper',
        arguments: [
          {
            name: 'discover_system',
            default: true,
          },
        ],
      },
      {
        module: 'chaosk8s.actions',
        name: 'start_microservice',
        kind: 'activity',
        arguments: [
          {
            name: 'spec_path',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.actions',
        name: 'kill_microservice',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: 'name in ({name})',
          },
        ],
      },
      {
        module: 'chaosk8s.actions',
        name: 'scale_microservice',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'replicas',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.actions',
        name: 'remove_service_endpoint',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.probes',
        name: 'all_microservices_healthy',
        kind: 'activity',
        arguments: [
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.probes',
        name: 'microservice_available_and_healthy',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.probes',
        name: 'microservice_is_not_available',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: 'name in ({name})',
          },
        ],
      },
      {
        module: 'chaosk8s.probes',
        name: 'service_endpoint_is_initialized',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: 'name in ({name})',
          },
        ],
      },
      {
        module: 'chaosk8s.probes',
        name: 'deployment_is_not_fully_available',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
          {
            name: 'timeout',
            default: 30,
          },
        ],
      },
      {
        module: 'chaosk8s.probes',
        name: 'deployment_is_fully_available',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
          {
            name: 'timeout',
            default: 30,
          },
        ],
      },
      {
        module: 'chaosk8s.probes',
        name: 'read_microservices_logs',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
            default: null,
          },
          {
            name: 'last',
            default: null,
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'from_previous',
            default: false,
          },
          {
            name: 'label_selector',
            default: 'name in ({name})',
          },
          {
            name: 'container_name',
            default: null,
          },
        ],
        note: 'alias of chaosk8s.pod.probes.read_pod_logs',
      },
      {
        module: 'chaosk8s.probes',
        name: 'secret_exists',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
            default: null,
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
        ],
        note: 'alias of chaosk8s.secret.probes.secret_exists',
      },
      {
        module: 'chaosk8s.chaosmesh.network.actions',
        name: 'add_latency',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'namespaces_selectors',
            default: null,
          },
          {
            name: 'label_selectors',
            default: null,
          },
          {
            name: 'annotations_selectors',
            default: null,
          },
          {
            name: 'mode',
            default: 'one',
          },
          {
            name: 'mode_value',
            default: null,
          },
          {
            name: 'direction',
            default: 'to',
          },
          {
            name: 'latency',
            default: null,
          },
          {
            name: 'correlation',
            default: null,
          },
          {
            name: 'jitter',
            default: null,
          },
          {
            name: 'external_targets',
            default: null,
          },
          {
            name: 'target_mode',
            default: 'one',
          },
          {
            name: 'target_mode_value',
            default: null,
          },
          {
            name: 'target_namespaces_selectors',
            default: null,
          },
          {
            name: 'target_label_selectors',
            default: null,
          },
          {
            name: 'target_annotations_selectors',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.chaosmesh.network.actions',
        name: 'set_loss',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'namespaces_selectors',
            default: null,
          },
          {
            name: 'label_selectors',
            default: null,
          },
          {
            name: 'annotations_selectors',
            default: null,
          },
          {
            name: 'mode',
            default: 'one',
          },
          {
            name: 'mode_value',
            default: null,
          },
          {
            name: 'direction',
            default: 'to',
          },
          {
            name: 'loss',
            default: null,
          },
          {
            name: 'correlation',
            default: null,
          },
          {
            name: 'external_targets',
            default: null,
          },
          {
            name: 'target_mode',
            default: 'one',
          },
          {
            name: 'target_mode_value',
            default: null,
          },
          {
            name: 'target_namespaces_selectors',
            default: null,
          },
          {
            name: 'target_label_selectors',
            default: null,
          },
          {
            name: 'target_annotations_selectors',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.chaosmesh.network.actions',
        name: 'duplicate_packets',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'namespaces_selectors',
            default: null,
          },
          {
            name: 'label_selectors',
            default: null,
          },
          {
            name: 'annotations_selectors',
            default: null,
          },
          {
            name: 'mode',
            default: 'one',
          },
          {
            name: 'mode_value',
            default: null,
          },
          {
            name: 'direction',
            default: 'to',
          },
          {
            name: 'duplicate',
            default: null,
          },
          {
            name: 'correlation',
            default: null,
          },
          {
            name: 'external_targets',
            default: null,
          },
          {
            name: 'target_mode',
            default: 'one',
          },
          {
            name: 'target_mode_value',
            default: null,
          },
          {
            name: 'target_namespaces_selectors',
            default: null,
          },
          {
            name: 'target_label_selectors',
            default: null,
          },
          {
            name: 'target_annotations_selectors',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.chaosmesh.network.actions',
        name: 'corrupt_packets',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'namespaces_selectors',
            default: null,
          },
          {
            name: 'label_selectors',
            default: null,
          },
          {
            name: 'annotations_selectors',
            default: null,
          },
          {
            name: 'mode',
            default: 'one',
          },
          {
            name: 'mode_value',
            default: null,
          },
          {
            name: 'direction',
            default: 'to',
          },
          {
            name: 'corrupt',
            default: null,
          },
          {
            name: 'correlation',
            default: null,
          },
          {
            name: 'external_targets',
            default: null,
          },
          {
            name: 'target_mode',
            default: 'one',
          },
          {
            name: 'target_mode_value',
            default: null,
          },
          {
            name: 'target_namespaces_selectors',
            default: null,
          },
          {
            name: 'target_label_selectors',
            default: null,
          },
          {
            name: 'target_annotations_selectors',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.chaosmesh.network.actions',
        name: 'reorder_packets',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'namespaces_selectors',
            default: null,
          },
          {
            name: 'label_selectors',
            default: null,
          },
          {
            name: 'annotations_selectors',
            default: null,
          },
          {
            name: 'mode',
            default: 'one',
          },
          {
            name: 'mode_value',
            default: null,
          },
          {
            name: 'direction',
            default: 'to',
          },
          {
            name: 'reorder',
            default: null,
          },
          {
            name: 'correlation',
            default: null,
          },
          {
            name: 'gap',
            default: null,
          },
          {
            name: 'external_targets',
            default: null,
          },
          {
            name: 'target_mode',
            default: 'one',
          },
          {
            name: 'target_mode_value',
            default: null,
          },
          {
            name: 'target_namespaces_selectors',
            default: null,
          },
          {
            name: 'target_label_selectors',
            default: null,
          },
          {
            name: 'target_annotations_selectors',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.chaosmesh.network.actions',
        name: 'set_bandwidth',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'rate',
          },
          {
            name: 'limit',
          },
          {
            name: 'buffer',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'namespaces_selectors',
            default: null,
          },
          {
            name: 'label_selectors',
            default: null,
          },
          {
            name: 'annotations_selectors',
            default: null,
          },
          {
            name: 'mode',
            default: 'one',
          },
          {
            name: 'mode_value',
            default: null,
          },
          {
            name: 'direction',
            default: 'to',
          },
          {
            name: 'peakrate',
            default: null,
          },
          {
            name: 'minburst',
            default: null,
          },
          {
            name: 'external_targets',
            default: null,
          },
          {
            name: 'target_mode',
            default: 'one',
          },
          {
            name: 'target_mode_value',
            default: null,
          },
          {
            name: 'target_namespaces_selectors',
            default: null,
          },
          {
            name: 'target_label_selectors',
            default: null,
          },
          {
            name: 'target_annotations_selectors',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.chaosmesh.network.actions',
        name: 'delete_network_fault',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.chaosmesh.network.probes',
        name: 'get_network_fault',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.chaosmesh.network.probes',
        name: 'get_network_faults',
        kind: 'activity',
        arguments: [
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.chaosmesh.stress.actions',
        name: 'stress_memory',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'workers',
            default: null,
          },
          {
            name: 'size',
            default: null,
          },
          {
            name: 'oom_score',
            default: null,
          },
          {
            name: 'time_to_get_to_size',
            default: null,
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'namespaces_selectors',
            default: null,
          },
          {
            name: 'label_selectors',
            default: null,
          },
          {
            name: 'annotations_selectors',
            default: null,
          },
          {
            name: 'mode',
            default: 'one',
          },
          {
            name: 'mode_value',
            default: null,
          },
          {
            name: 'direction',
            default: 'to',
          },
          {
            name: 'duration',
            default: '30s',
          },
          {
            name: 'container_names',
            default: null,
          },
          {
            name: 'stressng_stressors',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.chaosmesh.stress.actions',
        name: 'stress_cpu',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'workers',
          },
          {
            name: 'load',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'namespaces_selectors',
            default: null,
          },
          {
            name: 'label_selectors',
            default: null,
          },
          {
            name: 'annotations_selectors',
            default: null,
          },
          {
            name: 'mode',
            default: 'one',
          },
          {
            name: 'mode_value',
            default: null,
          },
          {
            name: 'direction',
            default: 'to',
          },
          {
            name: 'duration',
            default: '30s',
          },
          {
            name: 'container_names',
            default: null,
          },
          {
            name: 'stressng_stressors',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.chaosmesh.stress.actions',
        name: 'delete_stressor',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.chaosmesh.stress.probes',
        name: 'get_stressor',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.chaosmesh.stress.probes',
        name: 'get_stressors',
        kind: 'activity',
        arguments: [
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.crd.actions',
        name: 'create_custom_object',
        kind: 'activity',
        arguments: [
          {
            name: 'group',
          },
          {
            name: 'version',
          },
          {
            name: 'plural',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'resource',
            default: null,
          },
          {
            name: 'resource_as_yaml_file',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.crd.actions',
        name: 'delete_custom_object',
        kind: 'activity',
        arguments: [
          {
            name: 'group',
          },
          {
            name: 'version',
          },
          {
            name: 'plural',
          },
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.crd.actions',
        name: 'create_cluster_custom_object',
        kind: 'activity',
        arguments: [
          {
            name: 'group',
          },
          {
            name: 'version',
          },
          {
            name: 'plural',
          },
          {
            name: 'resource',
            default: null,
          },
          {
            name: 'resource_as_yaml_file',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.crd.actions',
        name: 'delete_cluster_custom_object',
        kind: 'activity',
        arguments: [
          {
            name: 'group',
          },
          {
            name: 'version',
          },
          {
            name: 'plural',
          },
          {
            name: 'name',
          },
        ],
      },
      {
        module: 'chaosk8s.crd.actions',
        name: 'patch_custom_object',
        kind: 'activity',
        arguments: [
          {
            name: 'group',
          },
          {
            name: 'version',
          },
          {
            name: 'plural',
          },
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'force',
            default: false,
          },
          {
            name: 'resource',
            default: null,
          },
          {
            name: 'resource_as_yaml_file',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.crd.actions',
        name: 'replace_custom_object',
        kind: 'activity',
        arguments: [
          {
            name: 'group',
          },
          {
            name: 'version',
          },
          {
            name: 'plural',
          },
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'force',
            default: false,
          },
          {
            name: 'resource',
            default: null,
          },
          {
            name: 'resource_as_yaml_file',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.crd.actions',
        name: 'patch_cluster_custom_object',
        kind: 'activity',
        arguments: [
          {
            name: 'group',
          },
          {
            name: 'version',
          },
          {
            name: 'plural',
          },
          {
            name: 'name',
          },
          {
            name: 'force',
            default: false,
          },
          {
            name: 'resource',
            default: null,
          },
          {
            name: 'resource_as_yaml_file',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.crd.actions',
        name: 'replace_cluster_custom_object',
        kind: 'activity',
        arguments: [
          {
            name: 'group',
          },
          {
            name: 'version',
          },
          {
            name: 'plural',
          },
          {
            name: 'name',
          },
          {
            name: 'force',
            default: false,
          },
          {
            name: 'resource',
            default: null,
          },
          {
            name: 'resource_as_yaml_file',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.crd.actions',
        name: 'apply_from_json',
        kind: 'activity',
        arguments: [
          {
            name: 'resource',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.crd.actions',
        name: 'apply_from_yaml',
        kind: 'activity',
        arguments: [
          {
            name: 'resource',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.crd.probes',
        name: 'get_custom_object',
        kind: 'activity',
        arguments: [
          {
            name: 'group',
          },
          {
            name: 'version',
          },
          {
            name: 'plural',
          },
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.crd.probes',
        name: 'get_cluster_custom_object',
        kind: 'activity',
        arguments: [
          {
            name: 'group',
          },
          {
            name: 'version',
          },
          {
            name: 'plural',
          },
          {
            name: 'name',
          },
        ],
      },
      {
        module: 'chaosk8s.crd.probes',
        name: 'list_custom_objects',
        kind: 'activity',
        arguments: [
          {
            name: 'group',
          },
          {
            name: 'version',
          },
          {
            name: 'plural',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.crd.probes',
        name: 'list_cluster_custom_objects',
        kind: 'activity',
        arguments: [
          {
            name: 'group',
          },
          {
            name: 'version',
          },
          {
            name: 'plural',
          },
        ],
      },
      {
        module: 'chaosk8s.daemonset.actions',
        name: 'create_daemon_set',
        kind: 'activity',
        arguments: [
          {
            name: 'spec_path',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.daemonset.actions',
        name: 'delete_daemon_set',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
            default: null,
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.daemonset.actions',
        name: 'update_daemon_set',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'spec',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.daemonset.probes',
        name: 'daemon_set_available_and_healthy',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.daemonset.probes',
        name: 'daemon_set_not_fully_available',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
          {
            name: 'timeout',
            default: 30,
          },
        ],
      },
      {
        module: 'chaosk8s.daemonset.probes',
        name: 'daemon_set_fully_available',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
          {
            name: 'timeout',
            default: 30,
          },
        ],
      },
      {
        module: 'chaosk8s.daemonset.probes',
        name: 'daemon_set_partially_available',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.deployment.actions',
        name: 'create_deployment',
        kind: 'activity',
        arguments: [
          {
            name: 'spec_path',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.deployment.actions',
        name: 'delete_deployment',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
            default: null,
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.deployment.actions',
        name: 'scale_deployment',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'replicas',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.deployment.actions',
        name: 'rollout_deployment',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
            default: null,
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.deployment.probes',
        name: 'deployment_available_and_healthy',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
          {
            name: 'raise_on_unavailable',
            default: true,
          },
        ],
      },
      {
        module: 'chaosk8s.deployment.probes',
        name: 'deployment_not_fully_available',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
          {
            name: 'timeout',
            default: 30,
          },
          {
            name: 'raise_on_fully_available',
            default: true,
          },
        ],
      },
      {
        module: 'chaosk8s.deployment.probes',
        name: 'deployment_fully_available',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
          {
            name: 'timeout',
            default: 30,
          },
          {
            name: 'raise_on_not_fully_available',
            default: true,
          },
        ],
      },
      {
        module: 'chaosk8s.deployment.probes',
        name: 'deployment_partially_available',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
          {
            name: 'raise_on_not_partially_available',
            default: true,
          },
        ],
      },
      {
        module: 'chaosk8s.event.probes',
        name: 'get_events',
        kind: 'activity',
        arguments: [
          {
            name: 'label_selector',
            default: null,
          },
          {
            name: 'field_selector',
            default: null,
          },
          {
            name: 'limit',
            default: 100,
          },
        ],
      },
      {
        module: 'chaosk8s.namespace.actions',
        name: 'create_namespace',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
            default: null,
          },
          {
            name: 'spec_path',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.namespace.actions',
        name: 'delete_namespace',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
        ],
      },
      {
        module: 'chaosk8s.namespace.probes',
        name: 'namespace_exists',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
        ],
      },
      {
        module: 'chaosk8s.networking.actions',
        name: 'create_ingress',
        kind: 'activity',
        arguments: [
          {
            name: 'spec_path',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.networking.actions',
        name: 'delete_ingress',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.networking.actions',
        name: 'update_ingress',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'spec',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.networking.actions',
        name: 'create_network_policy',
        kind: 'activity',
        arguments: [
          {
            name: 'spec',
            default: null,
          },
          {
            name: 'spec_path',
            default: null,
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.networking.actions',
        name: 'remove_network_policy',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.networking.actions',
        name: 'deny_all_ingress',
        kind: 'activity',
        arguments: [
          {
            name: 'label_selectors',
            default: null,
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.networking.actions',
        name: 'remove_deny_all_ingress',
        kind: 'activity',
        arguments: [
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.networking.actions',
        name: 'deny_all_egress',
        kind: 'activity',
        arguments: [
          {
            name: 'label_selectors',
            default: null,
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.networking.actions',
        name: 'remove_deny_all_egress',
        kind: 'activity',
        arguments: [
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.networking.actions',
        name: 'allow_dns_access',
        kind: 'activity',
        arguments: [
          {
            name: 'label_selectors',
            default: null,
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.networking.actions',
        name: 'remove_allow_dns_access',
        kind: 'activity',
        arguments: [
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.networking.probes',
        name: 'ingress_exists',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.node.actions',
        name: 'create_node',
        kind: 'activity',
        arguments: [
          {
            name: 'meta',
            default: null,
          },
          {
            name: 'spec',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.node.actions',
        name: 'delete_nodes',
        kind: 'activity',
        arguments: [
          {
            name: 'label_selector',
            default: null,
          },
          {
            name: 'all',
            default: false,
          },
          {
            name: 'rand',
            default: false,
          },
          {
            name: 'count',
            default: null,
          },
          {
            name: 'grace_period_seconds',
            default: null,
          },
          {
            name: 'pod_label_selector',
            default: null,
          },
          {
            name: 'pod_namespace',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.node.actions',
        name: 'cordon_node',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
            default: null,
          },
          {
            name: 'label_selector',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.node.actions',
        name: 'drain_nodes',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
            default: null,
          },
          {
            name: 'label_selector',
            default: null,
          },
          {
            name: 'delete_pods_with_local_storage',
            default: false,
          },
          {
            name: 'timeout',
            default: 120,
          },
          {
            name: 'count',
            default: null,
          },
          {
            name: 'pod_label_selector',
            default: null,
          },
          {
            name: 'pod_namespace',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.node.actions',
        name: 'uncordon_node',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
            default: null,
          },
          {
            name: 'label_selector',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.node.probes',
        name: 'get_nodes',
        kind: 'activity',
        arguments: [
          {
            name: 'label_selector',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.node.probes',
        name: 'all_nodes_must_be_ready_to_schedule',
        kind: 'activity',
        arguments: [
          {
            name: 'label_selector',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.node.probes',
        name: 'get_all_node_status_conditions',
        kind: 'activity',
        arguments: [
          {
            name: 'label_selector',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.node.probes',
        name: 'verify_nodes_condition',
        kind: 'activity',
        arguments: [
          {
            name: 'condition_type',
            default: 'PIDPressure',
          },
          {
            name: 'condition_value',
            default: 'False',
          },
          {
            name: 'label_selector',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.node.probes',
        name: 'nodes_must_be_healthy',
        kind: 'activity',
        arguments: [
          {
            name: 'label_selector',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.pod.actions',
        name: 'terminate_pods',
        kind: 'activity',
        arguments: [
          {
            name: 'label_selector',
            default: null,
          },
          {
            name: 'name_pattern',
            default: null,
          },
          {
            name: 'all',
            default: false,
          },
          {
            name: 'rand',
            default: false,
          },
          {
            name: 'mode',
            default: 'fixed',
          },
          {
            name: 'qty',
            default: 1,
          },
          {
            name: 'grace_period',
            default: -1,
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'order',
            default: 'alphabetic',
          },
        ],
      },
      {
        module: 'chaosk8s.pod.actions',
        name: 'exec_in_pods',
        kind: 'activity',
        arguments: [
          {
            name: 'cmd',
          },
          {
            name: 'label_selector',
            default: null,
          },
          {
            name: 'name_pattern',
            default: null,
          },
          {
            name: 'all',
            default: false,
          },
          {
            name: 'rand',
            default: false,
          },
          {
            name: 'mode',
            default: 'fixed',
          },
          {
            name: 'qty',
            default: 1,
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'order',
            default: 'alphabetic',
          },
          {
            name: 'container_name',
            default: null,
          },
          {
            name: 'request_timeout',
            default: 60,
          },
        ],
      },
      {
        module: 'chaosk8s.pod.probes',
        name: 'pods_in_phase',
        kind: 'activity',
        arguments: [
          {
            name: 'label_selector',
          },
          {
            name: 'phase',
            default: 'Running',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'raise_on_invalid_phase',
            default: true,
          },
        ],
      },
      {
        module: 'chaosk8s.pod.probes',
        name: 'pods_in_conditions',
        kind: 'activity',
        arguments: [
          {
            name: 'label_selector',
          },
          {
            name: 'conditions',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'raise_on_invalid_conditions',
            default: true,
          },
        ],
      },
      {
        module: 'chaosk8s.pod.probes',
        name: 'pods_not_in_phase',
        kind: 'activity',
        arguments: [
          {
            name: 'label_selector',
          },
          {
            name: 'phase',
            default: 'Running',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'raise_on_in_phase',
            default: true,
          },
        ],
      },
      {
        module: 'chaosk8s.pod.probes',
        name: 'read_pod_logs',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
            default: null,
          },
          {
            name: 'last',
            default: null,
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'from_previous',
            default: false,
          },
          {
            name: 'label_selector',
            default: 'name in ({name})',
          },
          {
            name: 'container_name',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.pod.probes',
        name: 'count_pods',
        kind: 'activity',
        arguments: [
          {
            name: 'label_selector',
          },
          {
            name: 'phase',
            default: null,
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.pod.probes',
        name: 'pod_is_not_available',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: 'name in ({name})',
          },
          {
            name: 'raise_on_is_available',
            default: true,
          },
        ],
      },
      {
        module: 'chaosk8s.pod.probes',
        name: 'count_min_pods',
        kind: 'activity',
        arguments: [
          {
            name: 'label_selector',
          },
          {
            name: 'phase',
            default: 'Running',
          },
          {
            name: 'min_count',
            default: 2,
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.pod.probes',
        name: 'should_be_found_in_logs',
        kind: 'activity',
        arguments: [
          {
            name: 'pattern',
          },
          {
            name: 'all_containers',
            default: true,
          },
          {
            name: 'value',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.replicaset.actions',
        name: 'delete_replica_set',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
            default: null,
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.secret.actions',
        name: 'create_secret',
        kind: 'activity',
        arguments: [
          {
            name: 'spec_path',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.secret.actions',
        name: 'delete_secret',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.secret.probes',
        name: 'secret_exists',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
            default: null,
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.service.actions',
        name: 'create_service_endpoint',
        kind: 'activity',
        arguments: [
          {
            name: 'spec_path',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.service.actions',
        name: 'delete_service',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.service.probes',
        name: 'service_is_initialized',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
            default: null,
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
          {
            name: 'raise_if_service_not_initialized',
            default: true,
          },
        ],
      },
      {
        module: 'chaosk8s.statefulset.actions',
        name: 'create_statefulset',
        kind: 'activity',
        arguments: [
          {
            name: 'spec_path',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.statefulset.actions',
        name: 'scale_statefulset',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'replicas',
          },
          {
            name: 'ns',
            default: 'default',
          },
        ],
      },
      {
        module: 'chaosk8s.statefulset.actions',
        name: 'remove_statefulset',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
            default: null,
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
        ],
      },
      {
        module: 'chaosk8s.statefulset.probes',
        name: 'statefulset_fully_available',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
          {
            name: 'timeout',
            default: 30,
          },
          {
            name: 'raise_on_not_fully_available',
            default: true,
          },
        ],
      },
      {
        module: 'chaosk8s.statefulset.probes',
        name: 'statefulset_not_fully_available',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
            default: null,
          },
          {
            name: 'timeout',
            default: 30,
          },
          {
            name: 'raise_on_fully_available',
            default: true,
          },
        ],
      },
      {
        module: 'chaosk8s.pod.actions',
        name: 'delete_pods',
        kind: 'activity',
        arguments: [
          {
            name: 'name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'label_selector',
          },
        ],
        note: 'deprecated, no longer in __all__ (0.3x experiments still use it)',
      },
      {
        module: 'chaosk8s.pod.probes',
        name: 'all_pods_healthy',
        kind: 'activity',
        arguments: [
          { name: 'ns', default: 'default' },
          { name: 'raise_on_any_unhealthy', default: true },
        ],
        note: 'public and documented, missing from __all__',
      },
    ],
  },
  {
    package: 'chaostoolkit-istio',
    repository: 'chaostoolkit-incubator/chaostoolkit-istio',
    version: '0.4.1',
    commit: '21a3bed3b2f920b360eb581d7f336739bc15b2e1',
    functions: [
      {
        module: 'chaosistio',
        name: 'create_k8s_api_client',
        kind: 'helper',
        arguments: [],
      },
      {
        module: 'chaosistio',
        name: 'discover',
        kind: 'helper',
        arguments: [
          {
            name: 'discover_system',
            default: true,
          },
        ],
      },
      {
        module: 'chaosistio.fault.actions',
        name: 'set_fault',
        kind: 'activity',
        arguments: [
          {
            name: 'virtual_service_name',
          },
          {
            name: 'routes',
          },
          {
            name: 'fault',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'version',
            default: 'networking.istio.io/v1alpha3',
          },
        ],
      },
      {
        module: 'chaosistio.fault.actions',
        name: 'add_delay_fault',
        kind: 'activity',
        arguments: [
          {
            name: 'virtual_service_name',
          },
          {
            name: 'fixed_delay',
          },
          {
            name: 'routes',
          },
          {
            name: 'percentage',
            default: null,
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'version',
            default: 'networking.istio.io/v1alpha3',
          },
        ],
      },
      {
        module: 'chaosistio.fault.actions',
        name: 'add_abort_fault',
        kind: 'activity',
        arguments: [
          {
            name: 'virtual_service_name',
          },
          {
            name: 'http_status',
          },
          {
            name: 'routes',
          },
          {
            name: 'percentage',
            default: null,
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'version',
            default: 'networking.istio.io/v1alpha3',
          },
        ],
      },
      {
        module: 'chaosistio.fault.actions',
        name: 'unset_fault',
        kind: 'activity',
        arguments: [
          {
            name: 'virtual_service_name',
          },
          {
            name: 'routes',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'version',
            default: 'networking.istio.io/v1alpha3',
          },
        ],
      },
      {
        module: 'chaosistio.fault.actions',
        name: 'remove_delay_fault',
        kind: 'activity',
        arguments: [
          {
            name: 'virtual_service_name',
          },
          {
            name: 'routes',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'version',
            default: 'networking.istio.io/v1alpha3',
          },
        ],
      },
      {
        module: 'chaosistio.fault.actions',
        name: 'remove_abort_fault',
        kind: 'activity',
        arguments: [
          {
            name: 'virtual_service_name',
          },
          {
            name: 'routes',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'version',
            default: 'networking.istio.io/v1alpha3',
          },
        ],
      },
      {
        module: 'chaosistio.fault.probes',
        name: 'get_virtual_service',
        kind: 'activity',
        arguments: [
          {
            name: 'virtual_service_name',
          },
          {
            name: 'ns',
            default: 'default',
          },
          {
            name: 'version',
            default: 'networking.istio.io/v1alpha3',
          },
        ],
      },
    ],
  },
  {
    package: 'chaostoolkit-prometheus',
    repository: 'chaostoolkit-incubator/chaostoolkit-prometheus',
    version: '0.6.0',
    commit: '0de417c33495d8e215a63ff3ee89e0b9b5884ba4',
    functions: [
      {
        module: 'chaosprometheus',
        name: 'discover',
        kind: 'helper',
        arguments: [
          {
            name: 'discover_system',
            default: true,
          },
        ],
      },
      {
        module: 'chaosprometheus',
        name: 'load_exported_activities',
        kind: 'helper',
        arguments: [],
      },
      {
        module: 'chaosprometheus.metrics',
        kind: 'control',
        hooks: ['configure_control', 'after_experiment_control'],
        arguments: [
          {
            name: 'pushgateway_url',
            default: 'http://localhost:9091',
          },
          {
            name: 'job',
            default: 'chaostoolkit',
          },
          {
            name: 'grouping_key',
          },
          {
            name: 'trace_id',
          },
          {
            name: 'experiment_ref',
          },
        ],
      },
      {
        module: 'chaosprometheus.probes',
        name: 'query',
        kind: 'activity',
        arguments: [
          {
            name: 'query',
          },
          {
            name: 'when',
            default: null,
          },
          {
            name: 'timeout',
            default: null,
          },
          {
            name: 'verify_tls',
            default: true,
          },
        ],
      },
      {
        module: 'chaosprometheus.probes',
        name: 'query_interval',
        kind: 'activity',
        arguments: [
          {
            name: 'query',
          },
          {
            name: 'start',
          },
          {
            name: 'end',
          },
          {
            name: 'step',
            default: 1,
          },
          {
            name: 'timeout',
            default: null,
          },
          {
            name: 'verify_tls',
            default: true,
          },
        ],
      },
      {
        module: 'chaosprometheus.probes',
        name: 'compute_mean',
        kind: 'activity',
        arguments: [
          {
            name: 'query',
          },
          {
            name: 'window',
            default: '1d',
          },
          {
            name: 'mean_type',
            default: 'arithmetic',
          },
        ],
      },
      {
        module: 'chaosprometheus.probes',
        name: 'nodes_cpu_usage_mean',
        kind: 'activity',
        arguments: [
          {
            name: 'window',
            default: '1d',
          },
        ],
      },
    ],
  },
  {
    package: 'chaostoolkit-spring',
    repository: 'chaostoolkit-incubator/chaostoolkit-spring',
    version: '0.3.2',
    commit: '9c96ed6331a112e1b334e4c557bba8c6519ea0dc',
    functions: [
      {
        module: 'chaosspring.actions',
        name: 'enable_chaosmonkey',
        kind: 'activity',
        arguments: [
          {
            name: 'base_url',
          },
          {
            name: 'headers',
            default: null,
          },
          {
            name: 'timeout',
            default: null,
          },
          {
            name: 'verify_ssl',
            default: true,
          },
        ],
      },
      {
        module: 'chaosspring.actions',
        name: 'disable_chaosmonkey',
        kind: 'activity',
        arguments: [
          {
            name: 'base_url',
          },
          {
            name: 'headers',
            default: null,
          },
          {
            name: 'timeout',
            default: null,
          },
          {
            name: 'verify_ssl',
            default: true,
          },
        ],
      },
      {
        module: 'chaosspring.actions',
        name: 'change_assaults_configuration',
        kind: 'activity',
        arguments: [
          {
            name: 'base_url',
          },
          {
            name: 'assaults_configuration',
          },
          {
            name: 'headers',
            default: null,
          },
          {
            name: 'timeout',
            default: null,
          },
          {
            name: 'verify_ssl',
            default: true,
          },
        ],
      },
      {
        module: 'chaosspring.api',
        name: 'call_api',
        kind: 'helper',
        arguments: [
          {
            name: 'base_url',
          },
          {
            name: 'api_endpoint',
          },
          {
            name: 'method',
            default: 'GET',
          },
          {
            name: 'assaults_configuration',
            default: null,
          },
          {
            name: 'headers',
            default: null,
          },
          {
            name: 'timeout',
            default: null,
          },
          {
            name: 'verify',
            default: true,
          },
        ],
      },
      {
        module: 'chaosspring.probes',
        name: 'chaosmonkey_enabled',
        kind: 'activity',
        arguments: [
          {
            name: 'base_url',
          },
          {
            name: 'headers',
            default: null,
          },
          {
            name: 'timeout',
            default: null,
          },
          {
            name: 'verify_ssl',
            default: true,
          },
        ],
      },
      {
        module: 'chaosspring.probes',
        name: 'watcher_configuration',
        kind: 'activity',
        arguments: [
          {
            name: 'base_url',
          },
          {
            name: 'headers',
            default: null,
          },
          {
            name: 'timeout',
            default: null,
          },
          {
            name: 'verify_ssl',
            default: true,
          },
        ],
      },
      {
        module: 'chaosspring.probes',
        name: 'assaults_configuration',
        kind: 'activity',
        arguments: [
          {
            name: 'base_url',
          },
          {
            name: 'headers',
            default: null,
          },
          {
            name: 'timeout',
            default: null,
          },
          {
            name: 'verify_ssl',
            default: true,
          },
        ],
      },
    ],
  },
  {
    package: 'chaostoolkit-toxiproxy',
    repository: 'chaostoolkit-incubator/chaostoolkit-toxiproxy',
    version: '0.3.1',
    commit: 'c1d7c485ce0c614f3a5b494e26940e8a2f2775e2',
    functions: [
      {
        module: 'chaostoxi.toxiproxyapi',
        name: 'create_proxy',
        kind: 'helper',
        arguments: [
          {
            name: 'proxy_json',
          },
        ],
      },
      {
        module: 'chaostoxi.toxiproxyapi',
        name: 'modify_proxy',
        kind: 'helper',
        arguments: [
          {
            name: 'proxy_name',
          },
          {
            name: 'proxy_json',
          },
        ],
      },
      {
        module: 'chaostoxi.toxiproxyapi',
        name: 'delete_proxy',
        kind: 'helper',
        arguments: [
          {
            name: 'proxy_name',
          },
        ],
      },
      {
        module: 'chaostoxi.toxiproxyapi',
        name: 'read_proxy',
        kind: 'helper',
        arguments: [
          {
            name: 'proxy_name',
          },
        ],
      },
      {
        module: 'chaostoxi.toxiproxyapi',
        name: 'create_toxic',
        kind: 'helper',
        arguments: [
          {
            name: 'proxy_name',
          },
          {
            name: 'toxic_json',
          },
        ],
      },
      {
        module: 'chaostoxi.toxiproxyapi',
        name: 'delete_toxic',
        kind: 'helper',
        arguments: [
          {
            name: 'proxy_name',
          },
          {
            name: 'toxic_name',
          },
        ],
      },
      {
        module: 'chaostoxi.toxiproxyapi',
        name: 'reset',
        kind: 'helper',
        arguments: [],
      },
      {
        module: 'chaostoxi.toxiproxyapi',
        name: 'build_baseUrl',
        kind: 'helper',
        arguments: [],
      },
      {
        module: 'chaostoxi.toxiproxyapi',
        name: 'build_proxies_baseUrl',
        kind: 'helper',
        arguments: [],
      },
      {
        module: 'chaostoxi.proxy.actions',
        name: 'create_proxy',
        kind: 'activity',
        arguments: [
          {
            name: 'proxy_name',
          },
          {
            name: 'upstream_host',
          },
          {
            name: 'upstream_port',
          },
          {
            name: 'listen_host',
            default: '0.0.0.0',
          },
          {
            name: 'listen_port',
            default: 0,
          },
          {
            name: 'enabled',
            default: true,
          },
        ],
      },
      {
        module: 'chaostoxi.proxy.actions',
        name: 'disable_proxy',
        kind: 'activity',
        arguments: [
          {
            name: 'proxy_name',
          },
        ],
      },
      {
        module: 'chaostoxi.proxy.actions',
        name: 'enable_proxy',
        kind: 'activity',
        arguments: [
          {
            name: 'proxy_name',
          },
        ],
      },
      {
        module: 'chaostoxi.proxy.actions',
        name: 'modify_proxy',
        kind: 'activity',
        arguments: [
          {
            name: 'proxy_name',
          },
          {
            name: 'listen_address',
            default: null,
          },
          {
            name: 'upstream_address',
            default: null,
          },
          {
            name: 'enabled',
            default: null,
          },
        ],
      },
      {
        module: 'chaostoxi.proxy.actions',
        name: 'delete_proxy',
        kind: 'activity',
        arguments: [
          {
            name: 'proxy_name',
          },
        ],
      },
      {
        module: 'chaostoxi.proxy.actions',
        name: 'reset',
        kind: 'activity',
        arguments: [],
      },
      {
        module: 'chaostoxi.proxy.probes',
        name: 'proxy_exist',
        kind: 'activity',
        arguments: [
          {
            name: 'proxy_name',
          },
        ],
      },
      {
        module: 'chaostoxi.proxy.probes',
        name: 'get_proxy_attribute',
        kind: 'activity',
        arguments: [
          {
            name: 'proxy_name',
          },
          {
            name: 'attribute',
          },
        ],
      },
      {
        module: 'chaostoxi.toxic.actions',
        name: 'delete_toxic',
        kind: 'activity',
        arguments: [
          {
            name: 'for_proxy',
          },
          {
            name: 'toxic_name',
          },
        ],
      },
      {
        module: 'chaostoxi.toxic.actions',
        name: 'create_toxic',
        kind: 'activity',
        arguments: [
          {
            name: 'for_proxy',
          },
          {
            name: 'toxic_name',
          },
          {
            name: 'toxic_type',
          },
          {
            name: 'stream',
            default: 'downstream',
          },
          {
            name: 'toxicity',
            default: 1.0,
          },
          {
            name: 'attributes',
            default: null,
          },
        ],
      },
      {
        module: 'chaostoxi.toxic.actions',
        name: 'create_latency_toxic',
        kind: 'activity',
        arguments: [
          {
            name: 'for_proxy',
          },
          {
            name: 'toxic_name',
          },
          {
            name: 'latency',
          },
          {
            name: 'jitter',
            default: 0,
          },
        ],
      },
      {
        module: 'chaostoxi.toxic.actions',
        name: 'create_bandwith_degradation_toxic',
        kind: 'activity',
        arguments: [
          {
            name: 'for_proxy',
          },
          {
            name: 'toxic_name',
          },
          {
            name: 'rate',
          },
        ],
      },
      {
        module: 'chaostoxi.toxic.actions',
        name: 'create_slow_connection_close_toxic',
        kind: 'activity',
        arguments: [
          {
            name: 'for_proxy',
          },
          {
            name: 'toxic_name',
          },
          {
            name: 'delay',
          },
        ],
      },
      {
        module: 'chaostoxi.toxic.actions',
        name: 'create_timeout_toxic',
        kind: 'activity',
        arguments: [
          {
            name: 'for_proxy',
          },
          {
            name: 'toxic_name',
          },
          {
            name: 'timeout',
          },
        ],
      },
      {
        module: 'chaostoxi.toxic.actions',
        name: 'create_slicer_toxic',
        kind: 'activity',
        arguments: [
          {
            name: 'for_proxy',
          },
          {
            name: 'toxic_name',
          },
          {
            name: 'average_size',
          },
          {
            name: 'size_variation',
          },
          {
            name: 'delay',
          },
        ],
      },
      {
        module: 'chaostoxi.toxic.actions',
        name: 'create_limiter_toxic',
        kind: 'activity',
        arguments: [
          {
            name: 'for_proxy',
          },
          {
            name: 'toxic_name',
          },
          {
            name: 'bytes_limit',
          },
        ],
      },
    ],
  },
  {
    package: 'chaostoolkit-addons',
    repository: 'chaostoolkit/chaostoolkit-addons',
    version: '0.11.0',
    commit: '81d8e92f3abd92b3d32ccefd30b035aac292b900',
    functions: [
      {
        module: 'chaosaddons.controls.bypass',
        kind: 'control',
        hooks: ['before_experiment_control', 'before_activity_control', 'after_activity_control'],
        arguments: [
          {
            name: 'target_type',
          },
          {
            name: 'target_names',
          },
        ],
      },
      {
        module: 'chaosaddons.controls.repeat',
        kind: 'control',
        hooks: ['after_activity_control'],
        arguments: [
          {
            name: 'repeat_count',
            default: 0,
          },
          {
            name: 'break_if_previous_iteration_failed',
            default: false,
          },
        ],
      },
      {
        module: 'chaosaddons.controls.safeguards',
        kind: 'control',
        hooks: ['configure_control', 'before_experiment_control', 'after_experiment_control'],
        arguments: [
          {
            name: 'probes',
          },
        ],
      },
      {
        module: 'chaosaddons.controls.synchronization',
        kind: 'control',
        hooks: ['after_experiment_control'],
        arguments: [],
      },
      {
        module: 'chaosaddons.utils.idle',
        name: 'idle_for',
        kind: 'activity',
        arguments: [
          {
            name: 'duration',
          },
        ],
      },
    ],
  },
];
