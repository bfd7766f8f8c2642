import type { Driver } from '@faultline/core';
import { istioActivities } from '../istio/index.js';
import { kubernetesActivities } from './kubernetes-activities.js';
import { upstreamKubernetesActivities } from './upstream-activities.js';

/** @faultline/kubernetes: chaosk8s and chaosistio functions, native. Reverts name it by `name`. */
export const driver: Driver = {
  name: '@faultline/kubernetes',
  activities: [...kubernetesActivities, ...upstreamKubernetesActivities, ...istioActivities],
  reverts: [
    'cordon_node',
    'uncordon_node',
    'taint_nodes',
    'untaint_nodes',
    'scale_deployment',
    'scale_statefulset',
    'remove_network_policy',
    'remove_deny_all_ingress',
    'remove_deny_all_egress',
    'restore_custom_object',
    'restore_virtual_service_faults',
    'delete_stress_pod',
    'stop_pod_stress',
    'restore_deployment_restart',
    'remove_allow_dns_access',
    'delete_object',
    'recreate_objects',
    'restore_object',
  ],
};
