import type { ActivityDefinition } from '@faultline/core';
import { addAbortFault } from './add-abort-fault.js';
import { addDelayFault } from './add-delay-fault.js';
import { getVirtualService } from './get-virtual-service.js';
import { removeAbortFault } from './remove-abort-fault.js';
import { removeDelayFault } from './remove-delay-fault.js';
import { restoreVirtualServiceFaults } from './restore-virtual-service-faults.js';
import { setFault } from './set-fault.js';
import { unsetFault } from './unset-fault.js';

/** Istio VirtualService fault activities (chaosistio.fault.actions / .probes), listed by the driver. */
export const istioActivities: readonly ActivityDefinition[] = [
  addDelayFault,
  addAbortFault,
  setFault,
  removeDelayFault,
  removeAbortFault,
  unsetFault,
  getVirtualService,
  restoreVirtualServiceFaults,
];
