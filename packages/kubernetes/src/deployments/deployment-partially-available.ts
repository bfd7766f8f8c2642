import { deploymentAvailabilityProbe } from './deployment-availability-probe.js';

/** True when the named deployment has at least one available replica. */
export const deploymentPartiallyAvailable = deploymentAvailabilityProbe({
  name: 'deployment_partially_available',
  description: 'Check that a deployment has at least one available replica.',
  raiseFlag: 'raise_on_not_partially_available',
  problem: (deployment) => ((deployment.status?.availableReplicas ?? 0) >= 1 ? undefined : 'no available replica'),
});
