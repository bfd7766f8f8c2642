import { ActivityFailedError } from '@faultline/core';
import { editFault, type FaultEdit } from './edit-fault.js';
import { routeIdentity } from './route-identity.js';
import type { RouteChange } from './route-change.js';
import { selectRoutes, type RouteSelector } from './route-selector.js';
import type { VirtualService } from './virtual-service-types.js';

/**
 * The fault each selected route of `vs` gets from `edit`. Every selected route is listed, changed or
 * not, so a dry run shows the exact targets. Selecting nothing is an error: chaosistio silently
 * succeeded without injecting anything, which made experiments pass for the wrong reason.
 */
export function planFaultChanges(
  vs: VirtualService,
  selectors: readonly RouteSelector[] | undefined,
  namespace: string,
  edit: FaultEdit,
): RouteChange[] {
  const http = vs.spec?.http ?? [];
  const indices = selectRoutes(http, selectors, namespace);
  if (indices.length === 0) {
    const name = `${namespace}/${vs.metadata.name ?? '?'}`;
    const hosts = [
      ...new Set(http.flatMap((route) => (route.route ?? []).map((entry) => describe(entry.destination)))),
    ];
    const message =
      http.length === 0
        ? `VirtualService ${name} has no http routes to inject a fault into`
        : !selectors || selectors.length === 0
          ? `VirtualService ${name} has no http route that can carry a fault (directResponse, redirect and delegate routes cannot)`
          : `no http route of VirtualService ${name} goes to ${selectors.map(describe).join(', ')}`;
    throw new ActivityFailedError(message, {
      code: 'E_ISTIO_NO_ROUTE',
      hint:
        hosts.length > 0 ? `its routes go to: ${hosts.join(', ')}` : 'check the VirtualService has spec.http routes',
    });
  }
  return indices.map((index) => {
    const route = http[index]!;
    return {
      index,
      identity: routeIdentity(route),
      before: route.fault ?? null,
      after: editFault(route.fault, edit) ?? null,
    };
  });
}

function describe(destination: { host?: string; subset?: string } | undefined): string {
  if (!destination?.host) return '?';
  return destination.subset === undefined ? destination.host : `${destination.host} (subset ${destination.subset})`;
}
