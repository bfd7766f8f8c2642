import { deploymentAvailabilityProbe } from './deployment-availability-probe.js';

/** True when the named deployment has as many available replicas as it wants. */
export const deploymentAvailableAndHealthy = deploymentAvailabilityProbe({
  name: 'deployment_available_and_healthy',
  description: 'Check that a deployment has all its desired replicas available.',
  raiseFlag: 'raise_on_unavailable',
  problem(deployment) {
    const available = deployment.status?.availableReplicas ?? 0;
    const desired = deployment.spec?.replicas ?? 1;
    return available === desired ? undefined : `${available} of ${desired} replicas available`;
  },
});
