import { deploymentFullyAvailable } from '../deployments/deployment-fully-available.js';
import { deprecatedDeploymentProbe } from './deprecated-deployment-probe.js';

/** chaosk8s's deprecated deployment_is_fully_available: deployment_fully_available. */
export const deploymentIsFullyAvailable = deprecatedDeploymentProbe(
  'deployment_is_fully_available',
  deploymentFullyAvailable,
  'every replica is ready',
);
