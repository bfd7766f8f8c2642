import type { ActivityDefinition } from '@faultline/core';

/** Istio VirtualService fault activities (chaosistio.fault.actions), listed by the driver. */
export const istioActivities: readonly ActivityDefinition[] = [];
