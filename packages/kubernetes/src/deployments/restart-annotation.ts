/** The pod-template annotation `kubectl rollout restart` (and chaosk8s's rollout_deployment) sets. */
export const restartAnnotation = 'kubectl.kubernetes.io/restartedAt';
