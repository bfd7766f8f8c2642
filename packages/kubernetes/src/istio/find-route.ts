import { isDeepStrictEqual } from 'node:util';
import type { HttpRoute } from './virtual-service-types.js';
import { routeIdentity, type RouteIdentity } from './route-identity.js';

/**
 * Where a recorded route is now: at its recorded index if it is still the same route, otherwise the
 * first route with the same identity; undefined when it is gone.
 */
export function findRoute(http: readonly HttpRoute[], index: number, identity: RouteIdentity): number | undefined {
  const same = (route: HttpRoute | undefined) =>
    route !== undefined && isDeepStrictEqual(normalise(routeIdentity(route)), normalise(identity));
  if (same(http[index])) return index;
  const found = http.findIndex((route) => same(route));
  return found === -1 ? undefined : found;
}

// Identities read back from a JSON journal lose undefined keys; compare them without those.
function normalise(identity: RouteIdentity): unknown {
  return JSON.parse(JSON.stringify(identity));
}
