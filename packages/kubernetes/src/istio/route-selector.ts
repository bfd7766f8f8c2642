import type { HttpRoute } from './virtual-service-types.js';
import { hostKey } from './host-key.js';

/** A destination to aim at: `subset` omitted means every subset of the host. */
export interface RouteSelector {
  host: string;
  subset?: string;
}

/** chaosistio writes `{destination: {host, subset}}`; the flat `{host, subset}` is accepted too. */
export type RouteSelectorInput = { destination: RouteSelector } | RouteSelector;

export function toRouteSelector(input: RouteSelectorInput): RouteSelector {
  const selector = 'destination' in input ? input.destination : input;
  return selector.subset === undefined ? { host: selector.host } : { host: selector.host, subset: selector.subset };
}

/**
 * Why a route cannot carry a fault, or undefined when it can: Istio refuses a fault beside a
 * direct response ("HTTP route cannot contain both fault and direct_response") or a redirect, and a
 * delegating route's faults belong in the delegate VirtualService.
 */
export function unfaultableReason(route: HttpRoute): string | undefined {
  if (route['directResponse'] !== undefined) return 'directResponse';
  if (route['redirect'] !== undefined) return 'redirect';
  if (route['delegate'] !== undefined) return 'delegate';
  return undefined;
}

/** The routes a fault cannot go on, named for the output. */
export function unfaultableRoutes(http: readonly HttpRoute[]): Array<{ index: number; name?: string; reason: string }> {
  return http.flatMap((route, index) => {
    const reason = unfaultableReason(route);
    return reason ? [{ index, ...(route.name === undefined ? {} : { name: route.name }), reason }] : [];
  });
}

/**
 * Indices of the http routes that send traffic to one of the selected destinations. No selectors
 * (or an empty list) selects every http route that can carry a fault, which is what the seed's
 * experiments expect. A route that cannot carry one (unfaultableReason) is never selected.
 */
export function selectRoutes(
  http: readonly HttpRoute[],
  selectors: readonly RouteSelector[] | undefined,
  namespace: string,
): number[] {
  const indices: number[] = [];
  http.forEach((route, index) => {
    const all = !selectors || selectors.length === 0;
    if (unfaultableReason(route) === undefined && (all || routeMatches(route, selectors, namespace)))
      indices.push(index);
  });
  return indices;
}

function routeMatches(route: HttpRoute, selectors: readonly RouteSelector[], namespace: string): boolean {
  for (const entry of route.route ?? []) {
    const destination = entry.destination;
    if (typeof destination?.host !== 'string') continue;
    const key = hostKey(destination.host, namespace);
    for (const selector of selectors) {
      if (hostKey(selector.host, namespace) !== key) continue;
      if (selector.subset === undefined || selector.subset === destination.subset) return true;
    }
  }
  return false;
}
