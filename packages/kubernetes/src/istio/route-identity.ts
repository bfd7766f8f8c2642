import { createHash } from 'node:crypto';
import type { HttpRoute } from './virtual-service-types.js';

/**
 * What identifies an http route besides its position: its name, its match conditions and its
 * destinations. Recorded in reverts so the right route is restored even if routes were reordered.
 * Match conditions are recorded as a hash: they may hold header values (tokens, user ids) that
 * have no business in a journal.
 */
export interface RouteIdentity {
  name?: string;
  matchHash?: string;
  destinations: Array<{ host: string; subset?: string }>;
}

export function routeIdentity(route: HttpRoute): RouteIdentity {
  const identity: RouteIdentity = { destinations: [] };
  if (typeof route.name === 'string') identity.name = route.name;
  if (Array.isArray(route.match))
    identity.matchHash = createHash('sha256').update(canonicalJson(route.match)).digest('hex').slice(0, 32);
  for (const entry of route.route ?? []) {
    const destination = entry.destination;
    if (typeof destination?.host !== 'string') continue;
    identity.destinations.push(
      typeof destination.subset === 'string'
        ? { host: destination.host, subset: destination.subset }
        : { host: destination.host },
    );
  }
  return identity;
}

// Key order is not meaningful (the API server may reorder keys), so hash with sorted keys.
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
