import { deploymentNotFullyAvailable } from '../deployments/deployment-not-fully-available.js';
import { deprecatedDeploymentProbe } from './deprecated-deployment-probe.js';

/** chaosk8s's deprecated deployment_is_not_fully_available: deployment_not_fully_available. */
export const deploymentIsNotFullyAvailable = deprecatedDeploymentProbe(
  'deployment_is_not_fully_available',
  deploymentNotFullyAvailable,
  'replicas are missing',
);
