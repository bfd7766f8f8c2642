import type { ActivityDefinition } from '@faultline/core';
import { cordonNode } from '../nodes/cordon-node.js';
import { uncordonNode } from '../nodes/uncordon-node.js';
import { drainNodes } from '../nodes/drain-nodes.js';
import { taintNodes } from '../nodes/taint-nodes.js';
import { untaintNodes } from '../nodes/untaint-nodes.js';
import { getNodes } from '../nodes/get-nodes.js';
import { allNodesMustBeReadyToSchedule } from '../nodes/all-nodes-must-be-ready-to-schedule.js';
import { terminatePods } from '../pods/terminate-pods.js';
import { podsInPhase } from '../pods/pods-in-phase.js';
import { podsNotInPhase } from '../pods/pods-not-in-phase.js';
import { podsInConditions } from '../pods/pods-in-conditions.js';
import { countPods } from '../pods/count-pods.js';
import { countMinPods } from '../pods/count-min-pods.js';
import { readPodLogs } from '../pods/read-pod-logs.js';
import { allPodsHealthy } from '../pods/all-pods-healthy.js';
import { podIsNotAvailable } from '../pods/pod-is-not-available.js';
import { deletePods } from '../pods/delete-pods.js';
import { deploymentPartiallyAvailable } from '../deployments/deployment-partially-available.js';
import { getAllNodeStatusConditions } from '../nodes/get-all-node-status-conditions.js';
import { verifyNodesCondition } from '../nodes/verify-nodes-condition.js';
import { nodesMustBeHealthy } from '../nodes/nodes-must-be-healthy.js';
import { scaleDeployment } from '../deployments/scale-deployment.js';
import { rolloutDeployment } from '../deployments/rollout-deployment.js';
import { restoreDeploymentRestart } from '../deployments/restore-deployment-restart.js';
import { deleteDeployment } from '../deployments/delete-deployment.js';
import { deploymentAvailableAndHealthy } from '../deployments/deployment-available-and-healthy.js';
import { deploymentFullyAvailable } from '../deployments/deployment-fully-available.js';
import { deploymentNotFullyAvailable } from '../deployments/deployment-not-fully-available.js';
import { scaleStatefulset } from '../statefulsets/scale-statefulset.js';
import { statefulsetFullyAvailable } from '../statefulsets/statefulset-fully-available.js';
import { statefulsetNotFullyAvailable } from '../statefulsets/statefulset-not-fully-available.js';
import { stressNode } from '../stress/stress-node.js';
import { deleteStressPod } from '../stress/delete-stress-pod.js';
import { stressPods } from '../stress/stress-pods.js';
import { stopPodStress } from '../stress/stop-pod-stress.js';
import { denyAllIngress } from '../network/deny-all-ingress.js';
import { denyAllEgress } from '../network/deny-all-egress.js';
import { removeDenyAllIngress } from '../network/remove-deny-all-ingress.js';
import { removeDenyAllEgress } from '../network/remove-deny-all-egress.js';
import { createNetworkPolicy } from '../network/create-network-policy.js';
import { removeNetworkPolicy } from '../network/remove-network-policy.js';
import { getCustomObject } from '../generic/get-custom-object.js';
import { listCustomObjects } from '../generic/list-custom-objects.js';
import { patchCustomObject } from '../generic/patch-custom-object.js';
import { restoreCustomObject } from '../generic/restore-custom-object.js';
import { getEvents } from '../generic/get-events.js';
import { namespaceExists } from '../generic/namespace-exists.js';

/** The Kubernetes activities (chaosk8s names), Istio's excepted. */
export const kubernetesActivities: readonly ActivityDefinition[] = [
  terminatePods,
  deletePods,
  podsInPhase,
  podsNotInPhase,
  podsInConditions,
  countPods,
  countMinPods,
  readPodLogs,
  allPodsHealthy,
  podIsNotAvailable,
  scaleDeployment,
  rolloutDeployment,
  restoreDeploymentRestart,
  deleteDeployment,
  deploymentAvailableAndHealthy,
  deploymentFullyAvailable,
  deploymentNotFullyAvailable,
  deploymentPartiallyAvailable,
  scaleStatefulset,
  statefulsetFullyAvailable,
  statefulsetNotFullyAvailable,
  cordonNode,
  uncordonNode,
  drainNodes,
  taintNodes,
  untaintNodes,
  getNodes,
  allNodesMustBeReadyToSchedule,
  getAllNodeStatusConditions,
  verifyNodesCondition,
  nodesMustBeHealthy,
  stressNode,
  deleteStressPod,
  stressPods,
  stopPodStress,
  denyAllIngress,
  denyAllEgress,
  removeDenyAllIngress,
  removeDenyAllEgress,
  createNetworkPolicy,
  removeNetworkPolicy,
  getCustomObject,
  listCustomObjects,
  patchCustomObject,
  restoreCustomObject,
  getEvents,
  namespaceExists,
];
