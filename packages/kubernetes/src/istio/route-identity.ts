import type { HttpRoute } from './virtual-service-types.js';

/**
 * What identifies an http route besides its position: its name, its match conditions and its
 * destinations. Recorded in reverts so the right route is restored even if routes were reordered.
 */
export interface RouteIdentity {
  name?: string;
  match?: unknown[];
  destinations: Array<{ host: string; subset?: string }>;
}

export function routeIdentity(route: HttpRoute): RouteIdentity {
  const identity: RouteIdentity = { destinations: [] };
  if (typeof route.name === 'string') identity.name = route.name;
  if (Array.isArray(route.match)) identity.match = structuredClone(route.match);
  for (const entry of route.route ?? []) {
    const destination = entry.destination;
    if (typeof destination?.host !== 'string') continue;
    identity.destinations.push(typeof destination.subset === 'string' ? { host: destination.host, subset: destination.subset } : { host: destination.host });
  }
  return identity;
}
