import type { HttpFault, VirtualService } from './virtual-service-types.js';
import { findRoute } from './find-route.js';
import type { RouteChange } from './route-change.js';
import type { RouteIdentity } from './route-identity.js';

/** A route as a revert records it: where it was, how to recognise it, and the fault to put back. */
export interface RecordedRoute {
  index: number;
  identity: RouteIdentity;
  fault: HttpFault | null;
}

/** Changes that put each recorded fault back exactly; routes that no longer exist are listed apart. */
export function planRestore(
  vs: VirtualService,
  recorded: readonly RecordedRoute[],
): { changes: RouteChange[]; missing: RecordedRoute[] } {
  const http = vs.spec?.http ?? [];
  const changes: RouteChange[] = [];
  const missing: RecordedRoute[] = [];
  for (const entry of recorded) {
    const index = findRoute(http, entry.index, entry.identity);
    if (index === undefined) {
      missing.push(entry);
      continue;
    }
    changes.push({
      index,
      identity: entry.identity,
      before: http[index]!.fault ?? null,
      after: entry.fault === null ? null : structuredClone(entry.fault),
    });
  }
  return { changes, missing };
}
