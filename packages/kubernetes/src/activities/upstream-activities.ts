import type { ActivityDefinition } from '@faultline/core';
import { createDeployment } from '../deployments/create-deployment.js';
import { createStatefulset } from '../statefulsets/create-statefulset.js';
import { removeStatefulset } from '../statefulsets/remove-statefulset.js';
import { createDaemonSet } from '../daemonsets/create-daemon-set.js';
import { deleteDaemonSet } from '../daemonsets/delete-daemon-set.js';
import { updateDaemonSet } from '../daemonsets/update-daemon-set.js';
import { daemonSetAvailableAndHealthy } from '../daemonsets/daemon-set-available-and-healthy.js';
import { daemonSetPartiallyAvailable } from '../daemonsets/daemon-set-partially-available.js';
import { daemonSetFullyAvailable } from '../daemonsets/daemon-set-fully-available.js';
import { daemonSetNotFullyAvailable } from '../daemonsets/daemon-set-not-fully-available.js';
import { deleteReplicaSet } from '../replicasets/delete-replica-set.js';
import { createServiceEndpoint } from '../services/create-service-endpoint.js';
import { deleteService } from '../services/delete-service.js';
import { serviceIsInitialized } from '../services/service-is-initialized.js';
import { createSecret } from '../secrets/create-secret.js';
import { deleteSecret } from '../secrets/delete-secret.js';
import { secretExists } from '../secrets/secret-exists.js';
import { createNamespace } from '../namespaces/create-namespace.js';
import { deleteNamespace } from '../namespaces/delete-namespace.js';
import { createIngress } from '../ingresses/create-ingress.js';
import { deleteIngress } from '../ingresses/delete-ingress.js';
import { updateIngress } from '../ingresses/update-ingress.js';
import { ingressExists } from '../ingresses/ingress-exists.js';
import { allowDnsAccess } from '../network/allow-dns-access.js';
import { removeAllowDnsAccess } from '../network/remove-allow-dns-access.js';
import { deleteNodes } from '../nodes/delete-nodes.js';
import { createNode } from '../nodes/create-node.js';
import { shouldBeFoundInLogs } from '../pods/should-be-found-in-logs.js';
import { execInPods } from '../pods/exec-in-pods.js';
import { applyFromJson } from '../crd/apply-from-json.js';
import { applyFromYaml } from '../crd/apply-from-yaml.js';
import { createCustomObject } from '../crd/create-custom-object.js';
import { deleteCustomObject } from '../crd/delete-custom-object.js';
import { createClusterCustomObject } from '../crd/create-cluster-custom-object.js';
import { deleteClusterCustomObject } from '../crd/delete-cluster-custom-object.js';
import { replaceCustomObject } from '../crd/replace-custom-object.js';
import { patchClusterCustomObject } from '../crd/patch-cluster-custom-object.js';
import { replaceClusterCustomObject } from '../crd/replace-cluster-custom-object.js';
import { getClusterCustomObject } from '../crd/get-cluster-custom-object.js';
import { listClusterCustomObjects } from '../crd/list-cluster-custom-objects.js';
import { addLatency } from '../chaosmesh/add-latency.js';
import { setLoss } from '../chaosmesh/set-loss.js';
import { duplicatePackets } from '../chaosmesh/duplicate-packets.js';
import { reorderPackets } from '../chaosmesh/reorder-packets.js';
import { corruptPackets } from '../chaosmesh/corrupt-packets.js';
import { setBandwidth } from '../chaosmesh/set-bandwidth.js';
import { deleteNetworkFault } from '../chaosmesh/delete-network-fault.js';
import { getNetworkFaults } from '../chaosmesh/get-network-faults.js';
import { getNetworkFault } from '../chaosmesh/get-network-fault.js';
import { stressCpu } from '../chaosmesh/stress-cpu.js';
import { stressMemory } from '../chaosmesh/stress-memory.js';
import { deleteStressor } from '../chaosmesh/delete-stressor.js';
import { getStressors } from '../chaosmesh/get-stressors.js';
import { getStressor } from '../chaosmesh/get-stressor.js';
import { allMicroservicesHealthy } from '../legacy/all-microservices-healthy.js';
import { microserviceAvailableAndHealthy } from '../legacy/microservice-available-and-healthy.js';
import { microserviceIsNotAvailable } from '../legacy/microservice-is-not-available.js';
import { serviceEndpointIsInitialized } from '../legacy/service-endpoint-is-initialized.js';
import { deploymentIsFullyAvailable } from '../legacy/deployment-is-fully-available.js';
import { deploymentIsNotFullyAvailable } from '../legacy/deployment-is-not-fully-available.js';
import { readMicroservicesLogs } from '../legacy/read-microservices-logs.js';
import { startMicroservice } from '../legacy/start-microservice.js';
import { removeServiceEndpoint } from '../legacy/remove-service-endpoint.js';
import { scaleMicroservice } from '../legacy/scale-microservice.js';
import { killMicroservice } from '../legacy/kill-microservice.js';
import { deleteObject } from '../objects/delete-object.js';
import { recreateObjects } from '../objects/recreate-objects.js';
import { restoreObject } from '../objects/restore-object.js';

/**
 * The rest of chaostoolkit-kubernetes: object lifecycles (create/delete/update of workloads,
 * services, secrets, namespaces, ingresses, nodes, custom objects), Chaos Mesh faults, the legacy
 * microservice functions, and the generic reverts they register.
 */
export const upstreamKubernetesActivities: readonly ActivityDefinition[] = [
  createDeployment,
  createStatefulset,
  removeStatefulset,
  createDaemonSet,
  deleteDaemonSet,
  updateDaemonSet,
  daemonSetAvailableAndHealthy,
  daemonSetPartiallyAvailable,
  daemonSetFullyAvailable,
  daemonSetNotFullyAvailable,
  deleteReplicaSet,
  createServiceEndpoint,
  deleteService,
  serviceIsInitialized,
  createSecret,
  deleteSecret,
  secretExists,
  createNamespace,
  deleteNamespace,
  createIngress,
  deleteIngress,
  updateIngress,
  ingressExists,
  allowDnsAccess,
  removeAllowDnsAccess,
  deleteNodes,
  createNode,
  shouldBeFoundInLogs,
  execInPods,
  applyFromJson,
  applyFromYaml,
  createCustomObject,
  deleteCustomObject,
  createClusterCustomObject,
  deleteClusterCustomObject,
  replaceCustomObject,
  patchClusterCustomObject,
  replaceClusterCustomObject,
  getClusterCustomObject,
  listClusterCustomObjects,
  addLatency,
  setLoss,
  duplicatePackets,
  reorderPackets,
  corruptPackets,
  setBandwidth,
  deleteNetworkFault,
  getNetworkFaults,
  getNetworkFault,
  stressCpu,
  stressMemory,
  deleteStressor,
  getStressors,
  getStressor,
  allMicroservicesHealthy,
  microserviceAvailableAndHealthy,
  microserviceIsNotAvailable,
  serviceEndpointIsInitialized,
  deploymentIsFullyAvailable,
  deploymentIsNotFullyAvailable,
  readMicroservicesLogs,
  startMicroservice,
  removeServiceEndpoint,
  scaleMicroservice,
  killMicroservice,
  deleteObject,
  recreateObjects,
  restoreObject,
];
