export { istioActivities } from './istio-activities.js';
export { addDelayFault } from './add-delay-fault.js';
export { addAbortFault } from './add-abort-fault.js';
export { setFault } from './set-fault.js';
export { removeDelayFault } from './remove-delay-fault.js';
export { removeAbortFault } from './remove-abort-fault.js';
export { unsetFault } from './unset-fault.js';
export { getVirtualService } from './get-virtual-service.js';
export { restoreVirtualServiceFaults } from './restore-virtual-service-faults.js';
export {
  applyRouteChanges,
  type ApplyRouteChangesOptions,
  type RouteChangesResult,
  type RouteReport,
} from './apply-route-changes.js';
export type { VirtualServiceClient, VirtualServiceRef, ApiAnswer } from './virtual-service-client.js';
export type { VirtualService, HttpRoute, HttpFault } from './virtual-service-types.js';
