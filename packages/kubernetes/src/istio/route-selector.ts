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
 * Indices of the http routes that send traffic to one of the selected destinations. No selectors
 * (or an empty list) selects every http route that can carry a fault, which is what the seed's
 * experiments expect: Istio rejects a fault on a redirect route, and a delegating route's faults
 * belong in the delegate VirtualService.
 */
export function selectRoutes(
  http: readonly HttpRoute[],
  selectors: readonly RouteSelector[] | undefined,
  namespace: string,
): number[] {
  const indices: number[] = [];
  http.forEach((route, index) => {
    const all = !selectors || selectors.length === 0;
    if (
      all
        ? route['redirect'] === undefined && route['delegate'] === undefined
        : routeMatches(route, selectors, namespace)
    )
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
