import type { HttpFault } from './virtual-service-types.js';
import type { RouteIdentity } from './route-identity.js';

/** The fault of one http route before and after a change; null means no fault block. */
export interface RouteChange {
  index: number;
  identity: RouteIdentity;
  before: HttpFault | null;
  after: HttpFault | null;
}
