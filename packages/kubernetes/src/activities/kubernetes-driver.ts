import type { Driver } from '@faultline/core';
import { istioActivities } from '../istio/index.js';
import { kubernetesActivities } from './kubernetes-activities.js';

/** @faultline/kubernetes: chaosk8s and chaosistio functions, native. Reverts name it by `name`. */
export const driver: Driver = {
  name: '@faultline/kubernetes',
  activities: [...kubernetesActivities, ...istioActivities],
};
